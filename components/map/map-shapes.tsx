"use client";

import type { LatLngExpression, LeafletMouseEvent } from "leaflet";
import { memo } from "react";
import { Marker, Polygon, Polyline } from "react-leaflet";
import type { Geometry, Position } from "@/lib/domain/geometry";
import type { PublicStatus } from "@/lib/domain/status";
import { styleFor } from "../status/status-style";
import { onActivateKey, statusIcon } from "./map-icons";

export const toLatLng = ([lon, lat]: Position): [number, number] => [lat, lon];

// Leaflet drops vertices closer than this many screen pixels at each zoom: zoomed out, a winding
// route draws with a fraction of its points, which keeps panning smooth with hundreds of routes.
const SMOOTH_FACTOR = 1.5;

// Priority 1 routes (main roads) draw thickest, so what gets gritted first stands out.
const PRIORITY_WEIGHT: Record<number, number> = { 1: 7, 2: 5, 3: 3 };

export interface ShapeProps {
  id: string;
  name: string;
  geometry: Geometry;
  priority?: number;
  status: PublicStatus | undefined;
  isSelected: boolean;
  onSelect(id: string, trigger: HTMLElement | null, at?: [number, number]): void;
}

const clickedAt = (e: LeafletMouseEvent): [number, number] => [e.latlng.lat, e.latlng.lng];

/**
 * One asset on the map. Lines and areas draw on the canvas (hundreds of long routes stay smooth
 * when panning); their status shows by colour and by dash pattern. Points are DOM markers.
 */
export const MapShape = memo(function MapShape({ id, name, geometry, priority, status, isSelected, onSelect }: ShapeProps) {
  const style = styleFor(status?.code ?? "");
  switch (geometry.type) {
    case "Point":
      return (
        <Marker
          position={toLatLng(geometry.coordinates)}
          icon={statusIcon(id, name, status, isSelected)}
          title={`${name}: ${status?.label ?? ""}`}
          eventHandlers={{
            click: (e) => onSelect(id, (e.target as { getElement(): HTMLElement | undefined }).getElement() ?? null),
            keydown: onActivateKey((element) => onSelect(id, element)),
          }}
        />
      );
    case "LineString":
    case "MultiLineString": {
      const lines = geometry.type === "LineString" ? [geometry.coordinates] : geometry.coordinates;
      const weight = PRIORITY_WEIGHT[priority ?? 2] ?? 5;
      return (
        <Polyline
          positions={lines.map((line) => line.map(toLatLng)) as LatLngExpression[][]}
          smoothFactor={SMOOTH_FACTOR}
          pathOptions={{ color: style.colour, weight: isSelected ? weight + 3 : weight, dashArray: style.dashArray, lineCap: "butt", opacity: 0.95, bubblingMouseEvents: false }}
          eventHandlers={{ click: (e) => onSelect(id, null, clickedAt(e)) }}
        />
      );
    }
    case "Polygon":
    case "MultiPolygon": {
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      return (
        <Polygon
          positions={polygons.map((rings) => rings.map((ring) => ring.map(toLatLng))) as LatLngExpression[][][]}
          smoothFactor={SMOOTH_FACTOR}
          pathOptions={{
            color: style.colour,
            weight: isSelected ? 4 : 2,
            fillColor: style.colour,
            fillOpacity: status?.category === "ok" ? 0.08 : 0.28,
            dashArray: style.dashArray,
            bubblingMouseEvents: false,
          }}
          eventHandlers={{ click: (e) => onSelect(id, null, clickedAt(e)) }}
        />
      );
    }
  }
});
