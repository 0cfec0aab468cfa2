import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from "../../lib/domain/errors";
import type { Clock } from "../../lib/domain/clock";
import type { ClaimLinkInput } from "../../lib/auth/password-policy";
import type { SignInInput, User } from "../../lib/domain/users";
import { resolveSession, type ConsoleSession } from "../../lib/auth/sessions";
import { describeAccount } from "../../lib/domain/users";
import type { SessionPolicy } from "../../lib/auth/session-policy";
import type { Store } from "../../lib/store/store";
import type { Logger } from "../logger";
import type { LoginThrottle } from "./login-throttle";
import { hashPassword, verifyAgainstNothing, verifyPassword } from "./passwords";

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  user: User;
  expiresAt: number;
}

export interface AuthService {
  policy: SessionPolicy;
  session(token: string | undefined): Promise<ConsoleSession | null>;
  signIn(input: SignInInput, meta: RequestMeta): Promise<SignedIn>;
  claimLink(input: ClaimLinkInput, meta: RequestMeta): Promise<SignedIn>;
  signOut(session: ConsoleSession): Promise<void>;
  signOutEverywhere(userId: string): Promise<number>;
}

// The same words whether the email is unknown, the password wrong or the account disabled.
export const SIGN_IN_REFUSED = "The email or password is not right. Check them and try again.";

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));
const throttled = (seconds: number) =>
  new TooManyRequestsError(
    `Too many sign-in attempts. For your security, signing in is paused for ${minutes(seconds)} minute${minutes(seconds) === 1 ? "" : "s"}; try again after that or ask an administrator.`,
    seconds,
  );

/** An account event done by the account itself, as the audit log records it. */
const byUser = (user: User, meta: RequestMeta) => ({
  actor: { type: "user" as const, id: user.id, name: user.name },
  ip: meta.ip,
  subjectUserId: user.id,
  subject: describeAccount(user),
});

export function createAuthService(deps: { store: Store; clock: Clock; logger: Logger; throttle: LoginThrottle; policy: SessionPolicy }): AuthService {
  const { store, clock, throttle, policy } = deps;

  async function startSession(user: User, meta: RequestMeta): Promise<SignedIn> {
    const now = clock.now();
    // Sign-in is rare; clearing dead sessions here keeps the table small without another job.
    await store.sessions.deleteDead(now, policy.idleMs);
    const expiresAt = now + policy.absoluteMs;
    const { token, csrfToken } = await store.sessions.create({ userId: user.id, now, expiresAt, ip: meta.ip, userAgent: meta.userAgent });
    await store.users.recordSignIn(user.id, now);
    await store.accountEvents.record({ at: now, kind: "signed in", ...byUser(user, meta) });
    return { token, csrfToken, user, expiresAt };
  }

  return {
    policy,
    session: (token) => resolveSession(store, token, clock.now(), policy),

    async signIn(input, meta) {
      const ip = meta.ip ?? "unknown";
      const wait = await throttle.retryAfter(input.email, ip);
      if (wait > 0) throw throttled(wait);
      const user = await store.users.findByEmail(input.email);
      const isRight = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstNothing(input.password);
      if (!user || !isRight || user.disabledAt !== null) {
        await store.accountEvents.record({ at: clock.now(), kind: "sign-in failed", actor: null, ip: meta.ip, subjectUserId: user?.id ?? null, subject: input.email });
        const blockedFor = await throttle.recordFailure(input.email, ip);
        deps.logger.warn({ ip, blocked: blockedFor > 0 }, "sign-in refused");
        if (blockedFor > 0) throw throttled(blockedFor);
        throw new UnauthorizedError(SIGN_IN_REFUSED);
      }
      await throttle.recordSuccess(input.email, ip);
      const { passwordHash: _hash, ...safe } = user;
      deps.logger.info({ user: user.id, ip }, "signed in");
      return startSession(safe, meta);
    },

    async claimLink(input, meta) {
      const now = clock.now();
      const userId = await store.signInLinks.consume(input.token, now);
      if (!userId) throw new ForbiddenError("This sign-in link has been used or has expired. Ask an administrator for a new one.");
      const user = await store.users.get(userId);
      if (!user || user.disabledAt !== null) throw new ForbiddenError("This account is disabled. Ask an administrator.");
      const updated = await store.users.setPassword(user.id, await hashPassword(input.password), now);
    await store.accountEvents.record({ at: now, kind: "sign-in link used", ...byUser(user, meta) });
      // Setting a password ends any session that existed before, as a password reset should.
      await store.sessions.deleteForUser(user.id);
      deps.logger.info({ user: user.id }, "password set with a sign-in link");
      return startSession(updated, meta);
    },

    async signOut(session) {
      await store.sessions.delete(session.tokenHash);
    },

    async signOutEverywhere(userId) {
      const ended = await store.sessions.deleteForUser(userId);
      deps.logger.info({ user: userId, sessions: ended }, "signed out everywhere");
      return ended;
    },
  };
}
