import { connection } from "next/server";
import { getAppContext } from "@/lib/app-context";
import { summarise } from "@/lib/summary/layer-summary";
import { OG_SIZE } from "./_og/og-card";
import { cachedCard } from "./_og/og-response";
import { renderShareCard } from "./_og/render-share-card";

export const alt = "Live winter service status: schools, gritting and bin collections";
export const size = OG_SIZE;
export const contentType = "image/png";

/** The home page's share card: one sentence per layer, from the live statuses, cached by seq. */
export default async function Image() {
  await connection();
  const { readModel, config } = getAppContext();
  const seq = await readModel.headSeq();
  return cachedCard(`home-${seq}`, async () => {
    const summaries = summarise(await readModel.listAssets());
    return renderShareCard({
      council: config.councilName,
      title: "Winter service status",
      lines: summaries.map((s) => s.sentence),
      footer: "Live: schools, gritting and bin collections",
    });
  });
}
