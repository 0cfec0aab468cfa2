"use client";

import { useState } from "react";
import type { ChangesCommitted, ChangesUndone } from "@/lib/api/contract/api-schemas";
import { statusFromForm, type StatusFormValues } from "@/lib/console/status-form";
import type { Change } from "@/lib/domain/change";
import type { FieldError, VersionConflict } from "@/lib/domain/errors";
import { changeBatchInputSchema } from "@/lib/domain/status";
import { undoInputSchema } from "@/lib/domain/undo";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { callApi, signInAgainPath, type ApiResult } from "../api-client";
import { useIdempotencyKeys } from "../idempotency-keys";
import type { Outcome } from "./change-outcome";

/** What POST /changes or /changes/undo answer (undo answers have no social posts). */
type Committed = ChangesUndone & Partial<Pick<ChangesCommitted, "socialPosts">>;

const FIELD_IDS: Record<string, string> = {
  selection: "asset-table",
  "status.code": "status-code-field",
  "status.message": "status-message-field",
  from: "status-from-field",
  "status.from": "status-from-field",
  until: "status-until-field",
  "status.until": "status-until-field",
};

/** Which form field an error path from the shared schema or the server belongs to. */
export function fieldIdOf(path: string): string | null {
  const field = path.replace(/^changes\.\d+\./, "");
  return FIELD_IDS[field] ?? null;
}

// A bulk change repeats one status per asset; report each problem once, against the form field.
function formErrors(errors: FieldError[]): FieldError[] {
  const seen = new Map<string, FieldError>();
  for (const e of errors) {
    const path = e.path.replace(/^changes\.\d+\./, "");
    if (!seen.has(`${path}:${e.message}`)) seen.set(`${path}:${e.message}`, { path, message: e.message });
  }
  return [...seen.values()];
}

/**
 * Sends the console's writes and turns every answer into an Outcome: validated first with the same
 * zod schema the server uses, then POSTed with the CSRF token.
 */
export function usePostChanges(deps: { csrfToken: string; labels: { singular: string; plural: string }; setOutcome(outcome: Outcome | null): void }) {
  const [isBusy, setBusy] = useState(false);
  const [ownSeqs, setOwnSeqs] = useState<ReadonlySet<number>>(() => new Set());
  const [lastUndo, setLastUndo] = useState<Change[]>([]);
  const idempotency = useIdempotencyKeys();

  async function send(path: string, body: unknown, action: "changed" | "undone"): Promise<boolean> {
    setBusy(true);
    const result: ApiResult<Committed> = await callApi<Committed>(path, { body, csrfToken: deps.csrfToken, idempotency });
    setBusy(false);
    if (result.ok) {
      setOwnSeqs((current) => new Set([...current, ...result.data.changes.map((c) => c.seq)]));
      deps.setOutcome({
        type: "done",
        action,
        changes: result.data.changes,
        fromSeq: result.data.fromSeq,
        toSeq: result.data.seq,
        socialPosts: result.data.socialPosts ?? [],
      });
      return true;
    }
    if (result.status === 409) {
      deps.setOutcome({ type: "conflict", action: action === "undone" ? "undo" : "change", conflicts: result.error.conflicts ?? [] });
    } else {
      const fieldErrors = result.error.fieldErrors ? formErrors(result.error.fieldErrors) : undefined;
      deps.setOutcome({ type: "error", error: { ...result.error, fieldErrors }, signInHref: result.status === 401 ? signInAgainPath() : null });
    }
    return false;
  }

  return {
    isBusy,
    ownSeqs,
    /** Applies the form to the selected assets (id → the version the officer saw); true when published. */
    async apply(values: StatusFormValues, versions: ReadonlyMap<string, number>, now: number): Promise<boolean> {
      const { status, fieldErrors } = statusFromForm(values, now);
      const request = { changes: [...versions].map(([assetId, expectedVersion]) => ({ assetId, status, expectedVersion })) };
      const errors = [...fieldErrors];
      if (!versions.size) errors.push({ path: "selection", message: `Select at least one ${deps.labels.singular.toLowerCase()} in the list` });
      const parsed = changeBatchInputSchema.safeParse(request);
      if (!parsed.success && versions.size) errors.push(...fieldErrorsOf(parsed.error));
      if (errors.length) {
        deps.setOutcome({ type: "error", error: { status: 400, message: "Check the form: nothing was sent.", fieldErrors: formErrors(errors) }, signInHref: null });
        return false;
      }
      return send("/api/v1/changes", parsed.data, "changed");
    },
    async undo(changes: Change[]): Promise<boolean> {
      setLastUndo(changes);
      return send("/api/v1/changes/undo", undoInputSchema.parse({ changes: changes.map((c) => ({ seq: c.seq, expectedVersion: c.status.version })) }), "undone");
    },
    /** Undoes again, accepting the versions the conflict reported for the assets changed since. */
    async undoAgain(conflicts: VersionConflict[]): Promise<boolean> {
      const current = new Map(conflicts.map((c) => [c.assetId, c.currentVersion]));
      const body = undoInputSchema.parse({ changes: lastUndo.map((c) => ({ seq: c.seq, expectedVersion: current.get(c.assetId) ?? c.status.version })) });
      return send("/api/v1/changes/undo", body, "undone");
    },
  };
}
