import type { Access } from "../domain/access";
import type { User } from "../domain/users";
import type { ApiToken } from "../domain/api-tokens";
import type { Store } from "../store/store";
import { sessionState, TOUCH_INTERVAL_MS, type SessionPolicy } from "./session-policy";

/** A signed-in console user, as every console page and endpoint sees them. */
export interface ConsoleSession {
  tokenHash: string;
  user: User;
  access: Access;
  csrfToken: string;
  expiresAt: number;
}

export function accessForUser(user: User): Access {
  return {
    actor: { type: "user", id: user.id, name: user.name },
    role: user.role,
    layers: user.role === "officer" ? user.layers : null,
    assets: user.role === "site" ? user.assets : null,
  };
}

/** A token acts like an officer on its layers; it never manages users, tokens or notices. */
export function accessForToken(token: ApiToken): Access {
  return { actor: { type: "token", id: token.id, name: token.name }, role: "officer", layers: token.layers, assets: null };
}

/**
 * The session behind a cookie token, or null. A session past its idle or absolute end, or whose
 * user has been disabled, is deleted on sight.
 */
export async function resolveSession(store: Store, token: string | undefined, now: number, policy: SessionPolicy): Promise<ConsoleSession | null> {
  if (!token) return null;
  const found = await store.sessions.find(token);
  if (!found) return null;
  const { session, user } = found;
  if (user.disabledAt !== null || sessionState(session, now, policy) !== "live") {
    await store.sessions.delete(session.tokenHash);
    return null;
  }
  if (now - session.lastSeenAt >= TOUCH_INTERVAL_MS) await store.sessions.touch(session.tokenHash, now);
  return { tokenHash: session.tokenHash, user, access: accessForUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}
