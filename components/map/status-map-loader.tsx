"use client";

import dynamic from "next/dynamic";

/** Leaflet touches `window` on import, so the map only ever renders in the browser. */
export const StatusMapLoader = dynamic(() => import("./status-map"), {
  ssr: false,
  loading: () => <p className="map-loading">Loading the map…</p>,
});
