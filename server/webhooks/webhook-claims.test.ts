import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../lib/domain/clock";
import { dropPostgresSchema, openPostgresStore } from "../../lib/store/postgres-store";
import { openSqliteStore } from "../../lib/store/sqlite-store";
import type { Store } from "../../lib/store/store";
import { sampleAssets, T0, TEST_ACTOR } from "../../test/support/fixtures";
import { isPostgresMissing, TEST_DATABASE_URL, uniqueName } from "../../test/support/services";
import { startWebhookReceiver } from "../../test/support/webhook-receiver";
import { WEBHOOK_HEADERS } from "../../lib/webhooks/signature";
import { createWebhookPoster } from "./post-webhook";
import { createWebhookTargets } from "./webhook-targets";
import { startWebhookWorker } from "./webhook-worker";

/** Two connections to one database, as two nodes of a deployment would have. */
interface TwoNodes {
  stores: [Store, Store];
  dispose(): Promise<void>;
}

const backends: { name: string; skip: () => boolean; open(): Promise<TwoNodes> }[] = [
  {
    name: "sqlite",
    skip: () => false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), "snowline-webhooks-"));
      const stores: [Store, Store] = [await openSqliteStore(dir), await openSqliteStore(dir)];
      return { stores, dispose: async () => (await Promise.all(stores.map((s) => s.close())), rmSync(dir, { recursive: true, force: true })) };
    },
  },
  {
    name: "postgres",
    skip: () => isPostgresMissing(),
    async open() {
      const schema = uniqueName("snl_hooks");
      const first = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
      const stores: [Store, Store] = [first, await openPostgresStore({ url: TEST_DATABASE_URL, schema })];
      return {
        stores,
        dispose: async () => {
          await Promise.all(stores.map((s) => s.close()));
          await dropPostgresSchema(TEST_DATABASE_URL, schema);
        },
      };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip())(`webhook outbox claims [${backend.name}]`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    it("two nodes polling the same outbox send each delivery once", async () => {
      const nodes = await backend.open();
      cleanups.push(() => nodes.dispose());
      const receiver = await startWebhookReceiver();
      cleanups.push(() => receiver.close());
      const [a, b] = nodes.stores;
      await a.upsertAssets(sampleAssets(), T0);
      const repoA = a.webhooks;
      const repoB = b.webhooks;
      await repoA.add({ url: receiver.url, layers: ["schools", "gritting", "bins"] }, { createdBy: "test", now: T0 });
      await repoA.add({ url: `${receiver.url}?second`, layers: ["schools"] }, { createdBy: "test", now: T0 });

      const codes = ["closed", "open"];
      for (let i = 0; i < 15; i++) {
        const batch = await a.appendChanges([{ assetId: `school-${(i % 3) + 1}`, status: { code: codes[i % 2]!, message: `batch ${i}` } }], {
          actor: TEST_ACTOR,
          ip: null,
          now: T0,
        });
        await repoA.enqueue(batch, T0);
        // Enqueueing twice (say, a retried publish) must not send twice.
        await repoB.enqueue(batch, T0);
      }

      const clock = new ManualClock(T0);
      const logger = pino({ level: "silent" });
      // The receiver listens on this machine, which webhooks may reach only when allowed.
      const post = createWebhookPoster(createWebhookTargets(new Set(["127.0.0.1"])));
      const workers = [repoA, repoB, repoA, repoB].map((repository) => startWebhookWorker({ repository, clock, logger, post }));
      cleanups.push(async () => workers.forEach((w) => w.stop()));
      const attempted = await Promise.all(workers.map((w) => w.runDue()));

      expect(attempted.reduce((sum, n) => sum + n, 0)).toBe(30);
      const ids = receiver.received.map((r) => String(r.headers[WEBHOOK_HEADERS.delivery]));
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      const delivered = await repoB.deliveries({ limit: 100 });
      expect(delivered.every((d) => d.state === "delivered" && d.attempts === 1)).toBe(true);
    });

    it("an admin's retry never touches a delivery another node is sending, and sends a failed one at once", async () => {
      const nodes = await backend.open();
      cleanups.push(() => nodes.dispose());
      const [a, b] = nodes.stores;
      await a.upsertAssets(sampleAssets(), T0);
      const repoA = a.webhooks;
      const repoB = b.webhooks;
      const { webhook } = await repoA.add({ url: "http://127.0.0.1:9/hook", layers: ["schools"] }, { createdBy: "test", now: T0 });
      const batch = await a.appendChanges([{ assetId: "school-1", status: { code: "closed", message: "Closed" } }], { actor: TEST_ACTOR, ip: null, now: T0 });
      await repoA.enqueue(batch, T0);

      const [sending] = await repoB.claimDue(T0, 60_000);
      await expect(repoA.retryNow(webhook.id, sending!.id, T0 + 1)).rejects.toThrow(/No failed delivery/);
      await repoB.recordAttempt(sending!, { at: T0 + 5, ok: false, statusCode: 502, error: "The receiver answered HTTP 502", durationMs: 5, retryAt: T0 + 10_000 });
      expect(await repoA.claimDue(T0 + 6, 60_000)).toEqual([]);

      await repoA.retryNow(webhook.id, sending!.id, T0 + 6);
      const [again] = await repoB.claimDue(T0 + 6, 60_000);
      expect(again).toMatchObject({ id: sending!.id, attempt: 2 });
    });
  });
}
