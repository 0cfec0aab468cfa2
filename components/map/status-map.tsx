"use client";

import "leaflet/dist/leaflet.css";
import { divIcon, type LatLngBoundsExpression, type LatLngExpression } from "leaflet";
import { useEffect, useMemo, useState } from "react";
import { MapContainer, Marker, Polygon, Polyline, Popup, TileLayer } from "react-leaflet";
import type { Geometry, Position } from "@/lib/domain/geometry";
import { boundsOf } from "@/lib/domain/geometry";
import type { AssetSummary } from "../live/live-types";
import { StatusDetails } from "../status/status-details";
import { styleFor } from "../status/status-style";

export interface StatusMapProps {
  assets: AssetSummary[];
  tileUrl: string;
  tileAttribution: string;
}

const toLatLng = ([lon, lat]: Position): LatLngExpression => [lat, lon];
const cssSafe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

async function fetchGeometries(): Promise<Record<string, Geometry>> {
  const res = await fetch("/api/v1/assets");
  if (!res.ok) throw new Error(`Could not load the map shapes (${res.status})`);
  const body = (await res.json()) as { features: { id: string; geometry: Geometry }[] };
  return Object.fromEntries(body.features.map((f) => [f.id, f.geometry]));
}

function AssetShape({ asset, geometry }: { asset: AssetSummary; geometry: Geometry }) {
  const style = styleFor(asset.status.code);
  const className = `asset asset-${cssSafe(asset.id)} status-${asset.status.code}`;
  const popup = (
    <Popup>
      <h3 className="popup-title">{asset.name}</h3>
      <StatusDetails status={asset.status} />
    </Popup>
  );
  switch (geometry.type) {
    case "Point": {
      const icon = divIcon({
        className: `asset-marker ${className}`,
        html: `<span class="asset-marker__pin" style="background:${style.colour}" aria-hidden="true">${style.glyph}</span>`,
        iconSize: [26, 26],
        iconAnchor: [13, 13],
        popupAnchor: [0, -12],
      });
      return (
        <Marker position={toLatLng(geometry.coordinates)} icon={icon} title={`${asset.name}: ${asset.status.label}`} alt={asset.name}>
          {popup}
        </Marker>
      );
    }
    case "LineString":
    case "MultiLineString": {
      const lines = geometry.type === "LineString" ? [geometry.coordinates] : geometry.coordinates;
      return (
        <Polyline
          positions={lines.map((line) => line.map(toLatLng))}
          pathOptions={{ color: style.colour, weight: 5, dashArray: style.dashArray, className }}
        >
          {popup}
        </Polyline>
      );
    }
    case "Polygon":
    case "MultiPolygon": {
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      return (
        <Polygon
          positions={polygons.map((rings) => rings.map((ring) => ring.map(toLatLng)))}
          pathOptions={{ color: style.colour, weight: 2, fillOpacity: 0.15, dashArray: style.dashArray, className }}
        >
          {popup}
        </Polygon>
      );
    }
  }
}

/** The live map. Shapes come from the API once; statuses come from the live props. */
export default function StatusMap({ assets, tileUrl, tileAttribution }: StatusMapProps) {
  const [geometries, setGeometries] = useState<Record<string, Geometry> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchGeometries().then(setGeometries, (e: Error) => setError(e.message));
  }, []);

  const bounds = useMemo<LatLngBoundsExpression | null>(() => {
    const box = geometries ? boundsOf(Object.values(geometries)) : null;
    return box ? [[box.south, box.west], [box.north, box.east]] : null;
  }, [geometries]);

  if (error) return <p role="alert">{error}. The list below shows every status.</p>;
  if (!geometries || !bounds) return <p className="map-loading">Loading the map…</p>;

  return (
    <MapContainer bounds={bounds} className="status-map" scrollWheelZoom={false}>
      <TileLayer url={tileUrl} attribution={tileAttribution} />
      {assets.map((asset) => {
        const geometry = geometries[asset.id];
        return geometry ? <AssetShape key={asset.id} asset={asset} geometry={geometry} /> : null;
      })}
    </MapContainer>
  );
}
