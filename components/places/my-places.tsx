"use client";

import Link from "next/link";
import { LAYER_LABELS } from "@/lib/domain/layer-names";
import type { PublicStatus } from "@/lib/domain/status";
import type { AssetLabel } from "../board/board-types";
import { StatusDetails } from "../status/status-details";
import { StarButton } from "./star-button";

export interface MyPlacesProps {
  starred: readonly string[];
  labelOf(id: string): AssetLabel | undefined;
  statusOf(id: string): PublicStatus | undefined;
  highlighted: ReadonlySet<string>;
  onToggleStar(id: string): void;
  onShowOnMap(id: string, trigger: HTMLElement): void;
}

/** Starred places pinned above everything else; stars live in this browser only. */
export function MyPlaces({ starred, labelOf, statusOf, highlighted, onToggleStar, onShowOnMap }: MyPlacesProps) {
  return (
    <section className="places" aria-labelledby="places-heading" data-testid="my-places">
      <h2 id="places-heading">My places</h2>
      {starred.length === 0 ? (
        <p className="places__empty">Star a school, road or bin round in the list to keep it here. Stars stay on this device.</p>
      ) : (
        <ul className="asset-list asset-list--places">
          {starred.map((id) => {
            const label = labelOf(id);
            const status = statusOf(id);
            const name = label?.name ?? id;
            return (
              <li key={id} className={`asset-row asset-row--${status?.category ?? "ok"}${highlighted.has(id) ? " is-changed" : ""}`} data-asset-id={id}>
                <div className="asset-row__main">
                  <h3 className="asset-row__name">
                    <Link href={`/assets/${encodeURIComponent(id)}`} prefetch={false}>
                      {name}
                    </Link>
                  </h3>
                  {label ? <p className="asset-row__detail">{[LAYER_LABELS[label.layer].singular, label.detail].filter(Boolean).join(" · ")}</p> : null}
                  {status ? <StatusDetails status={status} /> : <p>Loading…</p>}
                </div>
                <div className="asset-row__actions">
                  <StarButton name={name} isStarred onToggle={() => onToggleStar(id)} />
                  <button type="button" className="button button--secondary" aria-label={`Show on map: ${name}`} onClick={(e) => onShowOnMap(id, e.currentTarget)}>
                    Show on map
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
