import type { StatusCode } from "@/lib/domain/status-codes";

export interface StatusStyle {
  /** Fill or line colour; every one has at least 3:1 contrast with a light map. */
  colour: string;
  /** A second cue that does not rely on colour: a glyph on markers and in the list. */
  glyph: string;
  /** SVG dash pattern for lines and area borders; undefined is solid. */
  dashArray?: string;
}

/** One entry per status code: adding a code to the vocabulary fails the type-check until it has a style. */
export const STATUS_STYLES: Record<StatusCode, StatusStyle> = {
  open: { colour: "#00703c", glyph: "✓" },
  closed: { colour: "#c4271b", glyph: "✕", dashArray: "2 6" },
  partially_open: { colour: "#b35900", glyph: "◐", dashArray: "8 6" },
  late_opening: { colour: "#b35900", glyph: "◷", dashArray: "8 6" },
  early_closure: { colour: "#b35900", glyph: "◶", dashArray: "8 6" },
  not_scheduled: { colour: "#6f777b", glyph: "–", dashArray: "1 6" },
  planned: { colour: "#1d70b8", glyph: "○", dashArray: "10 8" },
  in_progress: { colour: "#1d70b8", glyph: "◑", dashArray: "14 4" },
  completed: { colour: "#00703c", glyph: "✓" },
  suspended: { colour: "#c4271b", glyph: "✕", dashArray: "2 6" },
  normal: { colour: "#00703c", glyph: "✓" },
  delayed: { colour: "#b35900", glyph: "◷", dashArray: "8 6" },
  missed: { colour: "#b35900", glyph: "!", dashArray: "8 6" },
};

export function styleFor(code: string): StatusStyle {
  return (STATUS_STYLES as Record<string, StatusStyle>)[code] ?? { colour: "#6f777b", glyph: "?" };
}
