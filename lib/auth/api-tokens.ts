import { tokenInputSchema } from "../domain/api-tokens";
import { LAYERS } from "../domain/layers";
import { parseInput } from "../domain/validation";
import type { Store } from "../store/store";

const DAY = 86_400_000;

/**
 * Creates an API token, whichever door the request came in by (the console API or
 * `npx snowline token add`): both get the same name rules, layer list and expiry limit.
 */
export async function createApiToken(
  store: Pick<Store, "tokens">,
  input: unknown,
  context: { now: number; createdBy: string | null },
): Promise<Awaited<ReturnType<Store["tokens"]["create"]>>> {
  const parsed = parseInput(tokenInputSchema, input, "The token details are invalid");
  const layers = LAYERS.every((l) => parsed.layers.includes(l)) ? null : [...new Set(parsed.layers)];
  const expiresAt = parsed.expiresInDays === null ? null : context.now + parsed.expiresInDays * DAY;
  return store.tokens.create(parsed.name, context.now, expiresAt, { layers, createdBy: context.createdBy });
}
