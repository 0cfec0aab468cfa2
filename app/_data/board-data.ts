import { connection } from "next/server";
import { cache } from "react";
import { getAppContext } from "@/lib/app-context";

/**
 * One read of the live data per request, shared by the page and its metadata. The seq is read
 * before the assets: a change landing in between is replayed to the browser, never missed.
 */
export const readBoardData = cache(async () => {
  await connection();
  const { readModel, config } = getAppContext();
  const seq = await readModel.headSeq();
  const renderedAt = Date.now();
  const [assets, notices] = await Promise.all([readModel.listAssetSummaries(), readModel.publicNotices(renderedAt)]);
  return { config, seq, assets, notices, renderedAt };
});

export const readAsset = cache(async (id: string) => {
  await connection();
  const { readModel, config } = getAppContext();
  const seq = await readModel.headSeq();
  const [asset, history] = await Promise.all([readModel.getAsset(id), readModel.assetHistory(id, 20)]);
  return { config, seq, asset, history };
});
