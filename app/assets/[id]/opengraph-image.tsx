import { connection } from "next/server";
import { OG_SIZE } from "@/app/_og/og-card";
import { cachedCard } from "@/app/_og/og-response";
import { renderShareCard } from "@/app/_og/render-share-card";
import { getAppContext } from "@/lib/app-context";
import { UK_TIME_ZONE } from "@/lib/domain/uk-time";
import { statusHeadline } from "@/lib/social/status-headline";

export const alt = "The asset's live status";
export const size = OG_SIZE;
export const contentType = "image/png";

const LONDON_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: UK_TIME_ZONE });

/** "St Anne's Primary — CLOSED today": the asset's share card, cached by its status version (and the day, for "today"). */
export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const { readModel, config } = getAppContext();
  const asset = await readModel.getAsset(id);
  if (!asset) return new Response("Not found", { status: 404 });
  const now = Date.now();
  return cachedCard(`asset-${asset.id}-${asset.status.version}-${LONDON_DAY.format(now)}`, async () => {
    const { label, when } = statusHeadline(asset.status, now);
    const message = asset.status.message.replace(/\s+/g, " ").trim();
    return renderShareCard({
      council: config.councilName,
      title: asset.name,
      status: { text: `${label.toUpperCase()}${when ? ` ${when}` : ""}`, category: asset.status.category },
      lines: message ? [message.length > 140 ? `${message.slice(0, 139)}…` : message] : [],
      footer: "Live status, updated as it changes",
    });
  });
}
