import type { Hono } from "hono";
import type { HttpDeps } from "../context";

export function healthRoutes(app: Hono, deps: HttpDeps): void {
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    const checks = await Promise.allSettled([deps.store.ping(), deps.bus.ping()]);
    const [database, bus] = checks.map((r) => (r.status === "fulfilled" ? "ok" : "unreachable"));
    const ready = database === "ok" && bus === "ok";
    return c.json({ status: ready ? "ready" : "not ready", database, bus }, ready ? 200 : 503);
  });
}
