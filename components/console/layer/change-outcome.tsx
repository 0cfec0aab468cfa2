"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { formatDateTime, formatTime } from "@/components/status/format-time";
import type { SocialPost } from "@/lib/api/contract/api-schemas";
import type { ErrorBody } from "@/lib/api/error-response";
import type { Change } from "@/lib/domain/change";
import type { VersionConflict } from "@/lib/domain/errors";
import { ErrorSummary } from "../error-summary";

export type Outcome =
  | { type: "done"; action: "changed" | "undone"; changes: Change[]; fromSeq: number; toSeq: number; socialPosts: SocialPost[] }
  | { type: "conflict"; action: "change" | "undo"; conflicts: VersionConflict[] }
  | { type: "kept"; names: string[]; remaining: number }
  | { type: "error"; error: ErrorBody; signInHref: string | null };

export interface ChangeOutcomeProps {
  outcome: Outcome;
  nameOf(assetId: string): string;
  fieldIdOf(path: string): string | null;
  isBusy: boolean;
  onUndo(changes: Change[]): void;
  onReapply(conflicts: VersionConflict[]): void;
  onKeepTheirs(conflicts: VersionConflict[]): void;
  /** Room under a published change for more, such as a ready-to-copy social media post. */
  afterPublished?: (changes: Change[], socialPosts: SocialPost[]) => ReactNode;
}

function describeChange(change: Change): string {
  const s = change.status;
  if (change.kind === "schedule" && s.upcoming) {
    return `${s.upcoming.label} from ${formatDateTime(s.upcoming.from!)}${s.upcoming.until ? ` until ${formatDateTime(s.upcoming.until)}` : ""} (scheduled; ${s.label} until then)`;
  }
  return `${s.label}${s.until ? ` until ${formatDateTime(s.until)}` : ""}`;
}

function summarise(changes: Change[], nameOf: (id: string) => string): string {
  const first = changes[0]!;
  if (changes.length === 1) return `${nameOf(first.assetId)}: ${describeChange(first)}.`;
  const same = changes.every((c) => describeChange(c) === describeChange(first));
  return same ? `${changes.length} changed: ${describeChange(first)}.` : `${changes.length} changed.`;
}

/** What happened after Apply or Undo: exactly what changed, a conflict to resolve, or what went wrong. */
export function ChangeOutcome({ outcome, nameOf, fieldIdOf, isBusy, onUndo, onReapply, onKeepTheirs, afterPublished }: ChangeOutcomeProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [outcome]);

  if (outcome.type === "error") {
    return <ErrorSummary message={outcome.error.message} fieldErrors={outcome.error.fieldErrors} fieldIdOf={fieldIdOf} signInHref={outcome.signInHref} />;
  }
  if (outcome.type === "kept") {
    return (
      <div className="notice-panel" role="status" tabIndex={-1} ref={ref}>
        <h2>Kept their changes</h2>
        <p>Nothing was changed for {outcome.names.join(", ")}. {outcome.remaining ? `${outcome.remaining} still selected; apply again when ready.` : ""}</p>
      </div>
    );
  }
  if (outcome.type === "conflict") {
    return (
      <div className="conflict-panel" role="alert" tabIndex={-1} ref={ref} aria-labelledby="conflict-title">
        <h2 id="conflict-title">
          {outcome.conflicts.length === 1 ? "Someone else changed this since you selected it" : `${outcome.conflicts.length} were changed by someone else since you selected them`}
        </h2>
        <p>Nothing was stored. Check what they did, then choose.</p>
        <ul>
          {outcome.conflicts.map((c) => (
            <li key={c.assetId} data-conflict-asset={c.assetId}>
              <strong>{c.current?.assetName ?? nameOf(c.assetId)}</strong>:{" "}
              {c.current?.lastChange ? (
                <>
                  changed by <strong>{c.current.lastChange.by}</strong> at {formatTime(c.current.lastChange.at)}; now{" "}
                </>
              ) : (
                "now "
              )}
              <strong>{c.current?.status.label ?? `version ${c.currentVersion}`}</strong>
              {c.current?.status.message ? <> — “{c.current.status.message}”</> : null}
              {c.current?.status.until ? <> until {formatDateTime(c.current.status.until)}</> : null}
            </li>
          ))}
        </ul>
        <div className="button-row">
          <button type="button" className="button" disabled={isBusy} onClick={() => onReapply(outcome.conflicts)}>
            {outcome.action === "undo" ? "Undo anyway" : "Apply mine anyway"}
          </button>
          <button type="button" className="button button--secondary" disabled={isBusy} onClick={() => onKeepTheirs(outcome.conflicts)}>
            Keep theirs
          </button>
        </div>
      </div>
    );
  }
  const { changes, action } = outcome;
  return (
    <div className="success-panel" role="status" tabIndex={-1} ref={ref} aria-labelledby="outcome-title">
      <h2 id="outcome-title">{action === "undone" ? "Undone" : "Published"}</h2>
      <p>{summarise(changes, nameOf)}</p>
      <details>
        <summary>Exactly what changed ({changes.length})</summary>
        <ul>
          {changes.map((c) => (
            <li key={c.seq}>
              {nameOf(c.assetId)}: {describeChange(c)}
              {c.status.message ? ` — “${c.status.message}”` : ""}
            </li>
          ))}
        </ul>
      </details>
      {action === "changed" ? (
        <>
          <div className="button-row">
            <button type="button" className="button button--secondary" disabled={isBusy} onClick={() => onUndo(changes)}>
              Undo {changes.length === 1 ? "this change" : `these ${changes.length} changes`}
            </button>
          </div>
          {afterPublished?.(changes, outcome.socialPosts)}
        </>
      ) : null}
    </div>
  );
}
