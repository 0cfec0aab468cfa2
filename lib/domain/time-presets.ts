import { endOfTodayUk, sevenTomorrowUk } from "./uk-time";

/** The quick choices for when a status ends; "custom" means the officer typed a time. */
export const UNTIL_PRESETS = [
  { id: "further-notice", label: "Until further notice" },
  { id: "end-of-today", label: "Until end of today" },
  { id: "seven-tomorrow", label: "Until 07:00 tomorrow" },
  { id: "custom", label: "Until a time I choose" },
] as const;
export type UntilPreset = (typeof UNTIL_PRESETS)[number]["id"];

/** The instant a preset stands for at `now`; null for "until further notice" and "custom". */
export function untilForPreset(preset: UntilPreset, now: number): number | null {
  switch (preset) {
    case "end-of-today":
      return endOfTodayUk(now);
    case "seven-tomorrow":
      return sevenTomorrowUk(now);
    case "further-notice":
    case "custom":
      return null;
  }
}
