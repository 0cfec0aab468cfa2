import { afterEach, beforeEach, expect, it } from "vitest";
import { describeEachStore } from "../../test/support/stores";
import { sampleAssets, T0, TEST_ACTOR } from "../../test/support/fixtures";
import { IDEMPOTENCY_CLAIM_LEASE_MS, IDEMPOTENCY_KEY_TTL_MS } from "../domain/idempotency";
import type { Store } from "./store";

const claim = { scope: "token:t1", key: "k1" };
const close = [{ assetId: "school-1", status: { code: "closed", message: "Snow" } }];

describeEachStore("idempotency keys", (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    await store.upsertAssets(sampleAssets(), T0);
  });
  afterEach(async () => dispose());

  it("a batch spends its claim in its own transaction; a second batch under the same claim stores nothing", async () => {
    expect(await store.idempotency.claim(claim, "h1", T0)).toEqual({ claimed: true });
    const batch = await store.appendChanges(close, { actor: TEST_ACTOR, ip: null, now: T0, idempotency: claim });
    await expect(store.appendChanges(close, { actor: TEST_ACTOR, ip: null, now: T0, idempotency: claim })).rejects.toThrow(/no longer claimed/);
    expect(await store.headSeq()).toBe(batch.toSeq);

    const again = await store.idempotency.claim(claim, "h1", T0 + 1);
    expect(again).toEqual({ claimed: false, record: { requestHash: "h1", createdAt: T0, batch: { fromSeq: 1, toSeq: 1 }, response: null } });
  });

  it("a batch that fails leaves the claim unspent, and release frees it", async () => {
    await store.idempotency.claim(claim, "h1", T0);
    await expect(store.appendChanges([{ assetId: "nowhere", status: { code: "closed", message: "" } }], { actor: TEST_ACTOR, ip: null, now: T0, idempotency: claim })).rejects.toThrow();
    await store.idempotency.release(claim);
    expect(await store.idempotency.claim(claim, "h2", T0)).toEqual({ claimed: true });
  });

  it("an abandoned claim (no batch, no answer) may be taken over after the lease; a spent one only after 24 hours", async () => {
    await store.idempotency.claim(claim, "h1", T0);
    expect((await store.idempotency.claim(claim, "h1", T0 + IDEMPOTENCY_CLAIM_LEASE_MS - 1)).claimed).toBe(false);
    expect((await store.idempotency.claim(claim, "h1", T0 + IDEMPOTENCY_CLAIM_LEASE_MS + 1)).claimed).toBe(true);

    const spent = { ...claim, key: "k2" };
    await store.idempotency.claim(spent, "h", T0);
    await store.idempotency.complete(spent, { status: 201, body: "{}" });
    expect((await store.idempotency.claim(spent, "h", T0 + IDEMPOTENCY_KEY_TTL_MS - 1)).claimed).toBe(false);
    expect(await store.idempotency.sweep(T0 + IDEMPOTENCY_KEY_TTL_MS + 1)).toBe(1);
    expect((await store.idempotency.claim(spent, "h", T0 + IDEMPOTENCY_KEY_TTL_MS + 1)).claimed).toBe(true);
  });
});
