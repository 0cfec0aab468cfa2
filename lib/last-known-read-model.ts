import type { ReadModel } from "./read-model";
import { isDatabaseUnavailable } from "./store/database-errors";

/** A read model that answers from what it last read while the database cannot be reached. */
export interface LastKnownReadModel extends ReadModel {
  /** Since when (epoch ms) reads have been answered from memory; null while the database answers. */
  outageSince(): number | null;
}

const MAX_REMEMBERED = 256;

/**
 * Wraps the pages' read model so that a database outage shows residents the last known statuses
 * (the pages then say they may be out of date) instead of an error page. Each read is remembered
 * by its arguments; `publicNotices` by none, since its `now` differs on every call.
 */
export function withLastKnown(readModel: ReadModel, now: () => number): LastKnownReadModel {
  const remembered = new Map<string, unknown>();
  let outageSince: number | null = null;

  function read<A extends unknown[], T>(name: string, call: (...args: A) => Promise<T>, keyOf: (...args: A) => string = (...args) => JSON.stringify(args)) {
    return async (...args: A): Promise<T> => {
      const key = `${name}|${keyOf(...args)}`;
      try {
        const value = await call(...args);
        outageSince = null;
        remembered.delete(key);
        if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
        remembered.set(key, value);
        return value;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || !remembered.has(key)) throw error;
        outageSince ??= now();
        return remembered.get(key) as T;
      }
    };
  }

  return {
    headSeq: read("headSeq", () => readModel.headSeq()),
    listAssets: read("listAssets", (filter?: Parameters<ReadModel["listAssets"]>[0]) => readModel.listAssets(filter)),
    listAssetSummaries: read("listAssetSummaries", (filter?: Parameters<ReadModel["listAssetSummaries"]>[0]) => readModel.listAssetSummaries(filter)),
    getAsset: read("getAsset", (id: string) => readModel.getAsset(id)),
    assetHistory: read("assetHistory", (id: string, limit: number) => readModel.assetHistory(id, limit)),
    changesSince: read("changesSince", (since: number, limit: number, layers?: Parameters<ReadModel["changesSince"]>[2]) =>
      readModel.changesSince(since, limit, layers),
    ),
    // Live resumes need the database's own answer: a remembered one could skip changes.
    changesSinceWithHead: (since: number, limit: number, layers?: Parameters<ReadModel["changesSinceWithHead"]>[2]) =>
      readModel.changesSinceWithHead(since, limit, layers),
    publicNotices: read("publicNotices", (at: number) => readModel.publicNotices(at), () => ""),
    outageSince: () => outageSince,
  };
}
