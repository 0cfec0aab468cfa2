import Link from "next/link";
import type { ReactNode } from "react";

/** What a console page shows an account whose role may not use it; the API answers 403 itself. */
export function NotAllowed({ children }: { children: ReactNode }) {
  return (
    <div className="error-summary" role="alert">
      <h2>403: not allowed</h2>
      <p>{children}</p>
      <p>
        <Link href="/console">Back to the overview</Link>
      </p>
    </div>
  );
}
