import type { Context, Hono } from "hono";
import * as z from "zod";
import type { Change } from "../../../lib/domain/change";
import { NotFoundError } from "../../../lib/domain/errors";
import { layerSchema, type Layer } from "../../../lib/domain/layers";
import { parseInput } from "../../../lib/domain/validation";
import { capAlertXml, capSnapshot } from "../../../lib/feeds/cap-alert";
import { capIndexToAtom } from "../../../lib/feeds/cap-index-atom";
import { capMessagesFor, currentCapMessages, type CapMessage } from "../../../lib/feeds/cap-messages";
import { CHANGES_FEED_LIMIT, changesToAtom, type FeedSite } from "../../../lib/feeds/changes-atom";
import { siteLinks } from "../../../lib/feeds/site-links";
import type { AssetWithStatus } from "../../../lib/read-model";
import type { DatasetVersion } from "../../../lib/domain/dataset-version";
import type { HttpDeps } from "../context";
import { baseUrlOf, conditionalGet } from "../public-get";

const ATOM = "application/atom+xml; charset=utf-8";
const CAP = "application/cap+xml; charset=utf-8";
const DAY_MS = 86_400_000;

const changesFeedQuerySchema = z.object({ layer: layerSchema.optional() });
const layerFileSchema = z.string().regex(/^[a-z]+\.atom$/, "Use /feeds/changes/{layer}.atom").transform((f) => f.slice(0, -5)).pipe(layerSchema);
const capFileSchema = z.string().regex(/^\d+\.cap$/, "Use /feeds/alerts/{seq}.cap").transform((f) => Number(f.slice(0, -4)));

interface CapState {
  messages: CapMessage[];
  assets: Map<string, AssetWithStatus>;
  version: DatasetVersion;
}

/**
 * Atom feeds of the public change log, and CAP 1.2 alerts for active disruptions with their Atom
 * index. Made once per data version by the public cache in front (server/http/public-cache).
 */
export function feedRoutes(app: Hono, deps: HttpDeps): void {
  const queries = deps.store.openData;
  const site = (c: Context): FeedSite => ({
    councilName: deps.config.councilName,
    links: siteLinks(baseUrlOf(c, deps)),
    licence: deps.config.dataLicence,
  });

  async function changesFeed(c: Context, layer: Layer | undefined) {
    const version = await queries.datasetVersion();
    const feedSite = site(c);
    const selfUrl = feedSite.links.feed(layer ? `/feeds/changes/${layer}.atom` : "/feeds/changes.atom");
    const changes = await queries.latestChanges(CHANGES_FEED_LIMIT, layer);
    const names = new Map<string, string>();
    for (const asset of await deps.store.listAssets(layer ? { layer } : {})) names.set(asset.id, asset.name);
    const body = changesToAtom({ site: feedSite, changes, names, selfUrl, layer, lastModified: version.lastModified });
    return c.body(body, 200, { "Content-Type": ATOM });
  }

  // Cancels stay in the feed for a day after the data last changed, so every reader sees them.
  async function capState(): Promise<CapState> {
    const version = await queries.datasetVersion();
    const assets = await deps.store.listAssets();
    const cancelsSince = (version.lastModified ?? 0) - DAY_MS;
    const ids = new Set([...assets.filter((a) => a.status.category !== "ok").map((a) => a.id), ...(await queries.assetsChangedSince(cancelsSince))]);
    const byAsset = new Map<string, Change[]>();
    for (const change of await queries.changesForAssets([...ids])) {
      const list = byAsset.get(change.assetId) ?? [];
      list.push(change);
      byAsset.set(change.assetId, list);
    }
    return { messages: currentCapMessages(byAsset, cancelsSince), assets: new Map(assets.map((a) => [a.id, a])), version };
  }

  app.get("/feeds/changes.atom", conditionalGet(deps), async (c) => {
    const { layer } = parseInput(changesFeedQuerySchema, c.req.query(), "Invalid query");
    return changesFeed(c, layer);
  });

  app.get("/feeds/changes/:file", conditionalGet(deps), async (c) => {
    return changesFeed(c, parseInput(layerFileSchema, c.req.param("file"), "Unknown feed"));
  });

  app.get("/feeds/alerts.cap", conditionalGet(deps), async (c) => {
    const state = await capState();
    const feedSite = site(c);
    const body = capSnapshot({ site: feedSite, seq: state.version.seq, sent: state.version.lastModified, messages: state.messages, assets: state.assets });
    return c.body(body, 200, { "Content-Type": CAP });
  });

  app.get("/feeds/alerts.atom", conditionalGet(deps), async (c) => {
    const state = await capState();
    const feedSite = site(c);
    const selfUrl = feedSite.links.feed("/feeds/alerts.atom");
    const body = capIndexToAtom({ site: feedSite, messages: state.messages, assets: state.assets, selfUrl, lastModified: state.version.lastModified });
    return c.body(body, 200, { "Content-Type": ATOM });
  });

  app.get("/feeds/alerts/:file", conditionalGet(deps), async (c) => {
    const seq = parseInput(capFileSchema, c.req.param("file"), "Unknown alert");
    const [change] = await deps.store.changesInRange(seq, seq);
    const message = change ? capMessagesFor(await queries.changesForAssets([change.assetId])).find((m) => m.change.seq === seq) : undefined;
    const asset = change ? await deps.store.getAsset(change.assetId) : null;
    if (!message || !asset) throw new NotFoundError(`Change ${seq} is not a CAP alert`);
    return c.body(capAlertXml(message, asset, site(c)), 200, { "Content-Type": CAP });
  });
}
