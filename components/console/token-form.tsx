"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TokenCreated } from "@/lib/api/contract/api-schemas";
import type { ErrorBody } from "@/lib/api/error-response";
import { tokenInputSchema } from "@/lib/domain/api-tokens";
import { LAYERS, type Layer } from "@/lib/domain/layers";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { callApi } from "./api-client";
import { LayerChoices } from "./layer-choices";
import { ErrorSummary, errorFor } from "./error-summary";

const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "A year" },
  { value: "never", label: "Never (revoke it by hand)" },
];
const FIELD_IDS: Record<string, string> = { name: "token-name", layers: "token-layers-field", expiresInDays: "token-expiry" };

/** Creates an API token for another system: which layers it may change and how long it works. Shown once. */
export function TokenForm({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const [layers, setLayers] = useState<Layer[]>([...LAYERS]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const expiry = String(data.get("expiry"));
    const parsed = tokenInputSchema.safeParse({ name: data.get("name"), layers, expiresInDays: expiry === "never" ? null : Number(expiry) });
    if (!parsed.success) return setError({ status: 400, message: "Check the token details: nothing was created.", fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await callApi<TokenCreated>("/api/v1/tokens", { body: parsed.data, csrfToken });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCreated({ name: result.data.record.name, token: result.data.token });
    form.reset();
    router.refresh();
  }

  const err = (path: string) => errorFor(error?.fieldErrors, path);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="token-form-title">
      <h2 id="token-form-title">New API token</h2>
      {error ? <ErrorSummary message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => FIELD_IDS[p.split(".")[0]!] ?? null} /> : null}
      {created ? (
        <div className="success-panel" role="status">
          <h3>Token “{created.name}” created</h3>
          <p>Copy it now: it is shown only once. Send it as the header Authorization: Bearer &lt;token&gt;.</p>
          <code className="secret" data-testid="new-token">
            {created.token}
          </code>
        </div>
      ) : null}
      <div className={`field${err("name") ? " field--error" : ""}`}>
        <label htmlFor="token-name">Name</label>
        <span className="hint">The system that will use it, e.g. “Highways depot feed”. Shown in the audit log.</span>
        {err("name") ? <span className="field-error">{err("name")}</span> : null}
        <input id="token-name" name="name" type="text" autoComplete="off" />
      </div>
      <LayerChoices id="token-layers-field" legend="Layers it may change" error={err("layers")} value={layers} onChange={setLayers} />
      <div className="field">
        <label htmlFor="token-expiry">Works for</label>
        <select id="token-expiry" name="expiry" defaultValue="90">
          {EXPIRY_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Create token
      </button>
    </form>
  );
}
