/** @jsxImportSource preact */
import "leaflet/dist/leaflet.css";
import { circleMarker, latLngBounds, map as createMap, polygon, polyline, tileLayer, type Map as LeafletMap, type Path } from "leaflet";
import { useEffect, useRef, useState } from "preact/hooks";
import type { AssetCollectionResponse } from "@/lib/api/contract/api-schemas";
import type { Geometry, Position } from "@/lib/domain/geometry";
import { boundsOf } from "@/lib/domain/geometry";
import { styleFor } from "../status/status-style";
import type { EmbedAsset, EmbedState } from "./embed-state";

const toLatLng = ([lon, lat]: Position): [number, number] => [lat, lon];

async function fetchGeometries(layers: string[], ids: Set<string>): Promise<Map<string, Geometry>> {
  const geometries = new Map<string, Geometry>();
  for (const layer of layers) {
    const res = await fetch(`/api/v1/assets?layer=${encodeURIComponent(layer)}`);
    if (!res.ok) throw new Error(`Could not load the map shapes (${res.status})`);
    const body = (await res.json()) as AssetCollectionResponse;
    for (const f of body.features) if (ids.has(f.id)) geometries.set(f.id, f.geometry);
  }
  return geometries;
}

function shapeFor(geometry: Geometry, colour: string, dashArray: string | undefined): Path {
  switch (geometry.type) {
    case "Point":
      return circleMarker(toLatLng(geometry.coordinates), { radius: 7, color: "#fff", weight: 2, fillColor: colour, fillOpacity: 1 });
    case "LineString":
      return polyline(geometry.coordinates.map(toLatLng), { color: colour, weight: 5, dashArray });
    case "MultiLineString":
      return polyline(geometry.coordinates.map((line) => line.map(toLatLng)), { color: colour, weight: 5, dashArray });
    case "Polygon":
      return polygon(geometry.coordinates.map((ring) => ring.map(toLatLng)), { color: colour, weight: 2, fillOpacity: 0.15, dashArray });
    case "MultiPolygon":
      return polygon(geometry.coordinates.map((rings) => rings.map((ring) => ring.map(toLatLng))), { color: colour, weight: 2, fillOpacity: 0.15, dashArray });
  }
}

/** The map view's Leaflet map; the list under it says the same in words for keyboard and screen-reader users. */
export function EmbedMap({ assets, state }: { assets: EmbedAsset[]; state: EmbedState }) {
  const element = useRef<HTMLDivElement>(null);
  const mapRef = useRef<LeafletMap | null>(null);
  const shapesRef = useRef(new Map<string, Path>());
  const [geometries, setGeometries] = useState<Map<string, Geometry> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchGeometries(state.layers, new Set(state.assets.map((a) => a.id))).then(setGeometries, (e: Error) => setError(e.message));
  }, [state]);

  useEffect(() => {
    if (!element.current || !geometries) return;
    const box = boundsOf(geometries.values());
    const leaflet = createMap(element.current, { scrollWheelZoom: false });
    if (state.tiles) tileLayer(state.tiles.url, { attribution: state.tiles.attribution }).addTo(leaflet);
    if (box) leaflet.fitBounds(latLngBounds([box.south, box.west], [box.north, box.east]), { padding: [12, 12] });
    else leaflet.setView([54, -2], 5);
    mapRef.current = leaflet;
    const shapes = shapesRef.current;
    return () => {
      leaflet.remove();
      mapRef.current = null;
      shapes.clear();
    };
  }, [geometries, state]);

  useEffect(() => {
    const leaflet = mapRef.current;
    if (!leaflet || !geometries) return;
    for (const asset of assets) {
      const geometry = geometries.get(asset.id);
      if (!geometry) continue;
      const style = styleFor(asset.status.code);
      shapesRef.current.get(asset.id)?.remove();
      // Leaflet writes a string tooltip as HTML; an element with textContent keeps imported names inert.
      const label = document.createElement("span");
      label.textContent = `${asset.name}: ${asset.status.label}`;
      const shape = shapeFor(geometry, style.colour, style.dashArray).bindTooltip(label);
      shape.addTo(leaflet);
      shapesRef.current.set(asset.id, shape);
    }
  }, [assets, geometries]);

  if (error) return <p role="alert">{error}. The list below shows every status.</p>;
  return <div class="snw__map" ref={element} role="region" aria-label="Map; the list below gives every status in words" />;
}
