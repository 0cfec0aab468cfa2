import type { PublicStatus } from "../domain/status";

export interface AnnouncedChange {
  assetId: string;
  status: Pick<PublicStatus, "label" | "message">;
}

export interface AnnouncementContext {
  starred: ReadonlySet<string>;
  /** Assets on screen: list rows and the open popup. */
  visible: ReadonlySet<string>;
  nameOf(id: string): string | undefined;
}

// A screen reader user should hear what matters, not a batch of two hundred rows.
const MAX_NAMED = 3;

/**
 * The sentence the polite live region reads for a batch of changes: starred places first (with
 * the officer's message), then other places on screen; null when none of them changed.
 */
export function announceChanges(changes: readonly AnnouncedChange[], context: AnnouncementContext): string | null {
  const latest = new Map<string, AnnouncedChange>();
  for (const change of changes) {
    if (context.starred.has(change.assetId) || context.visible.has(change.assetId)) latest.set(change.assetId, change);
  }
  if (!latest.size) return null;
  const ordered = [...latest.values()].sort(
    (a, b) => Number(context.starred.has(b.assetId)) - Number(context.starred.has(a.assetId)),
  );
  const named = ordered.slice(0, MAX_NAMED).map((change) => {
    const name = context.nameOf(change.assetId) ?? "A place";
    if (!context.starred.has(change.assetId)) return `${name}: ${change.status.label}.`;
    const message = change.status.message.trim();
    return `Your place ${name} is now ${change.status.label}.${message ? ` ${message}` : ""}`;
  });
  const rest = ordered.length - named.length;
  if (rest > 0) named.push(`${rest} more ${rest === 1 ? "place has" : "places have"} changed.`);
  return `Updated: ${named.join(" ")}`;
}
