import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "./database";

export interface ApiToken {
  id: string;
  name: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

const TOKEN_PREFIX = "snl_";

// Tokens are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Creates a token and returns its secret once; only its hash is stored. */
export async function createToken(
  db: Db,
  name: string,
  now: number,
  expiresAt: number | null = null,
): Promise<{ token: string; record: ApiToken }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const record: ApiToken = { id: randomUUID(), name, createdAt: now, expiresAt, revokedAt: null, lastUsedAt: null };
  await db
    .insertInto("api_tokens")
    .values({
      id: record.id,
      name,
      token_hash: hashToken(token),
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return { token, record };
}

/** The token's record if it is known, not revoked and not expired; null otherwise. */
export async function verifyToken(db: Db, token: string, now: number): Promise<ApiToken | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db.selectFrom("api_tokens").selectAll().where("token_hash", "=", hashToken(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && Number(row.expires_at) <= now)) return null;
  await db.updateTable("api_tokens").set({ last_used_at: now }).where("id", "=", row.id).execute();
  return {
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    revokedAt: null,
    lastUsedAt: now,
  };
}

export async function revokeToken(db: Db, id: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listTokens(db: Db): Promise<ApiToken[]> {
  const rows = await db.selectFrom("api_tokens").selectAll().orderBy("created_at").execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: Number(row.created_at),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
  }));
}
