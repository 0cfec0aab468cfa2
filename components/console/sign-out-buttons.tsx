"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "./api-client";

/** Sign out here, or end every session of this account (a lost laptop, a shared computer). */
export function SignOutButtons({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const signOut = async (path: string) => {
    const result = await callApi(path, { csrfToken });
    // Signed out already (session ended) is as good as signed out.
    if (result.ok || result.status === 401) router.replace("/sign-in");
    else setError(result.error.message);
  };
  return (
    <>
      <button type="button" className="button button--inverse button--small" onClick={() => void signOut("/api/v1/auth/sign-out")}>
        Sign out
      </button>
      <button type="button" className="button button--inverse button--small" onClick={() => void signOut("/api/v1/auth/sign-out-everywhere")}>
        Sign out everywhere
      </button>
      {error ? <span role="alert">{error}</span> : null}
    </>
  );
}
