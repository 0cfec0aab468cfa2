import { toKML } from "@placemarkio/tokml";
import type { Feature, Geometry } from "geojson";
import type { AssetWithStatus } from "../domain/status";
import { cellText, exportProperties } from "./export-properties";

/**
 * KML 2.2 built by tokml (an XML tree serialised by xast-util-to-xml, so officer text is escaped,
 * never concatenated): the placemark's name is the asset's name, its description the asset's
 * `description` attribute (as the import reads it), and every other column, the status ones
 * included, is ExtendedData, which Google Earth shows as a table.
 */
export function assetsToKml(assets: AssetWithStatus[]): string {
  const features = assets.map((asset): Feature<Geometry> => {
    const properties: Record<string, string> = {};
    for (const [key, value] of Object.entries(exportProperties(asset))) {
      if (value !== null && value !== "") properties[key] = cellText(value);
    }
    return { type: "Feature", id: asset.id, geometry: asset.geometry as Geometry, properties };
  });
  return toKML({ type: "FeatureCollection", features });
}
