"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ErrorBody } from "@/lib/api/error-response";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { signInInputSchema } from "@/lib/domain/users";
import { callApi } from "./api-client";
import { ErrorSummary, errorFor } from "./error-summary";

const FIELD_IDS: Record<string, string> = { email: "email", password: "password" };

/** Email and password; the same words for every refusal, so the form never tells who has an account. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = signInInputSchema.safeParse({ email: data.get("email"), password: data.get("password") });
    if (!parsed.success) {
      setError({ status: 400, message: "Enter your email and password.", fieldErrors: fieldErrorsOf(parsed.error) });
      return;
    }
    setBusy(true);
    // Sign-in needs no CSRF token yet: the endpoint checks the Origin and takes JSON only.
    const result = await callApi<unknown>("/api/v1/auth/sign-in", { body: parsed.data, csrfToken: "" });
    if (result.ok) {
      router.replace(next);
      return;
    }
    setBusy(false);
    setError(result.error);
  }

  const emailError = errorFor(error?.fieldErrors, "email");
  const passwordError = errorFor(error?.fieldErrors, "password");
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="sign-in">
      {error ? <ErrorSummary title={error.status === 429 ? "Signing in is paused" : "You are not signed in"} message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => FIELD_IDS[p] ?? null} /> : null}
      <div className={`field${emailError ? " field--error" : ""}`}>
        <label htmlFor="email">Email address</label>
        {emailError ? <span className="field-error" id="email-error">{emailError}</span> : null}
        <input id="email" name="email" type="email" autoComplete="username" spellCheck={false} required aria-describedby={emailError ? "email-error" : undefined} />
      </div>
      <div className={`field${passwordError ? " field--error" : ""}`}>
        <label htmlFor="password">Password</label>
        {passwordError ? <span className="field-error" id="password-error">{passwordError}</span> : null}
        <input id="password" name="password" type="password" autoComplete="current-password" required aria-describedby={passwordError ? "password-error" : undefined} />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
