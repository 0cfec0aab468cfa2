"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { callApi } from "./api-client";

export interface ActionButtonProps {
  path: string;
  method?: string;
  csrfToken: string;
  /** What screen readers hear, naming the row it acts on ("End notice: Roads icy"). */
  label: string;
  children: ReactNode;
  variant?: "secondary" | "warning";
  /** Called with the reply; by default the page's server data is reloaded. */
  onDone?(data: unknown): void;
}

/** A one-click console action (end, revoke, disable…) that reloads the page's data afterwards. */
export function ActionButton({ path, method = "POST", csrfToken, label, children, variant = "secondary", onDone }: ActionButtonProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await callApi<unknown>(path, { method, csrfToken });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    if (onDone) onDone(result.data);
    else router.refresh();
  };
  return (
    <span>
      <button type="button" className={`button button--small button--${variant}`} aria-label={label} disabled={isBusy} onClick={() => void run()}>
        {children}
      </button>
      {error ? <span role="alert" className="field-error"> {error}</span> : null}
    </span>
  );
}
