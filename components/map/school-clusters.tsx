"use client";

import type { LatLngBounds } from "leaflet";
import { useMemo, useState } from "react";
import { Marker, useMap, useMapEvents } from "react-leaflet";
import Supercluster from "supercluster";
import type { PublicStatus } from "@/lib/domain/status";
import { clusterIcon, onActivateKey, statusIcon, type ClusterCounts } from "./map-icons";

export interface ClusterPoint {
  id: string;
  name: string;
  position: [lon: number, lat: number];
  status: PublicStatus | undefined;
}

/** Above this zoom every school shows on its own. */
export const CLUSTER_MAX_ZOOM = 16;

type PointProps = { id: string; category: string };

function viewOf(bounds: LatLngBounds, zoom: number) {
  return { bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()] as [number, number, number, number], zoom: Math.round(zoom) };
}

/**
 * Schools clustered with supercluster (rebuilt when a status changes: ~5 ms for 2,000 points);
 * clusters carry their closed and disrupted counts. Markers stay DOM elements, so each is a
 * keyboard stop and a screen reader hears its name and status.
 */
export function SchoolClusters({ points, selected, onSelect }: { points: ClusterPoint[]; selected: string | null; onSelect(id: string, trigger: HTMLElement | null): void }) {
  const map = useMap();
  const [view, setView] = useState(() => viewOf(map.getBounds(), map.getZoom()));
  useMapEvents({ moveend: () => setView(viewOf(map.getBounds(), map.getZoom())) });

  const byId = useMemo(() => new Map(points.map((p) => [p.id, p])), [points]);
  const index = useMemo(() => {
    const cluster = new Supercluster<PointProps, ClusterCounts>({
      // Leaflet tiles are 256 px, so with extent 256 the radius is in screen pixels: wide enough
      // that markers never overlap and every one stays a 24 px touch target (WCAG 2.5.8).
      radius: 44,
      extent: 256,
      maxZoom: CLUSTER_MAX_ZOOM,
      map: (p) => ({ closed: p.category === "closed" ? 1 : 0, disrupted: p.category === "disrupted" ? 1 : 0 }),
      reduce: (acc, p) => {
        acc.closed += p.closed;
        acc.disrupted += p.disrupted;
      },
    });
    cluster.load(
      points.map((p) => ({
        type: "Feature" as const,
        geometry: { type: "Point" as const, coordinates: p.position },
        properties: { id: p.id, category: p.status?.category ?? "ok" },
      })),
    );
    return cluster;
  }, [points]);

  const features = index.getClusters(view.bbox, view.zoom);
  return (
    <>
      {features.map((feature) => {
        const [lon, lat] = feature.geometry.coordinates as [number, number];
        const props = feature.properties;
        if ("cluster" in props && props.cluster) {
          const zoomIn = () => map.setView([lat, lon], Math.min(index.getClusterExpansionZoom(props.cluster_id), CLUSTER_MAX_ZOOM + 1));
          return (
            <Marker
              key={`cluster-${props.cluster_id}`}
              position={[lat, lon]}
              icon={clusterIcon(props.point_count, props)}
              eventHandlers={{ click: zoomIn, keydown: onActivateKey(zoomIn) }}
            />
          );
        }
        const point = byId.get((props as PointProps).id);
        if (!point) return null;
        return <SchoolMarker key={point.id} point={point} isSelected={point.id === selected} onSelect={onSelect} />;
      })}
    </>
  );
}

function SchoolMarker({ point, isSelected, onSelect }: { point: ClusterPoint; isSelected: boolean; onSelect(id: string, trigger: HTMLElement | null): void }) {
  const icon = useMemo(() => statusIcon(point.id, point.name, point.status, isSelected), [point.id, point.name, point.status, isSelected]);
  return (
    <Marker
      position={[point.position[1], point.position[0]]}
      icon={icon}
      title={`${point.name}: ${point.status?.label ?? ""}`}
      eventHandlers={{
        click: (e) => onSelect(point.id, (e.target as { getElement(): HTMLElement | undefined }).getElement() ?? null),
        keydown: onActivateKey((element) => onSelect(point.id, element)),
      }}
    />
  );
}
