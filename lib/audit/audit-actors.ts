import { auditLayers, isAdmin, type Access } from "../domain/access";
import type { Actor } from "../domain/change";
import type { Store } from "../store/store";

/** One choice of the audit log's "who" filter: the filter's value and what the list shows. */
export interface AuditActorChoice {
  value: string;
  label: string;
}

export const SYSTEM_ACTOR_CHOICE: AuditActorChoice = { value: "system", label: "Snowline (scheduled starts and expiries)" };

const tokenLabel = (name: string) => `API token: ${name}`;

/**
 * Who the audit log's "who" filter offers. Admins manage accounts, so they see every account with
 * its email and every token. Anyone else sees only the names of people and tokens that changed
 * something in their own layers, and never an email: the filter must not list the staff.
 */
export async function auditActorChoices(store: Store, access: Access): Promise<AuditActorChoice[]> {
  if (isAdmin(access)) {
    const [users, tokens] = await Promise.all([store.users.list(), store.tokens.list()]);
    return [
      ...users.map((u) => ({ value: `user:${u.id}`, label: `${u.name} (${u.email})` })),
      ...tokens.map((t) => ({ value: `token:${t.id}`, label: tokenLabel(t.name) })),
      SYSTEM_ACTOR_CHOICE,
    ];
  }
  const actors = await store.audit.actors({ layers: auditLayers(access) });
  const byName = (a: Actor, b: Actor) => a.name.localeCompare(b.name);
  return [
    ...actors.filter((a) => a.type === "user").sort(byName).map((a) => ({ value: `user:${a.id}`, label: a.name })),
    ...actors.filter((a) => a.type === "token").sort(byName).map((a) => ({ value: `token:${a.id}`, label: tokenLabel(a.name) })),
    SYSTEM_ACTOR_CHOICE,
  ];
}
