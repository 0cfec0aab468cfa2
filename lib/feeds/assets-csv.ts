import { boundsOf } from "../domain/geometry";
import { stringifyCsv } from "../export/csv-cell";
import type { AssetWithStatus } from "../read-model";
import type { SiteLinks } from "./site-links";

export const ASSET_CSV_COLUMNS = [
  "id",
  "layer",
  "name",
  "ward",
  "longitude",
  "latitude",
  "status_code",
  "status_label",
  "status_category",
  "status_message",
  "status_from",
  "status_until",
  "status_updated",
  "status_version",
  "upcoming_code",
  "upcoming_from",
  "url",
] as const;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** One row per asset with its current status; a point for every geometry (the middle of its bounds). */
export function assetsToCsv(assets: AssetWithStatus[], links: SiteLinks): string {
  const rows = assets.map((asset) => {
    const box = boundsOf([asset.geometry]);
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    return [
      text(asset.id),
      asset.layer,
      text(asset.name),
      text(asset.attributes.ward ?? asset.attributes.area),
      box ? round((box.west + box.east) / 2) : "",
      box ? round((box.south + box.north) / 2) : "",
      asset.status.code,
      text(asset.status.label),
      asset.status.category,
      text(asset.status.message),
      asset.status.from ?? "",
      asset.status.until ?? "",
      asset.status.setAt,
      asset.status.version,
      asset.status.upcoming?.code ?? "",
      asset.status.upcoming?.from ?? "",
      links.asset(asset.id),
    ];
  });
  // Excel reads UTF-8 correctly only with a byte-order mark.
  return stringifyCsv([[...ASSET_CSV_COLUMNS], ...rows], { bom: true, quoted_string: true, record_delimiter: "\r\n" });
}
