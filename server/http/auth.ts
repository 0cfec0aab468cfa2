import type { Context } from "hono";
import type { Actor } from "../../lib/domain/change";
import { UnauthorizedError } from "../../lib/domain/errors";
import type { HttpDeps } from "./context";

/** The actor behind a request's `Authorization: Bearer …` API token; throws 401 without a valid one. */
export async function requireTokenActor(c: Context, deps: HttpDeps): Promise<Actor> {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new UnauthorizedError("Send an API token as Authorization: Bearer <token>");
  const token = await deps.store.tokens.verify(match[1]!, deps.clock.now());
  if (!token) throw new UnauthorizedError("The API token is unknown, revoked or expired");
  return { type: "token", id: token.id, name: token.name };
}
