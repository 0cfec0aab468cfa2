import { toFeatureCollection, type AssetFeatureCollection } from "../api/geojson";
import type { AssetWithStatus } from "../read-model";
import type { DataLicence } from "./data-licence";

export type OpenAssetCollection = AssetFeatureCollection & {
  licence: { name: string; url: string };
  attribution: string;
  generatedAt: string;
};

/** The open-data GeoJSON: the API's FeatureCollection plus its licence and attribution. */
export function assetsToGeoJson(assets: AssetWithStatus[], seq: number, licence: DataLicence, generatedAt: number | null): OpenAssetCollection {
  return {
    ...toFeatureCollection(assets, seq),
    licence: { name: licence.name, url: licence.url },
    attribution: licence.attribution,
    generatedAt: new Date(generatedAt ?? 0).toISOString(),
  };
}
