"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import type { ErrorBody } from "@/lib/api/error-response";
import { PASSWORD_HINT } from "@/lib/domain/password-rule";
import { claimLinkFormSchema } from "@/lib/domain/users";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { callApi } from "./api-client";
import { ErrorSummary, errorFor } from "./error-summary";

/** A new user opens their one-time link and chooses a password; the token is in the URL fragment. */
export function ClaimLinkForm() {
  const [token, setToken] = useState<string | null>(null);
  const router = useRouter();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const value = new URLSearchParams(window.location.hash.slice(1)).get("token");
    // Take the token out of the address bar so it is not bookmarked or shared by accident.
    if (value) window.history.replaceState(null, "", window.location.pathname);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the fragment only exists in the browser
    setToken(value ?? "");
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = claimLinkFormSchema.safeParse({ token, password: new FormData(event.currentTarget).get("password") });
    if (!parsed.success) {
      setError({ status: 400, message: "Choose a password.", fieldErrors: fieldErrorsOf(parsed.error) });
      return;
    }
    setBusy(true);
    const result = await callApi<unknown>("/api/v1/auth/claim-link", { body: parsed.data, csrfToken: "" });
    if (result.ok) {
      router.replace("/console");
      return;
    }
    setBusy(false);
    setError(result.error);
  }

  if (token === null) return <p>Reading your sign-in link…</p>;
  if (token === "") {
    return (
      <p role="alert">
        This page needs the whole link you were sent. Open it again, or ask an administrator for a new one.
      </p>
    );
  }
  const passwordError = errorFor(error?.fieldErrors, "password");
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="sign-in">
      {error ? <ErrorSummary message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => (p === "password" ? "new-password" : null)} /> : null}
      <div className={`field${passwordError ? " field--error" : ""}`}>
        <label htmlFor="new-password">Choose a password</label>
        <span className="hint" id="new-password-hint">
          {PASSWORD_HINT}
        </span>
        {passwordError ? <span className="field-error" id="new-password-error">{passwordError}</span> : null}
        <input id="new-password" name="password" type="password" autoComplete="new-password" required aria-describedby={`new-password-hint${passwordError ? " new-password-error" : ""}`} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        Set password and sign in
      </button>
    </form>
  );
}
