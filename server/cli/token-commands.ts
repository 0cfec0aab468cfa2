import * as z from "zod";
import { layerSchema } from "../../lib/domain/layers";
import { parseInput } from "../../lib/domain/validation";
import type { Store } from "../../lib/store/store";

const DAY = 86_400_000;
const layersOptionSchema = z.array(layerSchema).min(1, "--layers needs at least one layer");

export async function tokenAdd(store: Store, name: string, options: { expiresDays?: number; now: number; layers?: string }): Promise<string[]> {
  const expiresAt = options.expiresDays ? options.now + options.expiresDays * DAY : null;
  const layers =
    options.layers === undefined
      ? null
      : parseInput(layersOptionSchema, options.layers.split(",").map((l) => l.trim()).filter(Boolean), "--layers takes schools, gritting or bins, comma-separated");
  const { token, record } = await store.tokens.create(name, options.now, expiresAt, { layers });
  return [
    `Created API token "${record.name}" (id ${record.id}) for ${layers ? layers.join(", ") : "every layer"}${expiresAt ? `, expires ${new Date(expiresAt).toISOString()}` : ""}.`,
    "It is shown only now; store it somewhere safe. Send it as: Authorization: Bearer <token>",
    token,
  ];
}

export async function tokenList(store: Store): Promise<string[]> {
  const tokens = await store.tokens.list();
  if (!tokens.length) return ["No API tokens yet. Create one with: npx snowline token add NAME"];
  return tokens.map((t) => {
    const state = t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt < Date.now() ? "expired" : "active";
    const used = t.lastUsedAt ? new Date(t.lastUsedAt).toISOString() : "never";
    return `${t.id}  ${state.padEnd(7)}  last used ${used}  ${t.name}`;
  });
}

export async function tokenRevoke(store: Store, id: string, now: number): Promise<string[]> {
  const revoked = await store.tokens.revoke(id, now);
  if (!revoked) throw new Error(`No active token has the id ${id}`);
  return [`Revoked token ${id}.`];
}
