import type { NewSession, SessionRecord } from "../domain/sessions";
import type { User } from "../domain/users";
import type { Db, UsersTable } from "./database";
import { num } from "./rows";
import { hashSecret, newSecret } from "./secret-token";
import { userFromRow, withoutSecret } from "./user-repository";

/** Console sessions; the cookie's token is never stored, only its hash. */
export function createSessionRepository(db: Db) {
  return {
    /** Starts a session; the token goes in the cookie and is never stored, only its hash. */
    async create(input: NewSession): Promise<{ token: string; csrfToken: string }> {
      const token = newSecret("snl_s_");
      const csrfToken = newSecret();
      await db
        .insertInto("sessions")
        .values({
          token_hash: hashSecret(token),
          user_id: input.userId,
          csrf_token: csrfToken,
          created_at: input.now,
          last_seen_at: input.now,
          expires_at: input.expiresAt,
          ip: input.ip,
          user_agent: input.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      return { token, csrfToken };
    },

    async find(token: string): Promise<{ session: SessionRecord; user: User } | null> {
      const row = await db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.user_id")
        .selectAll("users")
        .select(["sessions.token_hash", "sessions.csrf_token", "sessions.created_at as session_created_at", "sessions.last_seen_at", "sessions.expires_at"])
        .where("sessions.token_hash", "=", hashSecret(token))
        .executeTakeFirst();
      if (!row) return null;
      const user = withoutSecret(userFromRow(row as UsersTable));
      return {
        user,
        session: {
          tokenHash: row.token_hash,
          userId: user.id,
          csrfToken: row.csrf_token,
          createdAt: num(row.session_created_at),
          lastSeenAt: num(row.last_seen_at),
          expiresAt: num(row.expires_at),
        },
      };
    },

    async touch(tokenHash: string, now: number): Promise<void> {
      await db.updateTable("sessions").set({ last_seen_at: now }).where("token_hash", "=", tokenHash).execute();
    },

    async delete(tokenHash: string): Promise<void> {
      await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
    },

    /** Signs a user out everywhere; returns how many sessions ended. */
    async deleteForUser(userId: string): Promise<number> {
      const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Clears sessions past their absolute or idle end, so the table does not grow without bound. */
    async deleteDead(now: number, idleMs: number): Promise<number> {
      const result = await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", now - idleMs)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type SessionRepository = ReturnType<typeof createSessionRepository>;
