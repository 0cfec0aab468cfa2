import type { Db } from "./database";
import { hashSecret, newSecret } from "./secret-token";

const LINK_PREFIX = "snl_link_";

/** One-time sign-in links; only their hashes are stored. */
export function createSignInLinkRepository(db: Db) {
  return {
    /**
     * Creates a one-time sign-in link token for a user; only its hash is stored. Only the newest link
     * works: an older one, perhaps still in a forwarded email, must not reset the password again.
     */
    async create(userId: string, now: number, expiresAt: number): Promise<string> {
      const token = newSecret(LINK_PREFIX);
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom("sign_in_links").where("user_id", "=", userId).execute();
        await trx.insertInto("sign_in_links").values({ token_hash: hashSecret(token), user_id: userId, created_at: now, expires_at: expiresAt, used_at: null }).execute();
      });
      return token;
    },

    /** Uses up a link: returns its user once, if it is unused and unexpired; null otherwise. */
    async consume(token: string, now: number): Promise<string | null> {
      const row = await db
        .updateTable("sign_in_links")
        .set({ used_at: now })
        .where("token_hash", "=", hashSecret(token))
        .where("used_at", "is", null)
        .where("expires_at", ">", now)
        .returning("user_id")
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
  };
}

export type SignInLinkRepository = ReturnType<typeof createSignInLinkRepository>;
