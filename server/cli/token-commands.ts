import { createApiToken } from "../../lib/auth/api-tokens";
import { ValidationError } from "../../lib/domain/errors";
import { LAYERS } from "../../lib/domain/layers";
import type { Store } from "../../lib/store/store";

// The schema's field names, as the command line spells them.
const TOKEN_FLAGS: Record<string, string> = { name: "NAME", layers: "--layers", expiresInDays: "--expires-days" };

/** `token add NAME [--expires-days N] [--layers a,b]`: the same rules as the console (createApiToken). */
export async function tokenAdd(
  store: Store,
  name: string,
  options: { expiresDays?: string; now: number; layers?: string; createdBy: string },
): Promise<string[]> {
  const input = {
    name,
    layers: options.layers === undefined ? [...LAYERS] : options.layers.split(",").map((l) => l.trim()).filter(Boolean),
    expiresInDays: options.expiresDays === undefined ? null : Number(options.expiresDays),
  };
  const { token, record } = await createApiToken(store, input, { now: options.now, createdBy: options.createdBy }).catch((error: unknown) => {
    if (!(error instanceof ValidationError)) throw error;
    const fieldErrors = error.fieldErrors.map((f) => ({ ...f, path: f.path.replace(/^[^.]+/, (key) => TOKEN_FLAGS[key] ?? key) }));
    throw new ValidationError(fieldErrors, error.message);
  });
  return [
    `Created API token "${record.name}" (id ${record.id}) for ${record.layers ? record.layers.join(", ") : "every layer"}${record.expiresAt ? `, expires ${new Date(record.expiresAt).toISOString()}` : ""}.`,
    "It is shown only now; store it somewhere safe. Send it as: Authorization: Bearer <token>",
    token,
  ];
}

export async function tokenList(store: Store, now: number): Promise<string[]> {
  const tokens = await store.tokens.list();
  if (!tokens.length) return ["No API tokens yet. Create one with: npx snowline token add NAME"];
  return tokens.map((t) => {
    const state = t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt < now ? "expired" : "active";
    const used = t.lastUsedAt ? new Date(t.lastUsedAt).toISOString() : "never";
    return `${t.id}  ${state.padEnd(7)}  last used ${used}  ${t.name}`;
  });
}

export async function tokenRevoke(store: Store, id: string, now: number): Promise<string[]> {
  const revoked = await store.tokens.revoke(id, now);
  if (!revoked) throw new Error(`No active token has the id ${id}`);
  return [`Revoked token ${id}.`];
}
