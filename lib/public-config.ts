import { OGL_V3, type DataLicence } from "./feeds/data-licence";
import type { MultiPolygon, Polygon } from "./domain/geometry";

/** Settings the public pages render with; chosen from the environment by the server at start. */
export interface PublicConfig {
  councilName: string;
  isDemo: boolean;
  tileUrl: string;
  tileAttribution: string;
  /** The site's own address, for absolute links in feeds and share cards; null only in tests (never the Host header). */
  publicUrl: string | null;
  /** Licence and attribution of the open data (feeds, API, embeds). */
  dataLicence: DataLicence;
  /** The council's logo (URL or site path), shown beside its name in the header. */
  logoUrl: string;
  /** Header colour, #rrggbb; checked at start to keep AA contrast with white text. */
  brandColour: string;
  /** The council's outline, drawn on the map so it reads even when tiles cannot load; null if unknown. */
  boundary: Polygon | MultiPolygon | null;
}

/** The base of absolute links; "http://localhost" only when no server chose one (a bare `next dev`). */
export function publicBaseUrl(config: PublicConfig): string {
  return (config.publicUrl ?? "http://localhost").replace(/\/+$/, "");
}

export const DEFAULT_PUBLIC_CONFIG: PublicConfig = {
  councilName: "Snowline",
  isDemo: false,
  tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  tileAttribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  publicUrl: null,
  dataLicence: OGL_V3,
  logoUrl: "/snowline-logo.svg",
  brandColour: "#1d70b8",
  boundary: null,
};
