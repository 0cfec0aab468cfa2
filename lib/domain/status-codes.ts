import type { Layer } from "./layers";

/**
 * What a status means for a resident, whatever its layer. Map colours, list filters,
 * summaries and feeds read the category, so a new status code is one edit here.
 */
export type StatusCategory = "ok" | "disrupted" | "closed";

export interface StatusDefinition {
  label: string;
  category: StatusCategory;
}

export const STATUS_VOCABULARY = {
  schools: {
    defaultCode: "open",
    codes: {
      open: { label: "Open", category: "ok" },
      closed: { label: "Closed", category: "closed" },
      partially_open: { label: "Partially open", category: "disrupted" },
      late_opening: { label: "Opening late", category: "disrupted" },
      early_closure: { label: "Closing early", category: "disrupted" },
    },
  },
  gritting: {
    defaultCode: "not_scheduled",
    codes: {
      not_scheduled: { label: "Not scheduled", category: "ok" },
      planned: { label: "Gritting planned", category: "ok" },
      in_progress: { label: "Gritting in progress", category: "ok" },
      completed: { label: "Gritted", category: "ok" },
      suspended: { label: "Gritting suspended", category: "disrupted" },
    },
  },
  bins: {
    defaultCode: "normal",
    codes: {
      normal: { label: "Normal service", category: "ok" },
      delayed: { label: "Delayed", category: "disrupted" },
      missed: { label: "Missed", category: "disrupted" },
      suspended: { label: "Suspended", category: "closed" },
    },
  },
} as const satisfies Record<Layer, { defaultCode: string; codes: Record<string, StatusDefinition> }>;

type Vocabulary = typeof STATUS_VOCABULARY;
export type StatusCodeOf<L extends Layer> = keyof Vocabulary[L]["codes"] & string;
export type StatusCode = { [L in Layer]: StatusCodeOf<L> }[Layer];

export function statusCodesFor(layer: Layer): string[] {
  return Object.keys(STATUS_VOCABULARY[layer].codes);
}

export function defaultCodeFor(layer: Layer): StatusCode {
  return STATUS_VOCABULARY[layer].defaultCode;
}

export function isStatusCodeFor(layer: Layer, code: string): boolean {
  return Object.hasOwn(STATUS_VOCABULARY[layer].codes, code);
}

export function describeStatus(layer: Layer, code: string): StatusDefinition {
  const codes: Record<string, StatusDefinition> = STATUS_VOCABULARY[layer].codes;
  const definition = codes[code];
  if (!definition) throw new Error(`Unknown status code ${code} for layer ${layer}`);
  return definition;
}
