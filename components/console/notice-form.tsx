"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ErrorBody } from "@/lib/api/error-response";
import { timesFromForm, type TimeFormValues } from "@/lib/console/status-form";
import { NOTICE_LEVELS, NOTICE_TEXT_MAX_LENGTH, noticeInputSchema, type NoticeLevel } from "@/lib/domain/notices";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { callApi } from "./api-client";
import { useIdempotencyKeys } from "./idempotency-keys";
import { ErrorSummary, errorFor } from "./error-summary";
import { useNow } from "./layer/use-now";
import { TimeFields } from "./time-fields";

const LEVEL_LABELS: Record<NoticeLevel, string> = { info: "Information", warning: "Warning", severe: "Severe" };
const FIELD_IDS: Record<string, string> = { level: "notice-level-field", text: "notice-text", from: "notice-from-field", until: "notice-until-field" };

/** A council-wide banner: level, plain text, and when it shows. Validated with the server's schema. */
export function NoticeForm({ csrfToken, serverNow }: { csrfToken: string; serverNow: number }) {
  const router = useRouter();
  const idempotency = useIdempotencyKeys();
  const now = useNow(serverNow);
  const [level, setLevel] = useState<NoticeLevel>("warning");
  const [text, setText] = useState("");
  const [times, setTimes] = useState<TimeFormValues>({ startsLater: false, fromInput: "", untilPreset: "end-of-today", untilInput: "" });
  const [error, setError] = useState<ErrorBody | null>(null);
  const [published, setPublished] = useState<string | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { from, until, fieldErrors } = timesFromForm(times, Date.now());
    const parsed = noticeInputSchema.safeParse({ level, text, from, until });
    const errors = [...fieldErrors, ...(parsed.success ? [] : fieldErrorsOf(parsed.error))];
    if (errors.length || !parsed.success) return setError({ status: 400, message: "Check the notice: nothing was published.", fieldErrors: errors });
    const result = await callApi<unknown>("/api/v1/notices", { body: parsed.data, csrfToken, idempotency });
    if (!result.ok) return setError(result.error);
    setError(null);
    setText("");
    setPublished(parsed.data.text);
    router.refresh();
  }

  const textError = errorFor(error?.fieldErrors, "text");
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="notice-form-title">
      <h2 id="notice-form-title">New notice</h2>
      {error ? <ErrorSummary message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => FIELD_IDS[p] ?? null} /> : null}
      {published ? (
        <p role="status" className="success-panel">
          Published: “{published}”. It shows on every public page.
        </p>
      ) : null}
      <div className="field" id="notice-level-field">
        <fieldset>
          <legend>Level</legend>
          <div className="choices choices--inline">
            {NOTICE_LEVELS.map((l) => (
              <label className="choice" key={l}>
                <input type="radio" name="notice-level" checked={level === l} onChange={() => setLevel(l)} /> {LEVEL_LABELS[l]}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className={`field${textError ? " field--error" : ""}`}>
        <label htmlFor="notice-text">Text</label>
        <span className="hint" id="notice-text-hint">
          Plain text, up to {NOTICE_TEXT_MAX_LENGTH} characters, shown as written.
        </span>
        {textError ? <span className="field-error">{textError}</span> : null}
        <textarea id="notice-text" value={text} aria-describedby="notice-text-hint" onChange={(e) => setText(e.target.value)} rows={3} />
      </div>
      <TimeFields idPrefix="notice" values={times} errors={{ from: errorFor(error?.fieldErrors, "from"), until: errorFor(error?.fieldErrors, "until") }} now={now} onChange={(patch) => setTimes({ ...times, ...patch })} />
      <button type="submit" className="button">
        Publish notice
      </button>
    </form>
  );
}
