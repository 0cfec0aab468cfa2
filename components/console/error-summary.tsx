"use client";

import { useEffect, useRef } from "react";
import type { FieldError } from "@/lib/domain/errors";

export interface ErrorSummaryProps {
  title?: string;
  message: string;
  fieldErrors?: FieldError[];
  /** Maps an error path to the id of the field it belongs to, so each error links to its field. */
  fieldIdOf?: (path: string) => string | null;
  /** Shown when the session ended: a link to sign in again. */
  signInHref?: string | null;
}

/** The GOV.UK pattern: a focused box listing what went wrong, each linking to its field. */
export function ErrorSummary({ title = "There is a problem", message, fieldErrors = [], fieldIdOf, signInHref }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message, fieldErrors]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title}</h2>
      <p>{message}</p>
      {fieldErrors.length ? (
        <ul>
          {fieldErrors.map((error) => {
            const id = fieldIdOf?.(error.path);
            return <li key={`${error.path}:${error.message}`}>{id ? <a href={`#${id}`}>{error.message}</a> : error.message}</li>;
          })}
        </ul>
      ) : null}
      {signInHref ? (
        <p>
          <a href={signInHref}>Sign in again</a> and then repeat what you were doing.
        </p>
      ) : null}
    </div>
  );
}

export function errorFor(fieldErrors: FieldError[] | undefined, path: string): string | null {
  return fieldErrors?.find((e) => e.path === path || e.path.endsWith(`.${path}`))?.message ?? null;
}
