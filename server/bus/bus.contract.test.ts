import { afterEach, describe, expect, it, vi } from "vitest";
import type { ChangeBatch } from "../../lib/domain/change";
import { closedStatus, publicChange } from "../../test/support/fixtures";
import { isRedisMissing, TEST_REDIS_URL, uniqueName } from "../../test/support/services";
import type { Bus, BusMessage } from "./bus";
import { createInProcessBus } from "./in-process-bus";
import { createRedisBus } from "./redis-bus";

const batch: ChangeBatch = {
  fromSeq: 7,
  toSeq: 7,
  changes: [publicChange(7, { assetId: "school-1", status: closedStatus({ message: `<script>&"'` }) })],
};

interface BusFactory {
  name: string;
  skip: boolean;
  /** Opens `count` nodes' buses connected to each other. */
  open(count: number): Promise<Bus[]>;
}

const factories: BusFactory[] = [
  {
    name: "in-process",
    skip: false,
    async open(count) {
      // A single process has one bus; every node in it shares the instance.
      const bus = createInProcessBus();
      return Array.from({ length: count }, () => bus);
    },
  },
  {
    name: "redis",
    skip: isRedisMissing(),
    async open(count) {
      const namespace = uniqueName("snl_bus_test");
      return Promise.all(Array.from({ length: count }, () => createRedisBus({ url: TEST_REDIS_URL, namespace })));
    },
  },
];

for (const factory of factories) {
  describe.skipIf(factory.skip)(`bus [${factory.name}]`, () => {
    let buses: Bus[] = [];
    afterEach(async () => {
      await Promise.all([...new Set(buses)].map((b) => b.close()));
      buses = [];
    });

    it("delivers a published batch to every subscribed node, the publisher included, intact", async () => {
      buses = await factory.open(2);
      const received: BusMessage[][] = [[], []];
      buses.forEach((bus, i) => bus.subscribe((m) => received[i]!.push(m)));
      await buses[0]!.publish({ type: "changes", batch });
      await buses[1]!.publish({ type: "notices" });
      await vi.waitFor(() => expect(received.map((r) => r.length)).toEqual([2, 2]), { timeout: 10_000 });
      expect(received[1]).toEqual([{ type: "changes", batch }, { type: "notices" }]);
      const first = received[0]![0]!;
      expect(first.type === "changes" && first.batch.changes[0]!.status.message).toBe(`<script>&"'`);
    });

    it("stops delivering to a listener after it unsubscribes", async () => {
      buses = await factory.open(1);
      const first = vi.fn();
      const second = vi.fn();
      const unsubscribe = buses[0]!.subscribe(first);
      buses[0]!.subscribe(second);
      unsubscribe();
      await buses[0]!.publish({ type: "changes", batch });
      await vi.waitFor(() => expect(second).toHaveBeenCalledTimes(1), { timeout: 10_000 });
      expect(first).not.toHaveBeenCalled();
      await expect(buses[0]!.ping()).resolves.toBeUndefined();
      expect(buses[0]!.isHealthy()).toBe(true);
    });
  });
}

describe.skipIf(isRedisMissing())("bus [redis] input checking", () => {
  it("drops and reports a message on its channel that is not a valid batch", async () => {
    const namespace = uniqueName("snl_bus_test");
    const onError = vi.fn();
    const bus = await createRedisBus({ url: TEST_REDIS_URL, namespace, onError });
    const listener = vi.fn();
    bus.subscribe(listener);
    const { Redis } = await import("ioredis");
    const raw = new Redis(TEST_REDIS_URL);
    await raw.publish(`${namespace}:bus`, JSON.stringify({ type: "changes", batch: { fromSeq: 1, toSeq: 3, changes: [] } }));
    await raw.publish(`${namespace}:bus`, "not json");
    await bus.publish({ type: "changes", batch });
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1), { timeout: 10_000 });
    expect(onError).toHaveBeenCalledTimes(2);
    raw.disconnect();
    await bus.close();
  });
});
