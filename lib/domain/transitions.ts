import type { ChangeKind } from "./change";
import type { Layer } from "./layers";
import { defaultCodeFor } from "./status-codes";
import type { AssetState, StatusRecord } from "./status";

export interface PlannedTransition {
  kind: ChangeKind;
  next: AssetState;
}

/** A status that starts in the future is scheduled; one that starts now or earlier takes effect at once. */
export function planSet(state: AssetState, status: StatusRecord, now: number): PlannedTransition {
  const version = state.version + 1;
  if (status.from !== null && status.from > now) {
    return { kind: "schedule", next: { ...state, upcoming: status, version } };
  }
  return { kind: "set", next: { ...state, current: { ...status, setAt: now }, version } };
}

/**
 * Reverts a change: the asset gets back the status (and any upcoming status) it had before that
 * change, as a new change on top of whatever holds now. A status that has ended since cannot come
 * back; the officer sets a new one instead.
 */
export function planUndo(state: AssetState, before: AssetState, now: number): PlannedTransition | { refused: string } {
  if (before.current.until !== null && before.current.until <= now) {
    return { refused: `The status before that change ended at ${new Date(before.current.until).toISOString()}; set a new status instead` };
  }
  return {
    kind: "undo",
    next: { ...state, current: { ...before.current, setAt: now }, upcoming: before.upcoming, version: state.version + 1 },
  };
}

/** When this state next changes by itself, or null if it never will. */
export function nextDueAt(state: AssetState): number | null {
  const times = [state.current.until, state.upcoming?.from ?? null].filter((t): t is number => t !== null);
  return times.length ? Math.min(...times) : null;
}

/**
 * The changes that time alone makes to an asset by `now`, in the order they fall due:
 * an upcoming status activates at its `from`, a status expires to the default at its `until`.
 */
export function planDueTransitions(layer: Layer, state: AssetState, now: number): PlannedTransition[] {
  const planned: PlannedTransition[] = [];
  let current = state;
  for (;;) {
    const until = current.current.until;
    const startsAt = current.upcoming?.from ?? null;
    const expiresFirst = until !== null && until <= now && (startsAt === null || until <= startsAt);
    if (expiresFirst) {
      const reverted: StatusRecord = { code: defaultCodeFor(layer), message: "", from: null, until: null };
      current = { ...current, current: { ...reverted, setAt: now }, version: current.version + 1 };
      planned.push({ kind: "expire", next: current });
    } else if (current.upcoming && startsAt !== null && startsAt <= now) {
      current = { ...current, current: { ...current.upcoming, setAt: now }, upcoming: null, version: current.version + 1 };
      planned.push({ kind: "activate", next: current });
    } else {
      return planned;
    }
  }
}

export function initialState(layer: Layer, now: number): AssetState {
  return {
    current: { code: defaultCodeFor(layer), message: "", from: null, until: null, setAt: now },
    upcoming: null,
    version: 0,
    lastSeq: 0,
  };
}
