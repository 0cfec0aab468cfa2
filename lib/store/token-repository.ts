import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { ApiToken } from "../domain/api-tokens";
import type { Layer } from "../domain/layers";
import type { ApiTokensTable, Db } from "./database";

const layersFromRow = (row: ApiTokensTable): Layer[] | null => (row.layers === null ? null : (JSON.parse(row.layers) as Layer[]));

const TOKEN_PREFIX = "snl_";

// Tokens are 256 random bits, so a fast hash is enough: there is nothing to brute-force.
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

/** API tokens; only their hashes are stored. */
export function createTokenRepository(db: Db) {
  return {
    /** Creates a token and returns its secret once; only its hash is stored. */
    async create(name: string,
      now: number,
      expiresAt: number | null = null,
      scope: { layers?: Layer[] | null; createdBy?: string | null } = {},
    ): Promise<{ token: string; record: ApiToken }> {
      const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
      const layers = scope.layers ?? null;
      const createdBy = scope.createdBy ?? null;
      const record: ApiToken = { id: randomUUID(), name, createdAt: now, expiresAt, revokedAt: null, lastUsedAt: null, layers, createdBy };
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
          layers: layers === null ? null : JSON.stringify(layers),
          created_by_name: createdBy,
        })
        .execute();
      return { token, record };
    },

    /** The token's record if it is known, not revoked and not expired; null otherwise. */
    async verify(token: string, now: number): Promise<ApiToken | null> {
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
        layers: layersFromRow(row),
        createdBy: row.created_by_name,
      };
    },

    async revoke(id: string, now: number): Promise<boolean> {
      const result = await db
        .updateTable("api_tokens")
        .set({ revoked_at: now })
        .where("id", "=", id)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async list(): Promise<ApiToken[]> {
      const rows = await db.selectFrom("api_tokens").selectAll().orderBy("created_at").execute();
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: Number(row.created_at),
        expiresAt: row.expires_at === null ? null : Number(row.expires_at),
        revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
        lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
        layers: layersFromRow(row),
        createdBy: row.created_by_name,
      }));
    },
  };
}

export type TokenRepository = ReturnType<typeof createTokenRepository>;
