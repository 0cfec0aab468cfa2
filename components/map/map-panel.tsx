"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { StatusMapProps } from "./status-map";

// Leaflet touches `window` on import and weighs more than the rest of the page: it loads only in
// the browser, once the map is near the screen.
const StatusMap = dynamic(() => import("./status-map"), {
  ssr: false,
  loading: () => <p className="map-message">Loading the map…</p>,
});

export interface MapPanelProps extends StatusMapProps {
  /** Called once when the map starts loading, so the board fetches every status for it. */
  onLoad(): void;
}

/** The map's frame: a placeholder in the server HTML, the live map once scrolled near. */
export function MapPanel({ onLoad, ...mapProps }: MapPanelProps) {
  const frame = useRef<HTMLDivElement>(null);
  // A link to an asset (?asset=) opens its popup, so the map loads at once and comes into view.
  const [isNear, setIsNear] = useState(() => mapProps.selection !== null);
  const onLoadRef = useRef(onLoad);

  useEffect(() => {
    onLoadRef.current = onLoad;
  });

  useEffect(() => {
    if (!isNear) return;
    onLoadRef.current();
    if (mapProps.selection?.reveal) frame.current?.scrollIntoView({ block: "center" });
    // Only the first load matters here; later selections scroll from the board.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isNear]);

  useEffect(() => {
    const node = frame.current;
    if (!node || isNear) return;
    // On a phone the map sits below the summary and search: fetch Leaflet and the shapes only
    // when it scrolls into view, sparing weak mobile data; wider screens start a little early.
    const isWide = window.matchMedia("(min-width: 40rem)").matches;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setIsNear(true);
      },
      isWide ? { rootMargin: "200px" } : { threshold: 0.2 },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [isNear]);

  return (
    <div className="map-frame" ref={frame} role="region" aria-label="Map of statuses">
      {isNear ? (
        <StatusMap {...mapProps} />
      ) : (
        <>
          <p className="map-message no-js-only">The map needs JavaScript. The list shows every status.</p>
          <p className="map-message js-only">Loading the map…</p>
        </>
      )}
    </div>
  );
}
