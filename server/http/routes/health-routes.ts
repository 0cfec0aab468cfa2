import type { Hono } from "hono";
import type { HttpDeps } from "../context";

/** A dependency that has not answered by then counts as down: a probe must not hang with it. */
export const READY_CHECK_MS = 800;

function withinReadyCheck(check: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer in time")), READY_CHECK_MS);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
}

export function healthRoutes(app: Hono, deps: HttpDeps): void {
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const checks = await Promise.allSettled([withinReadyCheck(deps.store.ping()), withinReadyCheck(deps.bus.ping())]);
    const [database, bus] = checks.map((r) => (r.status === "fulfilled" ? "ok" : "unreachable"));
    const ready = database === "ok" && bus === "ok";
    return c.json({ status: ready ? "ready" : "not ready", database, bus, realtime: deps.socketCounts(), publicCache: deps.publicCacheStats() }, ready ? 200 : 503);
  });
}
