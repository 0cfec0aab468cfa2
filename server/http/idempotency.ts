import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { Actor } from "../../lib/domain/change";
import { IDEMPOTENCY_CLAIM_LEASE_MS, type IdempotencyClaim } from "../../lib/domain/idempotency";
import type { HttpDeps } from "./context";
import { HttpStatusError, httpError } from "./errors";

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/;
const SWEEP_EVERY_MS = 60 * 60 * 1000;

/**
 * Runs a write at most once per `Idempotency-Key` and caller. A retry with the same key and the
 * same request gets the first answer again (status and body) without running the write; the same
 * key with another request is refused with 422; a retry while the first is still running gets 409
 * with Retry-After (it is not queued). Without the header the write simply runs.
 *
 * `run` gets the claim to pass to the store, so a batch spends the key in its own transaction.
 * Only a 2xx answer is remembered; any other outcome that stored nothing gives the key back.
 */
export function createIdempotency(deps: Pick<HttpDeps, "store" | "clock" | "logger">) {
  let lastSweep = -Infinity;
  // Claims this node could not give back because the database went away mid-request. Until they are
  // given back a retry with the key gets 409 "in progress" although nothing runs, for the whole
  // lease; so they are given back as soon as the database answers again (release never touches a
  // key whose batch was stored). Past the lease the claim may be someone else's: then leave it.
  const unreleased = new Map<string, { claim: IdempotencyClaim; at: number }>();

  async function releaseOrKeep(claim: IdempotencyClaim, now: number): Promise<void> {
    await deps.store.idempotency.release(claim).catch(() => void unreleased.set(`${claim.scope}\n${claim.key}`, { claim, at: now }));
  }

  async function giveBackUnreleased(now: number): Promise<void> {
    for (const [id, { claim, at }] of unreleased) {
      if (now - at < IDEMPOTENCY_CLAIM_LEASE_MS) {
        try {
          await deps.store.idempotency.release(claim);
        } catch {
          return;
        }
      }
      unreleased.delete(id);
    }
  }

  function sweepNowAndThen(now: number): void {
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    deps.store.idempotency.sweep(now).catch((error) => deps.logger.warn({ err: error }, "idempotency key sweep failed"));
  }

  return async function idempotent(c: Context, actor: Actor, run: (claim?: IdempotencyClaim) => Promise<Response>): Promise<Response> {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return run();
    if (!KEY_FORMAT.test(key)) throw new HttpStatusError(400, "The Idempotency-Key must be 1 to 255 visible ASCII characters");
    const now = deps.clock.now();
    sweepNowAndThen(now);
    if (unreleased.size) await giveBackUnreleased(now);
    const claim = { scope: `${actor.type}:${actor.id ?? actor.name}`, key };
    const requestHash = createHash("sha256").update(`${c.req.method} ${c.req.path}\n`).update(await c.req.text()).digest("base64url");

    const claimed = await deps.store.idempotency.claim(claim, requestHash, now);
    if (!claimed.claimed) {
      const { record } = claimed;
      if (record.requestHash !== requestHash) {
        return httpError(c, 422, "This Idempotency-Key was already used for a different request; use a new key for a new request");
      }
      if (record.response) {
        return c.body(record.response.body, record.response.status as 200, { "content-type": "application/json", "idempotent-replayed": "true" });
      }
      if (record.batch) {
        // The batch was stored but its answer was never recorded (the process stopped in between): rebuild it.
        const changes = await deps.store.changesInRange(record.batch.fromSeq, record.batch.toSeq);
        c.header("idempotent-replayed", "true");
        return c.json({ seq: record.batch.toSeq, fromSeq: record.batch.fromSeq, changes }, 201);
      }
      c.header("retry-after", "1");
      return httpError(c, 409, "A request with this Idempotency-Key is still in progress; retry it in a moment");
    }

    let response: Response;
    try {
      response = await run(claim);
    } catch (error) {
      await releaseOrKeep(claim, now);
      throw error;
    }
    if (response.status < 200 || response.status >= 300) {
      await releaseOrKeep(claim, now);
      return response;
    }
    const body = await response.text();
    await deps.store.idempotency.complete(claim, { status: response.status, body });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

export type Idempotent = ReturnType<typeof createIdempotency>;
