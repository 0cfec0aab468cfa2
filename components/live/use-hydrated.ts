"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False in the server HTML and during hydration, true after: for controls that need JavaScript. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
