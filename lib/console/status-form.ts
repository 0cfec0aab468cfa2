import type { Layer } from "../domain/layers";
import { describeStatus } from "../domain/status-codes";
import type { PublicStatus, StatusInput } from "../domain/status";
import { untilForPreset, type UntilPreset } from "../domain/time-presets";
import { parseUkDateTimeInput } from "../domain/uk-time";
import type { FieldError } from "../domain/errors";

/** When something starts and ends, as forms hold it: `datetime-local` values in UK time, or a preset. */
export interface TimeFormValues {
  startsLater: boolean;
  fromInput: string;
  untilPreset: UntilPreset;
  untilInput: string;
}

/** What the console's status form holds. */
export interface StatusFormValues extends TimeFormValues {
  code: string;
  message: string;
}

export type StatusInputDraft = Omit<StatusInput, "from" | "until"> & { from?: string | null; until?: string | null };

const toIso = (ms: number) => new Date(ms).toISOString();

/**
 * Resolves the start and end a form describes at `now` to ISO times (presets in UK time). Only these
 * fields can be wrong before the shared schema sees them; errors are named `from` and `until`.
 */
export function timesFromForm(values: TimeFormValues, now: number): { from: string | null; until: string | null; fieldErrors: FieldError[] } {
  const fieldErrors: FieldError[] = [];
  let from: string | null = null;
  if (values.startsLater) {
    const ms = parseUkDateTimeInput(values.fromInput);
    if (ms === null) fieldErrors.push({ path: "from", message: "Enter when it starts, as a date and time" });
    else if (ms <= now) fieldErrors.push({ path: "from", message: "The start is in the past; choose Now, or a later time" });
    else from = toIso(ms);
  }
  let until: string | null = null;
  if (values.untilPreset === "custom") {
    const ms = parseUkDateTimeInput(values.untilInput);
    if (ms === null) fieldErrors.push({ path: "until", message: "Enter when it ends, as a date and time" });
    else until = toIso(ms);
  } else {
    const ms = untilForPreset(values.untilPreset, now);
    until = ms === null ? null : toIso(ms);
  }
  return { from, until, fieldErrors };
}

/** Turns the status form into the status the API takes (validated afterwards by the shared schema). */
export function statusFromForm(values: StatusFormValues, now: number): { status: StatusInputDraft; fieldErrors: FieldError[] } {
  const { from, until, fieldErrors } = timesFromForm(values, now);
  return { status: { code: values.code, message: values.message, from, until }, fieldErrors };
}

/**
 * How an asset's status will read on the public page after this change: the new status now, or,
 * for a later start, the current one with the new one shown as upcoming.
 */
export function previewStatus(layer: Layer, current: PublicStatus, draft: StatusInputDraft, now: number): PublicStatus {
  const definition = describeStatus(layer, draft.code);
  const fields = {
    code: draft.code,
    label: definition.label,
    category: definition.category,
    message: draft.message,
    from: draft.from ?? null,
    until: draft.until ?? null,
  };
  const isLater = draft.from !== null && draft.from !== undefined && Date.parse(draft.from) > now;
  if (isLater) return { ...current, upcoming: fields, version: current.version + 1 };
  return { ...fields, setAt: new Date(now).toISOString(), version: current.version + 1, upcoming: current.upcoming };
}
