import { create } from "xmlbuilder2";
import type { Change } from "../domain/change";
import { LAYER_LABELS, type Layer } from "../domain/layers";
import type { DataLicence } from "./data-licence";
import { serialiseXml, XML_DOCUMENT } from "./feed-xml";
import { formatUkDateTime, type SiteLinks } from "./site-links";

export const ATOM_NS = "http://www.w3.org/2005/Atom";
export const CHANGES_FEED_LIMIT = 100;

export interface FeedSite {
  councilName: string;
  links: SiteLinks;
  licence: DataLicence;
}

/** "Closed until Tue 1 Dec, 23:59" */
export function statusSummary(change: Pick<Change, "status">): string {
  const { status } = change;
  const parts = [status.label];
  if (status.from && status.from > status.setAt) parts.push(`from ${formatUkDateTime(status.from)}`);
  if (status.until) parts.push(`until ${formatUkDateTime(status.until)}`);
  if (status.upcoming) parts.push(`(next: ${status.upcoming.label}${status.upcoming.from ? ` from ${formatUkDateTime(status.upcoming.from)}` : ""})`);
  return parts.join(" ");
}

/** Feed-level elements shared by the change feed and the CAP index. */
export function atomFeed(options: { site: FeedSite; selfUrl: string; title: string; subtitle: string; updated: string }) {
  const { site } = options;
  const feed = create(XML_DOCUMENT).ele(ATOM_NS, "feed", { "xml:lang": "en-GB" });
  feed.ele("id").txt(options.selfUrl);
  feed.ele("title").txt(options.title);
  feed.ele("subtitle").txt(options.subtitle);
  feed.ele("updated").txt(options.updated);
  feed.ele("link", { rel: "self", type: "application/atom+xml", href: options.selfUrl });
  feed.ele("link", { rel: "alternate", type: "text/html", href: site.links.home() });
  feed.ele("link", { rel: "license", href: site.licence.url });
  feed.ele("author").ele("name").txt(site.councilName).up().ele("uri").txt(site.links.home());
  feed.ele("rights").txt(`${site.licence.attribution} ${site.licence.name}: ${site.licence.url}`);
  feed.ele("generator").txt("Snowline");
  return feed;
}

/**
 * One entry per public change, newest first. Officer text goes in as text nodes, so the library
 * escapes it; nothing is concatenated into markup.
 */
export function changesToAtom(options: {
  site: FeedSite;
  changes: Change[];
  names: Map<string, string>;
  selfUrl: string;
  layer?: Layer;
  /** When the data last changed, for an empty feed's <updated>. */
  lastModified: number | null;
}): string {
  const { site, changes, names } = options;
  const what = options.layer ? LAYER_LABELS[options.layer].plural.toLowerCase() : "schools, gritting and bin collections";
  const newest = changes[0]?.at ?? new Date(options.lastModified ?? 0).toISOString();
  const feed = atomFeed({
    site,
    selfUrl: options.selfUrl,
    title: `${site.councilName}: ${options.layer ? `${LAYER_LABELS[options.layer].plural} status` : "winter service status"} changes`,
    subtitle: `Every public change to the status of ${what}, newest first.`,
    updated: newest,
  });
  for (const change of changes) {
    const name = names.get(change.assetId) ?? change.assetId;
    const entry = feed.ele("entry");
    entry.ele("id").txt(`${site.links.asset(change.assetId)}#change-${change.seq}`);
    entry.ele("title").txt(`${name}: ${change.status.label}`);
    entry.ele("updated").txt(change.at);
    entry.ele("published").txt(change.at);
    entry.ele("link", { rel: "alternate", type: "text/html", href: site.links.asset(change.assetId) });
    entry.ele("category", { term: change.layer, label: LAYER_LABELS[change.layer].plural });
    entry.ele("category", { term: change.status.code, label: change.status.label, scheme: site.links.feed("/developers#status-codes") });
    entry.ele("summary", { type: "text" }).txt(statusSummary(change));
    if (change.status.message) entry.ele("content", { type: "text" }).txt(change.status.message);
  }
  return serialiseXml(feed);
}
