"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { UserCreated } from "@/lib/api/contract/api-schemas";
import type { ErrorBody } from "@/lib/api/error-response";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/access";
import type { Layer } from "@/lib/domain/layers";
import { UK_TIME_ZONE } from "@/lib/domain/uk-time";
import { userInputSchema } from "@/lib/domain/users";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { callApi } from "./api-client";
import { LayerChoices } from "./layer-choices";
import { ErrorSummary, errorFor } from "./error-summary";

const ROLE_HINTS: Record<Role, string> = {
  admin: "Manages accounts, tokens, templates and notices, and may change every layer.",
  officer: "Posts changes on the layers you choose.",
  site: "Changes only the assets you name, such as a head teacher's own school.",
};
const FIELD_IDS: Record<string, string> = { email: "user-email", name: "user-name", role: "user-role-field", layers: "user-layers-field", assets: "user-assets" };

/** Creates an account; the new user gets a one-time link to choose their own password, shown here once. */
export function UserForm({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>("officer");
  const [layers, setLayers] = useState<Layer[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [created, setCreated] = useState<{ email: string; link: string; expiresAt: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const assets = String(data.get("assets") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean);
    const parsed = userInputSchema.safeParse({ email: data.get("email"), name: data.get("name"), role, layers, assets });
    if (!parsed.success) return setError({ status: 400, message: "Check the account details: nothing was created.", fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await callApi<UserCreated>("/api/v1/users", { body: parsed.data, csrfToken });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCreated({ email: result.data.user.email, link: result.data.signInLink, expiresAt: result.data.linkExpiresAt });
    form.reset();
    setLayers([]);
    router.refresh();
  }

  const err = (path: string) => errorFor(error?.fieldErrors, path);
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="user-form-title">
      <h2 id="user-form-title">New account</h2>
      {error ? <ErrorSummary message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => FIELD_IDS[p.split(".")[0]!] ?? null} /> : null}
      {created ? (
        <div className="success-panel" role="status">
          <h3>Account created for {created.email}</h3>
          <p>Send them this one-time sign-in link to choose a password. It works once, until {new Date(created.expiresAt).toLocaleString("en-GB", { timeZone: UK_TIME_ZONE })}, and is shown only now:</p>
          <code className="secret" data-testid="sign-in-link">
            {created.link}
          </code>
        </div>
      ) : null}
      <div className={`field${err("email") ? " field--error" : ""}`}>
        <label htmlFor="user-email">Email address</label>
        {err("email") ? <span className="field-error">{err("email")}</span> : null}
        <input id="user-email" name="email" type="email" autoComplete="off" spellCheck={false} />
      </div>
      <div className={`field${err("name") ? " field--error" : ""}`}>
        <label htmlFor="user-name">Name</label>
        <span className="hint">Shown in the audit log next to every change they make.</span>
        {err("name") ? <span className="field-error">{err("name")}</span> : null}
        <input id="user-name" name="name" type="text" autoComplete="off" />
      </div>
      <div className="field" id="user-role-field">
        <fieldset>
          <legend>Role</legend>
          <div className="choices">
            {ROLES.map((r) => (
              <label className="choice" key={r}>
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} /> {ROLE_LABELS[r]}: <span className="muted">{ROLE_HINTS[r]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {role === "officer" ? (
        <LayerChoices id="user-layers-field" legend="Layers they may change" error={err("layers")} value={layers} onChange={setLayers} />
      ) : null}
      {role === "site" ? (
        <div className={`field${err("assets") ? " field--error" : ""}`}>
          <label htmlFor="user-assets">Assets they may change</label>
          <span className="hint">Asset ids, separated by commas or spaces, e.g. school-001.</span>
          {err("assets") ? <span className="field-error">{err("assets")}</span> : null}
          <input id="user-assets" name="assets" type="text" autoComplete="off" spellCheck={false} />
        </div>
      ) : null}
      <button type="submit" className="button">
        Create account
      </button>
    </form>
  );
}
