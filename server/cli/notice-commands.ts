import { userInfo } from "node:os";
import type { Actor } from "../../lib/domain/change";
import { noticeInputSchema } from "../../lib/domain/notices";
import { parseInput } from "../../lib/domain/validation";
import type { Store } from "../../lib/store/store";

/** Whoever ran the command, so the audit trail does not just say "Snowline". */
export function cliActor(): Actor {
  const name = userInfo().username;
  return { type: "user", id: `cli:${name}`, name: `${name} (command line)` };
}

/**
 * Creates a notice straight in the database, validated with the same schema as the API. Pages
 * show it on their next load and open browsers on their next (re)connect: the CLI has no bus to
 * announce it on, the officer console does.
 */
export async function noticeAdd(
  store: Store,
  input: { level: unknown; text: unknown; from?: unknown; until?: unknown },
  options: { now: number; actor: Actor },
): Promise<string[]> {
  const notice = parseInput(noticeInputSchema, input, "The notice is invalid; nothing was stored");
  const created = await store.notices.create(notice, { actor: options.actor, ip: null, now: options.now });
  const window = [created.from && `from ${created.from}`, created.until && `until ${created.until}`].filter(Boolean).join(" ");
  return [`Created ${created.level} notice${window ? ` (${window})` : ""}.`, created.id];
}

export async function noticeList(store: Store, now: number): Promise<string[]> {
  const notices = await store.notices.list();
  if (!notices.length) return ["No notices yet. Create one with: npx snowline notice add LEVEL TEXT"];
  return notices.map((n) => {
    const ended = n.endedAt !== null || (n.until !== null && Date.parse(n.until) <= now);
    const upcoming = !ended && n.from !== null && Date.parse(n.from) > now;
    return `${n.id}  ${(ended ? "ended" : upcoming ? "upcoming" : "showing").padEnd(8)}  ${n.level.padEnd(7)}  ${n.text}`;
  });
}

export async function noticeEnd(store: Store, id: string, options: { now: number; actor: Actor }): Promise<string[]> {
  const notice = await store.notices.end(id, { actor: options.actor, now: options.now });
  return [`Ended notice ${notice.id}.`];
}
