import * as z from "zod";
import { SIGN_IN_LINK_TTL_MS } from "../../lib/auth/sign-in-link";
import type { Clock } from "../../lib/domain/clock";
import { NotFoundError } from "../../lib/domain/errors";
import { passwordSchema } from "../../lib/auth/password-policy";
import type { User, UserInput } from "../../lib/domain/users";
import { parseInput } from "../../lib/domain/validation";
import type { Store } from "../../lib/store/store";
import type { Logger } from "../logger";
import { hashPassword } from "./passwords";

export interface IssuedLink {
  /** Shown once; only its hash is stored. */
  token: string;
  expiresAt: number;
}

/** Account administration, shared by the admin console and `npx snowline user …`. */
export interface UserAdmin {
  /** Creates an account with a password, or else with a one-time sign-in link to set one. */
  create(input: UserInput, options?: { password?: string }): Promise<{ user: User; link: IssuedLink | null }>;
  issueLink(userId: string): Promise<IssuedLink>;
  /** Disabling also ends every session of the account at once. */
  setDisabled(userId: string, disabled: boolean): Promise<User>;
}

export function createUserAdmin(deps: { store: Store; clock: Clock; logger: Logger }): UserAdmin {
  const { store, clock } = deps;
  const issueLink = async (userId: string): Promise<IssuedLink> => {
    const now = clock.now();
    const expiresAt = now + SIGN_IN_LINK_TTL_MS;
    return { token: await store.signInLinks.create(userId, now, expiresAt), expiresAt };
  };
  return {
    async create(input, options = {}) {
      const password =
        options.password === undefined
          ? undefined
          : parseInput(z.object({ password: passwordSchema }), { password: options.password }, "The password is not suitable").password;
      const user = await store.users.create(input, clock.now(), password === undefined ? null : await hashPassword(password));
      deps.logger.info({ user: user.id, role: user.role }, "user created");
      return { user, link: password === undefined ? await issueLink(user.id) : null };
    },
    async issueLink(userId) {
      if (!(await store.users.get(userId))) throw new NotFoundError(`No user has the id ${userId}`);
      return issueLink(userId);
    },
    async setDisabled(userId, disabled) {
      const user = await store.users.setDisabled(userId, disabled, clock.now());
      if (disabled) await store.sessions.deleteForUser(userId);
      deps.logger.info({ user: userId, disabled }, disabled ? "user disabled" : "user enabled");
      return user;
    },
  };
}
