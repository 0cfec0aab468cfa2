import type { AssetWithStatus } from "../domain/status";
import { exportProperties } from "./export-properties";

/** RFC 7946 GeoJSON (WGS84, no crs member), one Feature per asset with flat properties. */
export function assetsToGeoJson(assets: AssetWithStatus[]): string {
  return JSON.stringify({
    type: "FeatureCollection",
    features: assets.map((asset) => ({ type: "Feature", id: asset.id, geometry: asset.geometry, properties: exportProperties(asset) })),
  });
}
