"use client";

import "leaflet/dist/leaflet.css";
import { canvas } from "leaflet";
import { useEffect, useMemo, useState } from "react";
import { MapContainer, Polygon, TileLayer, useMap } from "react-leaflet";
import { boundsOf, type MultiPolygon, type Polygon as PolygonGeometry } from "@/lib/domain/geometry";
import type { Layer } from "@/lib/domain/layer-names";
import type { PublicStatus } from "@/lib/domain/status";
import type { AssetLabel } from "../board/board-types";
import { anchorOf, fetchMapFeatures, toLeafletBounds, type MapFeature } from "./map-data";
import { MapPopup } from "./map-popup";
import { MapShape, toLatLng } from "./map-shapes";
import { CLUSTER_MAX_ZOOM, SchoolClusters, type ClusterPoint } from "./school-clusters";

export interface Selection {
  id: string;
  /** Where the resident clicked a line or area, for the popup to point at. */
  at?: [number, number];
  /** Opened by the resident (not a link): focus goes into the popup. */
  takeFocus: boolean;
  /** Opened from outside the map (list, link): the map moves to the asset. */
  reveal: boolean;
}

export interface StatusMapProps {
  layers: Layer[];
  /** Every status has arrived: shapes wait for it rather than drawing grey and restyling all. */
  statusesReady: boolean;
  statusOf(id: string): PublicStatus | undefined;
  labelOf(id: string): AssetLabel | undefined;
  selection: Selection | null;
  starred: readonly string[];
  onSelect(id: string | null, trigger?: HTMLElement | null, at?: [number, number]): void;
  onToggleStar(id: string): void;
  tileUrl: string;
  tileAttribution: string;
  boundary: PolygonGeometry | MultiPolygon | null;
}

// Lines and areas share one canvas; a wide hit tolerance makes thin routes easy to tap.
const RENDERER = canvas({ tolerance: 8 });

function Reveal({ feature, selection }: { feature: MapFeature | undefined; selection: Selection | null }) {
  const map = useMap();
  useEffect(() => {
    if (!feature || !selection?.reveal) return;
    const box = boundsOf([feature.geometry])!;
    if (feature.geometry.type === "Point") map.setView(toLatLng(feature.geometry.coordinates), Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1));
    else map.fitBounds(toLeafletBounds(box), { maxZoom: 15, padding: [24, 24] });
  }, [map, feature, selection]);
  return null;
}

/** The live map: shapes come from the API once, statuses from the board's live state. */
export default function StatusMap(props: StatusMapProps) {
  const { layers, statusOf, labelOf, selection, onSelect, boundary, statusesReady } = props;
  const [features, setFeatures] = useState<MapFeature[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchMapFeatures().then(setFeatures, (e: Error) => setError(e.message));
  }, []);

  const bounds = useMemo(() => {
    const box = boundary ? boundsOf([boundary]) : features ? boundsOf(features.map((f) => f.geometry)) : null;
    return box ? toLeafletBounds(box) : null;
  }, [boundary, features]);

  const byId = useMemo(() => new Map((features ?? []).map((f) => [f.id, f])), [features]);
  const shown = useMemo(() => new Set(layers), [layers]);
  const drawn = statusesReady ? features : null;
  const schoolPoints = useMemo<ClusterPoint[]>(
    () =>
      (drawn ?? []).flatMap((f) =>
        f.properties.layer === "schools" && f.geometry.type === "Point"
          ? [{ id: f.id, name: labelOf(f.id)?.name ?? f.id, position: f.geometry.coordinates, status: statusOf(f.id) }]
          : [],
      ),
    [drawn, statusOf, labelOf],
  );

  const selectedFeature = selection ? byId.get(selection.id) : undefined;
  // A new array would make react-leaflet reopen the popup on every status change.
  const anchor = useMemo(
    () => (selection && selectedFeature ? (selection.at ?? anchorOf(selectedFeature.geometry)) : null),
    [selection, selectedFeature],
  );

  if (error) return <p className="map-message" role="alert">{error}. The list below shows every status.</p>;
  if (!bounds) return <p className="map-message">Loading the map…</p>;
  return (
    <MapContainer bounds={bounds} className="status-map" scrollWheelZoom={false} renderer={RENDERER} preferCanvas>
      <TileLayer url={props.tileUrl} attribution={props.tileAttribution} />
      {boundary ? (
        <Polygon
          positions={(boundary.type === "Polygon" ? [boundary.coordinates] : boundary.coordinates).map((rings) => rings.map((ring) => ring.map(toLatLng)))}
          pathOptions={{ color: "#0b0c0c", weight: 2, dashArray: "6 4", fill: false, interactive: false }}
        />
      ) : null}
      {(drawn ?? []).map((f) =>
        !shown.has(f.properties.layer) || (f.properties.layer === "schools" && f.geometry.type === "Point") ? null : (
          <MapShape
            key={f.id}
            id={f.id}
            name={labelOf(f.id)?.name ?? f.id}
            geometry={f.geometry}
            priority={f.properties.priority}
            status={statusOf(f.id)}
            isSelected={selection?.id === f.id}
            onSelect={onSelect}
          />
        ),
      )}
      {shown.has("schools") ? <SchoolClusters points={schoolPoints} selected={selection?.id ?? null} onSelect={onSelect} /> : null}
      <Reveal feature={selectedFeature} selection={selection} />
      {selection && anchor ? (
        <MapPopup
          key={selection.id}
          id={selection.id}
          label={labelOf(selection.id)}
          status={statusOf(selection.id)}
          anchor={anchor}
          takeFocus={selection.takeFocus}
          isStarred={props.starred.includes(selection.id)}
          onToggleStar={props.onToggleStar}
          onClose={() => onSelect(null)}
        />
      ) : null}
    </MapContainer>
  );
}
