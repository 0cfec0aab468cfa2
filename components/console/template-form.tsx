"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ErrorBody } from "@/lib/api/error-response";
import { LAYERS, LAYER_LABELS } from "@/lib/domain/layers";
import { MESSAGE_MAX_LENGTH } from "@/lib/domain/status";
import { templateInputSchema } from "@/lib/domain/templates";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { callApi } from "./api-client";
import { useIdempotencyKeys } from "./idempotency-keys";
import { ErrorSummary, errorFor } from "./error-summary";

const FIELD_IDS: Record<string, string> = { layer: "template-layer", name: "template-name", message: "template-message" };

/** Saves a message officers can pick in the status form, e.g. "Closed due to snow. Check back at 7am." */
export function TemplateForm({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const idempotency = useIdempotencyKeys();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = templateInputSchema.safeParse({ layer: data.get("layer"), name: data.get("name"), message: data.get("message") });
    if (!parsed.success) return setError({ status: 400, message: "Check the template: nothing was saved.", fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await callApi<unknown>("/api/v1/templates", { body: parsed.data, csrfToken, idempotency });
    if (!result.ok) return setError(result.error);
    setError(null);
    setSaved(parsed.data.name);
    form.reset();
    router.refresh();
  }

  const err = (path: string) => errorFor(error?.fieldErrors, path);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="template-form-title">
      <h2 id="template-form-title">New template</h2>
      {error ? <ErrorSummary message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => FIELD_IDS[p] ?? null} /> : null}
      {saved ? <p role="status" className="success-panel">Saved “{saved}”.</p> : null}
      <div className="field">
        <label htmlFor="template-layer">Layer</label>
        <select id="template-layer" name="layer" defaultValue="schools">
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {LAYER_LABELS[l].plural}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${err("name") ? " field--error" : ""}`}>
        <label htmlFor="template-name">Short name</label>
        <span className="hint">What officers pick from the list, e.g. “Snow closure”.</span>
        {err("name") ? <span className="field-error">{err("name")}</span> : null}
        <input id="template-name" name="name" type="text" autoComplete="off" />
      </div>
      <div className={`field${err("message") ? " field--error" : ""}`}>
        <label htmlFor="template-message">Message</label>
        <span className="hint">Plain text, up to {MESSAGE_MAX_LENGTH} characters, as the public will read it.</span>
        {err("message") ? <span className="field-error">{err("message")}</span> : null}
        <textarea id="template-message" name="message" rows={3} />
      </div>
      <button type="submit" className="button">
        Save template
      </button>
    </form>
  );
}
