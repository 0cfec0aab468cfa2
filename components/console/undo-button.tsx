"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatTime } from "@/components/status/format-time";
import type { VersionConflict } from "@/lib/domain/errors";
import { callApi } from "./api-client";
import { useIdempotencyKeys } from "./idempotency-keys";

export interface UndoButtonProps {
  seq: number;
  assetName: string;
  /** The asset's version as this page showed it: an undo never replaces a change made since, unseen. */
  expectedVersion: number;
  csrfToken: string;
}

/** Reverts one change from the audit log by restoring the status from before it, as a new change. */
export function UndoButton({ seq, assetName, expectedVersion, csrfToken }: UndoButtonProps) {
  const router = useRouter();
  const idempotency = useIdempotencyKeys();
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<VersionConflict | null>(null);
  const undo = async (version: number) => {
    const result = await callApi<unknown>("/api/v1/changes/undo", { body: { changes: [{ seq, expectedVersion: version }] }, csrfToken, idempotency });
    if (result.ok) {
      setConflict(null);
      setMessage(`Undone: ${assetName} is back to its status before change ${seq}.`);
      router.refresh();
    } else if (result.status === 409 && result.error.conflicts?.[0]) {
      setConflict(result.error.conflicts[0]);
      setMessage(null);
    } else {
      setMessage(result.error.message);
    }
  };
  return (
    <div>
      <button type="button" className="button button--secondary button--small" aria-label={`Undo change ${seq} to ${assetName}`} onClick={() => void undo(expectedVersion)}>
        Undo
      </button>
      {message ? <p role="status">{message}</p> : null}
      {conflict ? (
        <div role="alert">
          <p>
            {assetName} has changed since this page loaded
            {conflict.current?.lastChange ? ` (by ${conflict.current.lastChange.by} at ${formatTime(conflict.current.lastChange.at)}, now ${conflict.current.status.label})` : ""}.
            Undoing would replace that.
          </p>
          <button type="button" className="button button--warning button--small" onClick={() => void undo(conflict.currentVersion)}>
            Undo anyway
          </button>
        </div>
      ) : null}
    </div>
  );
}
