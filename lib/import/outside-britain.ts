import { forEachPosition } from "../domain/geometry";
import type { MappedAsset } from "./map-features";

// Great Britain, Ireland, the Channel Islands and Shetland, generously.
const BOX = { west: -11, east: 2.5, south: 49, north: 61.5 };

/**
 * Snowline serves UK councils, so assets elsewhere are almost always swapped latitude/longitude
 * columns or a wrong CRS. They are imported (the data may be right) but the report says so.
 */
export function outsideBritainWarning(assets: MappedAsset[], rowKind: "row" | "feature"): string | null {
  const outside = assets.filter(({ asset }) => {
    let isOutside = false;
    forEachPosition(asset.geometry, ([lon, lat]) => {
      if (lon < BOX.west || lon > BOX.east || lat < BOX.south || lat > BOX.north) isOutside = true;
    });
    return isOutside;
  });
  if (!outside.length) return null;
  const first = outside[0]!;
  return (
    `${outside.length} asset${outside.length === 1 ? " lies" : "s lie"} outside Great Britain and Ireland ` +
    `(first: ${first.asset.name}, ${rowKind} ${first.rows[0]}). Check that latitude and longitude are not swapped and that the coordinate system is right.`
  );
}
