"use client";

import { memo } from "react";
import type { ListItem } from "@/lib/board/list-view";
import type { PublicStatus } from "@/lib/domain/status";
import { StarButton } from "../places/star-button";
import { StatusDetails } from "../status/status-details";

export interface AssetRowProps {
  item: ListItem;
  status: PublicStatus;
  isStarred: boolean;
  isChanged: boolean;
  onToggleStar(id: string): void;
  onShowOnMap(id: string, trigger: HTMLElement): void;
}

/** One asset in the list: name (linking to its page), what it is, its status in words, and actions. */
export const AssetRow = memo(function AssetRow({ item, status, isStarred, isChanged, onToggleStar, onShowOnMap }: AssetRowProps) {
  const headingId = `row-${item.id}`;
  return (
    <li
      className={`asset-row asset-row--${status.category}${isChanged ? " is-changed" : ""}`}
      data-asset-id={item.id}
      data-status={status.code}
    >
      <div className="asset-row__main">
        <h4 className="asset-row__name" id={headingId}>
          {/* A plain link: a hundred next/link components cost more to hydrate than they save. */}
          <a href={`/assets/${encodeURIComponent(item.id)}`}>{item.name}</a>
        </h4>
        {item.detail || item.match ? (
          <p className="asset-row__detail">
            {item.detail}
            {item.match ? (
              <span className="asset-row__match">
                {item.detail ? " · " : ""}
                {item.match.field === "street" ? "Street" : "Postcode"}: <mark>{item.match.text}</mark>
              </span>
            ) : null}
          </p>
        ) : null}
        <StatusDetails status={status} />
      </div>
      {/* In the server HTML so hydration adds no DOM; hidden until scripts run (ScriptFlag). */}
      <div className="asset-row__actions needs-js">
          <StarButton name={item.name} isStarred={isStarred} onToggle={() => onToggleStar(item.id)} />
          <button type="button" className="button button--secondary" aria-label={`Show on map: ${item.name}`} onClick={(e) => onShowOnMap(item.id, e.currentTarget)}>
            Show on map
          </button>
      </div>
    </li>
  );
});
