/** How long a console session lasts: it ends after `idleMs` without a request, and `absoluteMs` after sign-in whatever happens. */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

const MINUTE = 60_000;
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 60 * MINUTE, absoluteMs: 12 * 60 * MINUTE };

/** The session cookie: an opaque random token, httpOnly and SameSite=Lax; the database keeps its hash. */
export const SESSION_COOKIE = "snowline_session";
/** Every state-changing request signed in by cookie must repeat the session's CSRF token in this header. */
export const CSRF_HEADER = "x-csrf-token";

// Recording every request would write to the database on each click; once a minute is enough for an idle timeout.
export const TOUCH_INTERVAL_MS = MINUTE;

export type SessionState = "live" | "idle" | "expired";

export function sessionState(session: { lastSeenAt: number; expiresAt: number }, now: number, policy: SessionPolicy): SessionState {
  if (now >= session.expiresAt) return "expired";
  if (now - session.lastSeenAt >= policy.idleMs) return "idle";
  return "live";
}
