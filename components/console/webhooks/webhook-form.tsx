"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { WebhookCreated } from "@/lib/api/contract/api-schemas";
import type { ErrorBody } from "@/lib/api/error-response";
import type { Layer } from "@/lib/domain/layers";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { WEBHOOK_SECRET_MIN_LENGTH, webhookInputSchema } from "@/lib/webhooks/webhook-schema";
import { callApi } from "../api-client";
import { ErrorSummary, errorFor } from "../error-summary";
import { LayerChoices } from "../layer-choices";

const FIELD_IDS: Record<string, string> = { url: "webhook-url", layers: "webhook-layers-field", secret: "webhook-secret" };

/** Registers a webhook with the server's own schema; the signing secret is shown once, like an API token. */
export function WebhookForm({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const [layers, setLayers] = useState<Layer[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const secret = String(data.get("secret") ?? "");
    const parsed = webhookInputSchema.safeParse({ url: String(data.get("url") ?? "").trim(), layers, secret: secret === "" ? undefined : secret });
    if (!parsed.success) return setError({ status: 400, message: "Check the webhook: nothing was registered.", fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await callApi<WebhookCreated>("/api/v1/webhooks", { body: parsed.data, csrfToken });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCreated({ url: result.data.webhook.url, secret: result.data.secret });
    form.reset();
    setLayers([]);
    router.refresh();
  }

  const err = (path: string) => errorFor(error?.fieldErrors, path);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="webhook-form-title" className="section">
      <h2 id="webhook-form-title">New webhook</h2>
      {error ? <ErrorSummary message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => FIELD_IDS[p.split(".")[0]!] ?? null} /> : null}
      {created ? (
        <div className="success-panel" role="status">
          <h3 className="break-anywhere">Webhook registered for {created.url}</h3>
          <p>
            Copy its signing secret now: it is shown only once. The receiver checks each delivery&rsquo;s Snowline-Signature header with it (see the
            developers page).
          </p>
          <code className="secret" data-testid="new-webhook-secret">
            {created.secret}
          </code>
        </div>
      ) : null}
      <div className={`field${err("url") ? " field--error" : ""}`}>
        <label htmlFor="webhook-url">Address (URL)</label>
        <span className="hint">Where to POST each batch of changes, e.g. https://newsroom.example.org/hooks/snowline.</span>
        {err("url") ? <span className="field-error">{err("url")}</span> : null}
        <input id="webhook-url" name="url" type="url" autoComplete="off" spellCheck={false} />
      </div>
      <LayerChoices id="webhook-layers-field" legend="Layers it receives" error={err("layers")} value={layers} onChange={setLayers} />
      <div className={`field${err("secret") ? " field--error" : ""}`}>
        <label htmlFor="webhook-secret">Signing secret (optional)</label>
        <span className="hint">At least {WEBHOOK_SECRET_MIN_LENGTH} characters, if the receiver already has one. Leave it empty and Snowline makes a strong one.</span>
        {err("secret") ? <span className="field-error">{err("secret")}</span> : null}
        <input id="webhook-secret" name="secret" type="text" autoComplete="off" spellCheck={false} />
      </div>
      <button type="submit" className="button">
        Register webhook
      </button>
    </form>
  );
}
