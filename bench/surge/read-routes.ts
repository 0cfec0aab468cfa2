// The public reads of issue 10, with the ids and generated paths (an asset, the share image, a
// static chunk) found on the running node rather than guessed.

export interface ReadRoute {
  name: string;
  path: string;
}

/** Route names, in the order measured; `--routes` picks from these. */
export const READ_ROUTE_NAMES = [
  "home",
  "asset-page",
  "embed-list",
  "embed-summary",
  "embed-map",
  "api-assets",
  "api-assets-geojson",
  "api-assets-csv",
  "api-statuses",
  "api-geometry",
  "api-notices",
  "feed-changes-atom",
  "feed-alerts-cap",
  "feed-alerts-atom",
  "oembed",
  "share-image",
  "static-chunk",
] as const;

const firstMatch = (text: string, pattern: RegExp): string | undefined => pattern.exec(text)?.[1];

/** Asks the node for a school's id and reads the home page for its share image and a script chunk. */
export async function discoverReadRoutes(baseUrl: string): Promise<ReadRoute[]> {
  const statuses = (await (await fetch(`${baseUrl}/api/v1/statuses?layer=schools`)).json()) as { assets: { id: string }[] };
  const assetId = statuses.assets[0]?.id;
  if (!assetId) throw new Error("The council has no schools");
  const html = await (await fetch(`${baseUrl}/`)).text();
  const shareImage = firstMatch(html, /<meta property="og:image" content="([^"]+)"/);
  const chunk = firstMatch(html, /<script src="(\/_next\/static\/[^"]+\.js)"/);
  const pathOf = (absolute: string) => {
    const url = new URL(absolute.replaceAll("&amp;", "&"), baseUrl);
    return url.pathname + url.search;
  };
  const routes: Record<(typeof READ_ROUTE_NAMES)[number], string | undefined> = {
    home: "/",
    "asset-page": `/assets/${encodeURIComponent(assetId)}`,
    "embed-list": "/embed?layers=schools&view=list",
    "embed-summary": "/embed?layers=schools&view=summary",
    "embed-map": "/embed?layers=schools&view=map",
    "api-assets": "/api/v1/assets",
    "api-assets-geojson": "/api/v1/assets.geojson",
    "api-assets-csv": "/api/v1/assets.csv",
    "api-statuses": "/api/v1/statuses",
    "api-geometry": "/api/v1/geometry",
    "api-notices": "/api/v1/notices",
    "feed-changes-atom": "/feeds/changes.atom",
    "feed-alerts-cap": "/feeds/alerts.cap",
    "feed-alerts-atom": "/feeds/alerts.atom",
    oembed: `/oembed?url=${encodeURIComponent(`${baseUrl}/assets/${assetId}`)}&format=json`,
    "share-image": shareImage && pathOf(shareImage),
    "static-chunk": chunk && pathOf(chunk),
  };
  return READ_ROUTE_NAMES.map((name) => {
    const path = routes[name];
    if (!path) throw new Error(`Could not find the ${name} route on the home page`);
    return { name, path };
  });
}
