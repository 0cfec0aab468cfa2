"use client";

import { useMemo } from "react";
import type { Change } from "@/lib/domain/change";
import type { Layer } from "@/lib/domain/layers";

/** A polite sentence about live changes made by someone else (never our own), for screen readers. */
export function useElsewhereAnnouncement(recent: Change[], ownSeqs: ReadonlySet<number>, layer: Layer, nameOf: (id: string) => string): string {
  return useMemo(() => {
    const others = recent.filter((c) => c.layer === layer && !ownSeqs.has(c.seq));
    if (!others.length) return "";
    if (others.length === 1) return `${nameOf(others[0]!.assetId)} is now ${others[0]!.status.label} (changed elsewhere).`;
    return `${others.length} statuses changed elsewhere.`;
  }, [recent, ownSeqs, layer, nameOf]);
}
