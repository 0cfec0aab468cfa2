import { UK_TIME_ZONE } from "../domain/uk-time";

/** Absolute links into the site, from its public base URL (no trailing slash). */
export interface SiteLinks {
  base: string;
  home(): string;
  asset(id: string): string;
  feed(path: string): string;
}

export function siteLinks(baseUrl: string): SiteLinks {
  const base = baseUrl.replace(/\/+$/, "");
  return {
    base,
    home: () => `${base}/`,
    asset: (id) => `${base}/assets/${encodeURIComponent(id)}`,
    feed: (path) => `${base}${path.startsWith("/") ? path : `/${path}`}`,
  };
}

const LONDON_DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: UK_TIME_ZONE,
});

/** "Tue 1 Dec, 06:45" in UK time, for feed summaries and social posts. */
export function formatUkDateTime(iso: string | number): string {
  return LONDON_DATE_TIME.format(new Date(iso));
}
