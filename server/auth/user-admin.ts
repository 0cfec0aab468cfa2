import * as z from "zod";
import { SIGN_IN_LINK_TTL_MS } from "../../lib/auth/sign-in-link";
import type { Clock } from "../../lib/domain/clock";
import { NotFoundError } from "../../lib/domain/errors";
import { passwordSchema } from "../../lib/auth/password-policy";
import type { AccountEventKind } from "../../lib/domain/audit";
import type { Actor } from "../../lib/domain/change";
import { describeAccount, type User, type UserInput } from "../../lib/domain/users";
import { parseInput } from "../../lib/domain/validation";
import type { Store } from "../../lib/store/store";
import type { Logger } from "../logger";
import { hashPassword } from "./passwords";

/** Who asks for an account change, for the audit log; left out on the command line. */
export interface AdminRequest {
  actor: Actor;
  ip: string | null;
}

export interface IssuedLink {
  /** Shown once; only its hash is stored. */
  token: string;
  expiresAt: number;
}

/** Account administration, shared by the admin console and `npx snowline user …`. */
export interface UserAdmin {
  /** Creates an account with a password, or else with a one-time sign-in link to set one. */
  create(input: UserInput, options?: { password?: string; by?: AdminRequest }): Promise<{ user: User; link: IssuedLink | null }>;
  issueLink(userId: string, by?: AdminRequest): Promise<IssuedLink>;
  /** Disabling also ends every session of the account at once. */
  setDisabled(userId: string, disabled: boolean, by?: AdminRequest): Promise<User>;
}

export function createUserAdmin(deps: { store: Store; clock: Clock; logger: Logger }): UserAdmin {
  const { store, clock } = deps;
  const record = (kind: AccountEventKind, user: User, by: AdminRequest | undefined) =>
    store.accountEvents.record({ at: clock.now(), kind, actor: by?.actor ?? null, ip: by?.ip ?? null, subjectUserId: user.id, subject: describeAccount(user) });
  const issueLink = async (user: User, by: AdminRequest | undefined): Promise<IssuedLink> => {
    const now = clock.now();
    const expiresAt = now + SIGN_IN_LINK_TTL_MS;
    const token = await store.signInLinks.create(user.id, now, expiresAt);
    await record("sign-in link issued", user, by);
    return { token, expiresAt };
  };
  return {
    async create(input, options = {}) {
      const password =
        options.password === undefined
          ? undefined
          : parseInput(z.object({ password: passwordSchema }), { password: options.password }, "The password is not suitable").password;
      const user = await store.users.create(input, clock.now(), password === undefined ? null : await hashPassword(password));
      deps.logger.info({ user: user.id, role: user.role }, "user created");
      await record("user created", user, options.by);
      return { user, link: password === undefined ? await issueLink(user, options.by) : null };
    },
    async issueLink(userId, by) {
      const user = await store.users.get(userId);
      if (!user) throw new NotFoundError(`No user has the id ${userId}`);
      return issueLink(user, by);
    },
    async setDisabled(userId, disabled, by) {
      const user = await store.users.setDisabled(userId, disabled, clock.now());
      if (disabled) await store.sessions.deleteForUser(userId);
      await record(disabled ? "user disabled" : "user enabled", user, by);
      deps.logger.info({ user: userId, disabled }, disabled ? "user disabled" : "user enabled");
      return user;
    },
  };
}
