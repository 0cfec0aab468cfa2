import type { Change } from "../domain/change";
import type { Geometry } from "../domain/geometry";
import type { AssetWithStatus } from "../domain/status";

export interface AssetFeature {
  type: "Feature";
  id: string;
  geometry: Geometry;
  properties: Omit<AssetWithStatus, "geometry">;
}

export interface AssetFeatureCollection {
  type: "FeatureCollection";
  /** The change-log position this collection reflects; resume live updates from here. */
  seq: number;
  features: AssetFeature[];
}

export function toFeature({ geometry, ...properties }: AssetWithStatus): AssetFeature {
  return { type: "Feature", id: properties.id, geometry, properties };
}

export function toFeatureCollection(assets: AssetWithStatus[], seq: number): AssetFeatureCollection {
  return { type: "FeatureCollection", seq, features: assets.map(toFeature) };
}

export type AssetFeatureWithHistory = AssetFeature & { history: Change[] };
