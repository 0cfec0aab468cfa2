import { connection } from "next/server";
import { cache } from "react";
import { getAppContext } from "@/lib/app-context";
import { renderMinute } from "@/lib/domain/clock";
import type { AssetSummaryWithStatus, ReadModel } from "@/lib/read-model";

// Every status change moves the seq, so rows read at the same seq are still current; the short
// age limit covers imports that rename or add assets without one. At 7am thousands of page
// views then share one read of 2,900 rows instead of making one each.
const ROWS_MAX_AGE_MS = 5000;
let rowsCache: { seq: number; readAt: number; assets: AssetSummaryWithStatus[] } | null = null;

async function assetRows(readModel: ReadModel, seq: number): Promise<AssetSummaryWithStatus[]> {
  const now = Date.now();
  if (rowsCache && rowsCache.seq === seq && now - rowsCache.readAt < ROWS_MAX_AGE_MS) return rowsCache.assets;
  const assets = await readModel.listAssetSummaries();
  rowsCache = { seq, readAt: now, assets };
  return assets;
}

/**
 * One read of the live data per request, shared by the page and its metadata. The seq is read
 * before the assets: a change landing in between is replayed to the browser, never missed.
 */
export const readBoardData = cache(async () => {
  await connection();
  const { readModel, config } = getAppContext();
  const seq = await readModel.headSeq();
  const renderedAt = renderMinute(Date.now());
  const [assets, notices] = await Promise.all([assetRows(readModel, seq), readModel.publicNotices(renderedAt)]);
  return { config, seq, assets, notices, renderedAt, outageSince: readModel.outageSince() };
});

export const readAsset = cache(async (id: string) => {
  await connection();
  const { readModel, config } = getAppContext();
  const seq = await readModel.headSeq();
  const [asset, history] = await Promise.all([readModel.getAsset(id), readModel.assetHistory(id, 20)]);
  return { config, seq, asset, history, outageSince: readModel.outageSince(), renderedAt: renderMinute(Date.now()) };
});
