import { afterEach, beforeEach, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../domain/change";
import { sampleAssets, T0 } from "../../test/support/fixtures";
import { describeEachStore } from "../../test/support/stores";
import type { Store } from "./store";

describeEachStore("asset summaries (no geometry)", (factory) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await factory.open());
    await store.upsertAssets(sampleAssets(), T0);
  });
  afterEach(() => dispose());

  it("lists what listAssets lists, in the same order, without the geometry", async () => {
    const first = sampleAssets()[0]!;
    await store.appendChanges([{ assetId: first.id, status: { code: "closed", message: "Snow" } }], { actor: SYSTEM_ACTOR, ip: null, now: T0 + 1 });
    const full = await store.listAssets();
    const summaries = await store.listAssetSummaries();
    expect(summaries).toEqual(full.map(({ geometry: _geometry, ...rest }) => rest));
    expect(summaries.find((a) => a.id === first.id)!.status.code).toBe("closed");
  });

  it("filters by layer and by ids", async () => {
    const [a, b] = sampleAssets();
    expect((await store.listAssetSummaries({ ids: [b!.id, a!.id, "nope"] })).map((x) => x.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(await store.listAssetSummaries({ ids: [] })).toEqual([]);
    const layer = a!.layer;
    expect((await store.listAssetSummaries({ layer })).every((x) => x.layer === layer)).toBe(true);
  });
});
