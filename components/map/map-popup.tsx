"use client";

import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from "react";
import { Popup } from "react-leaflet";
import { LAYER_LABELS } from "@/lib/domain/layer-names";
import type { PublicStatus } from "@/lib/domain/status";
import type { AssetLabel } from "../board/board-types";
import { StarButton } from "../places/star-button";
import { StatusDetails } from "../status/status-details";

export interface MapPopupProps {
  id: string;
  label: AssetLabel | undefined;
  status: PublicStatus | undefined;
  anchor: [number, number];
  /** Move focus into the popup when it opens (it was opened by the resident, not by a link). */
  takeFocus: boolean;
  isStarred: boolean;
  onToggleStar(id: string): void;
  onClose(): void;
}

/** The selected asset's status, message, times and last update, kept live while open. */
export function MapPopup({ id, label, status, anchor, takeFocus, isStarred, onToggleStar, onClose }: MapPopupProps) {
  const hasFocused = useRef(false);
  // Set before react-leaflet removes the popup on unmount, so only a resident's close counts as one.
  const unmounting = useRef(false);
  useLayoutEffect(() => {
    unmounting.current = false;
    return () => {
      unmounting.current = true;
    };
  }, []);

  // react-leaflet renders the content only once Leaflet has opened the popup, so focus the
  // heading when it appears rather than when this component mounts.
  const focusHeading = useCallback(
    (node: HTMLHeadingElement | null) => {
      if (node && takeFocus && !hasFocused.current) {
        hasFocused.current = true;
        requestAnimationFrame(() => node.focus({ preventScroll: true }));
      }
    },
    [takeFocus],
  );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    }
  };
  const name = label?.name ?? id;
  return (
    <Popup
      position={anchor}
      maxWidth={320}
      minWidth={220}
      autoPanPadding={[16, 16]}
      eventHandlers={{
        remove: () => {
          if (!unmounting.current) onClose();
        },
      }}
    >
      <div className="map-popup" onKeyDown={onKeyDown} data-testid="map-popup" data-asset-id={id}>
        <h3 className="popup-title" tabIndex={-1} ref={focusHeading}>
          {name}
        </h3>
        {label ? <p className="popup-layer">{[LAYER_LABELS[label.layer].singular, label.detail].filter(Boolean).join(" · ")}</p> : null}
        {status ? <StatusDetails status={status} /> : <p>Loading the status…</p>}
        <p className="popup-actions">
          <a href={`/assets/${encodeURIComponent(id)}`}>
            Details and history<span className="visually-hidden"> of {name}</span>
          </a>
          <StarButton name={name} isStarred={isStarred} onToggle={() => onToggleStar(id)} />
        </p>
      </div>
    </Popup>
  );
}
