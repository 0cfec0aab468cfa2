"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi } from "../api-client";

export interface SendAgainButtonProps {
  path: string;
  csrfToken: string;
  /** What screen readers hear, naming the delivery and the webhook. */
  label: string;
  /** Whether the last attempt failed (the button shows only then). */
  canSendAgain: boolean;
  attempts: number;
  /** The outcome as the row now shows it, e.g. "Delivered (HTTP 200)". */
  outcome: string;
}

/**
 * "Send again" for a failed delivery. It stays mounted (keyed by delivery) as the page refreshes, so
 * once the new attempt is recorded it can say how it went, and keep keyboard focus in the row when
 * the button itself goes away.
 */
export function SendAgainButton({ path, csrfToken, label, canSendAgain, attempts, outcome }: SendAgainButtonProps) {
  const router = useRouter();
  // The attempt count when the admin asked: a higher count means the new attempt has been recorded.
  const [sentAfterAttempt, setSentAfterAttempt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const messageRef = useRef<HTMLSpanElement>(null);
  const hadFocus = useRef(false);
  const isSending = sentAfterAttempt !== null && attempts <= sentAfterAttempt;
  const message = sentAfterAttempt === null ? "" : isSending ? "Sending again now…" : `Sent again: ${outcome}`;

  async function send() {
    const result = await callApi<unknown>(path, { csrfToken });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setSentAfterAttempt(attempts);
    router.refresh();
  }

  useEffect(() => {
    // The worker sends at once; refresh until its attempt shows rather than waiting for the page's next refresh.
    if (!isSending) return;
    const timer = setInterval(() => router.refresh(), 1_000);
    return () => clearInterval(timer);
  }, [router, isSending]);

  useEffect(() => {
    if (!canSendAgain && hadFocus.current && (document.activeElement === null || document.activeElement === document.body)) messageRef.current?.focus();
    if (!canSendAgain) hadFocus.current = false;
  }, [canSendAgain]);

  return (
    <span>
      {canSendAgain ? (
        <button
          type="button"
          className="button button--small button--secondary"
          aria-label={label}
          onFocus={() => (hadFocus.current = true)}
          onClick={() => void send()}
        >
          Send again
        </button>
      ) : null}
      <span role="status" ref={messageRef} tabIndex={-1} className="send-again-status">
        {message}
      </span>
      {error ? <span role="alert" className="field-error"> {error}</span> : null}
    </span>
  );
}
