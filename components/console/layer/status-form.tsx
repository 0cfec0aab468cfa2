"use client";

import type { FormEvent } from "react";
import type { AssetSummary } from "@/components/live/live-types";
import { StatusDetails } from "@/components/status/status-details";
import { previewStatus, statusFromForm, type StatusFormValues } from "@/lib/console/status-form";
import type { FieldError } from "@/lib/domain/errors";
import { LAYER_LABELS, type Layer } from "@/lib/domain/layers";
import { MESSAGE_MAX_LENGTH } from "@/lib/domain/status";
import { STATUS_VOCABULARY } from "@/lib/domain/status-codes";
import type { MessageTemplate } from "@/lib/domain/templates";
import { errorFor } from "../error-summary";
import { TimeFields } from "../time-fields";

export interface StatusFormProps {
  layer: Layer;
  values: StatusFormValues;
  templates: MessageTemplate[];
  fieldErrors: FieldError[];
  now: number;
  selectedCount: number;
  /** The first selected asset, for the preview. */
  previewAsset: AssetSummary | null;
  isBusy: boolean;
  onChange(values: StatusFormValues): void;
  onSubmit(): void;
}

function Field({ id, error, className = "field", children }: { id: string; error: string | null; className?: string; children: React.ReactNode }) {
  return (
    <div className={`${className}${error ? " field--error" : ""}`} id={`${id}-field`}>
      {children}
    </div>
  );
}

/** The status to apply to the selection: code, message (from a template or typed), start, end, and a preview. */
export function StatusForm({ layer, values, templates, fieldErrors, now, selectedCount, previewAsset, isBusy, onChange, onSubmit }: StatusFormProps) {
  const labels = LAYER_LABELS[layer];
  const codes = Object.entries(STATUS_VOCABULARY[layer].codes) as [string, { label: string }][];
  const set = (patch: Partial<StatusFormValues>) => onChange({ ...values, ...patch });
  const errors = {
    code: errorFor(fieldErrors, "status.code"),
    message: errorFor(fieldErrors, "status.message"),
    from: errorFor(fieldErrors, "from") ?? errorFor(fieldErrors, "status.from"),
    until: errorFor(fieldErrors, "until") ?? errorFor(fieldErrors, "status.until"),
  };
  const draft = statusFromForm(values, now).status;
  const noun = selectedCount === 1 ? labels.singular.toLowerCase() : labels.plural.toLowerCase();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="status-form-title">
      <h2 id="status-form-title">Change the status</h2>
      <p>
        <strong>{selectedCount}</strong> {noun} selected.
      </p>

      <Field id="status-code" error={errors.code}>
        <label htmlFor="status-code">New status</label>
        {errors.code ? <span className="field-error">{errors.code}</span> : null}
        <select id="status-code" value={values.code} onChange={(e) => set({ code: e.target.value })}>
          {codes.map(([code, { label }]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      </Field>

      {templates.length ? (
        <div className="field">
          <label htmlFor="status-template">Use a saved message</label>
          <span className="hint" id="status-template-hint">
            Fills in the message below; you can still edit it.
          </span>
          <select
            id="status-template"
            aria-describedby="status-template-hint"
            value=""
            onChange={(e) => {
              const template = templates.find((t) => t.id === e.target.value);
              if (template) set({ message: template.message });
            }}
          >
            <option value="">Choose a template…</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <Field id="status-message" error={errors.message}>
        <label htmlFor="status-message">Message for the public</label>
        <span className="hint" id="status-message-hint">
          Plain text, up to {MESSAGE_MAX_LENGTH} characters. {MESSAGE_MAX_LENGTH - values.message.length} left.
        </span>
        {errors.message ? <span className="field-error">{errors.message}</span> : null}
        <textarea id="status-message" value={values.message} aria-describedby="status-message-hint" onChange={(e) => set({ message: e.target.value })} rows={3} />
      </Field>

      <TimeFields idPrefix="status" values={values} errors={{ from: errors.from, until: errors.until }} now={now} onChange={set} />

      <section className="preview" aria-labelledby="preview-title">
        <h3 id="preview-title">How it will read on the public page{previewAsset ? `: ${previewAsset.name}` : ""}</h3>
        {previewAsset ? <StatusDetails status={previewStatus(layer, previewAsset.status, draft, now)} /> : <p>Select at least one {labels.singular.toLowerCase()} to see a preview.</p>}
      </section>

      <button type="submit" className="button" disabled={isBusy}>
        {isBusy ? "Applying…" : `Apply to ${selectedCount} ${noun}`}
      </button>
    </form>
  );
}
