import { OGL_V3, type DataLicence } from "./feeds/data-licence";

/** Settings the public pages render with; chosen from the environment by the server at start. */
export interface PublicConfig {
  councilName: string;
  isDemo: boolean;
  tileUrl: string;
  tileAttribution: string;
  /** The site's own address, for absolute links in feeds and share cards; null means "use the request's". */
  publicUrl: string | null;
  /** Licence and attribution of the open data (feeds, API, embeds). */
  dataLicence: DataLicence;
}

export const DEFAULT_PUBLIC_CONFIG: PublicConfig = {
  councilName: "Snowline",
  isDemo: false,
  tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
  tileAttribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  publicUrl: null,
  dataLicence: OGL_V3,
};
