"use client";

import type { AssetSummary } from "@/components/live/live-types";
import { formatDateTime } from "@/components/status/format-time";
import { styleFor } from "@/components/status/status-style";
import type { AttributeChoice } from "@/lib/console/asset-filter";

export interface AssetTableProps {
  caption: string;
  assets: AssetSummary[];
  /** Selected asset ids, with the version each had when it was selected. */
  selected: ReadonlyMap<string, number>;
  attributes: AttributeChoice[];
  onToggle(asset: AssetSummary): void;
}

/** The assets with their live status; each row's checkbox is labelled by the asset's name. */
export function AssetTable({ caption, assets, selected, attributes, onToggle }: AssetTableProps) {
  return (
    <div className="table-scroll" id="asset-table" tabIndex={-1}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Selected</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col">Status now</th>
            {attributes.map((a) => (
              <th scope="col" key={a.key}>
                {a.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {assets.map((asset) => {
            const selectedAt = selected.get(asset.id);
            const isSelected = selectedAt !== undefined;
            const changedSince = isSelected && selectedAt !== asset.status.version;
            return (
              <tr key={asset.id} className={isSelected ? "is-selected" : undefined} data-asset-id={asset.id}>
                <td>
                  <input id={`select-${asset.id}`} type="checkbox" checked={isSelected} onChange={() => onToggle(asset)} />
                </td>
                <td>
                  <label htmlFor={`select-${asset.id}`}>{asset.name}</label>
                  {changedSince ? <p className="changed-flag">Changed by someone else since you selected it</p> : null}
                </td>
                <td>
                  <span className={`status-badge status-badge--${asset.status.category}`}>
                    <span aria-hidden="true">{styleFor(asset.status.code).glyph} </span>
                    {asset.status.label}
                  </span>
                  {asset.status.message ? <span className="status-message"> — {asset.status.message}</span> : null}
                  {asset.status.until ? <span className="status-times"> (until {formatDateTime(asset.status.until)})</span> : null}
                  {asset.status.upcoming ? (
                    <span className="status-upcoming">
                      {" "}
                      Upcoming: {asset.status.upcoming.label}
                      {asset.status.upcoming.from ? ` from ${formatDateTime(asset.status.upcoming.from)}` : ""}
                    </span>
                  ) : null}
                </td>
                {attributes.map((a) => (
                  <td key={a.key}>{String(asset.attributes[a.key] ?? "")}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
