import type { AssetWithStatus } from "../read-model";
import { capAlertFor, capIdentifier } from "./cap-alert";
import type { CapMessage } from "./cap-messages";
import { atomFeed, type FeedSite } from "./changes-atom";
import { serialiseXml } from "./feed-xml";

type IndexAsset = Pick<AssetWithStatus, "id" | "name" | "layer" | "geometry" | "attributes">;

export const capAlertPath = (seq: number) => `/feeds/alerts/${seq}.cap`;

/**
 * The Atom index of current CAP messages (the usual way to publish a CAP feed): one entry per
 * message, linking to the message's own CAP document and carrying it inline too.
 */
export function capIndexToAtom(options: {
  site: FeedSite;
  messages: CapMessage[];
  assets: Map<string, IndexAsset>;
  selfUrl: string;
  lastModified: number | null;
}): string {
  const { site } = options;
  const feed = atomFeed({
    site,
    selfUrl: options.selfUrl,
    title: `${site.councilName}: winter service alerts (CAP 1.2)`,
    subtitle: "Common Alerting Protocol messages for active disruptions, and cancellations from the last day.",
    updated: options.messages[0]?.change.at ?? new Date(options.lastModified ?? 0).toISOString(),
  });
  for (const message of options.messages) {
    const asset = options.assets.get(message.change.assetId);
    if (!asset) continue;
    const entry = feed.ele("entry");
    entry.ele("id").txt(site.links.feed(capAlertPath(message.change.seq)));
    entry.ele("title").txt(`${message.msgType}: ${asset.name}: ${message.change.status.label}`);
    entry.ele("updated").txt(message.change.at);
    entry.ele("link", { rel: "alternate", type: "application/cap+xml", href: site.links.feed(capAlertPath(message.change.seq)) });
    entry.ele("link", { rel: "related", type: "text/html", href: site.links.asset(asset.id) });
    entry.ele("category", { term: message.msgType });
    entry.ele("summary", { type: "text" }).txt(`${capIdentifier(site, message.change.seq)}: ${message.change.status.message || message.change.status.label}`);
    entry.ele("content", { type: "application/cap+xml" }).import(capAlertFor(message, asset, site));
  }
  return serialiseXml(feed);
}
