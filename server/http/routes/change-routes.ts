import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getConnInfo } from "@hono/node-server/conninfo";
import { changeBatchInputSchema } from "../../../lib/domain/status";
import { parseInput } from "../../../lib/domain/validation";
import { requireTokenActor } from "../auth";
import type { HttpDeps } from "../context";
import { httpError } from "../errors";
import { readJson } from "../read-json";
import { socialDraftsFor } from "../social-drafts";

export const API_BODY_LIMIT_BYTES = 1024 * 1024;

/** Writes through the API: an atomic batch of status changes, with a bearer token. */
export function changeRoutes(api: Hono, deps: HttpDeps): void {
  api.post(
    "/changes",
    bodyLimit({
      maxSize: API_BODY_LIMIT_BYTES,
      onError: (c) => httpError(c, 413, `The request body is larger than ${API_BODY_LIMIT_BYTES / 1024 / 1024} MB`),
    }),
    async (c) => {
      const actor = await requireTokenActor(c, deps);
      const body = parseInput(changeBatchInputSchema, await readJson(c), "The changes are invalid; nothing was stored");
      const ip = getConnInfo(c).remote.address ?? null;
      const batch = await deps.changes.post(body.changes, actor, ip);
      const socialPosts = await socialDraftsFor(batch, deps, c);
      return c.json({ seq: batch.toSeq, changes: batch.changes, socialPosts }, 201);
    },
  );
}
