"use client";

import Link from "next/link";
import { boardHref, type BoardQuery } from "@/lib/board/board-query";
import type { ListGroup } from "@/lib/board/list-view";
import { LAYER_LABELS } from "@/lib/domain/layer-names";
import type { PublicStatus } from "@/lib/domain/status";
import { AssetRow } from "./asset-row";

export interface AssetListProps {
  groups: ListGroup[];
  query: BoardQuery;
  statusOf(id: string, rendered: PublicStatus): PublicStatus | undefined;
  highlighted: ReadonlySet<string>;
  starred: readonly string[];
  pending: boolean;
  /** Live changes that may add or remove rows under the current filter or sort. */
  outdated: number;
  onRefresh(): void;
  onToggleStar(id: string): void;
  onShowOnMap(id: string, trigger: HTMLElement): void;
}

// "2,000" by hand: toLocaleString would load Intl while the page hydrates (see ukWallTime).
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function GroupFooter({ group, query }: { group: ListGroup; query: BoardQuery }) {
  const { layer, matching, page, pageCount, items } = group;
  if (pageCount <= 1) return null;
  const label = LAYER_LABELS[layer].plural.toLowerCase();
  if (query.layers.length > 1) {
    return (
      <p className="list-group__more">
        Showing the first {count(items.length)} of {count(matching)} {label}.{" "}
        <Link href={boardHref(query, { layers: [layer], page: 1, asset: null })}>See all {count(matching)} {label}</Link>
      </p>
    );
  }
  return (
    <nav className="pager" aria-label={`Pages of ${label}`}>
      <p>
        Page {page} of {pageCount}
      </p>
      {page > 1 ? <Link href={boardHref(query, { page: page - 1, asset: null })}>Previous page</Link> : null}
      {page < pageCount ? <Link href={boardHref(query, { page: page + 1, asset: null })}>Next page</Link> : null}
    </nav>
  );
}

/** The list that says everything the map shows, grouped by layer; rendered by the server first. */
export function AssetList(props: AssetListProps) {
  const { groups, query, statusOf, highlighted, starred, pending, outdated } = props;
  const total = groups.reduce((sum, g) => sum + g.matching, 0);
  return (
    <section className="list" aria-labelledby="list-heading" aria-busy={pending} data-testid="asset-list">
      <h2 id="list-heading">{query.onlyDisrupted ? "Disruptions and closures" : "All statuses"}</h2>
      <p className="list__count" role="status">
        {query.q ? `${count(total)} ${total === 1 ? "place matches" : "places match"} “${query.q}”.` : `${count(total)} ${total === 1 ? "place" : "places"}.`}
      </p>
      {outdated > 0 ? (
        <p className="list__outdated">
          {outdated === 1 ? "1 change" : `${count(outdated)} changes`} may change what this list holds.{" "}
          <button type="button" className="button button--secondary" onClick={props.onRefresh}>
            Update the list
          </button>
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.layer} className="list-group" aria-labelledby={`list-${group.layer}`} data-layer={group.layer}>
          <h3 id={`list-${group.layer}`}>
            {LAYER_LABELS[group.layer].plural}{" "}
            <span className="list-group__count">
              ({group.matching === group.total ? count(group.total) : `${count(group.matching)} of ${count(group.total)}`})
            </span>
          </h3>
          {group.items.length ? (
            <ul className="asset-list">
              {group.items.map((item) => (
                <AssetRow
                  key={item.id}
                  item={item}
                  status={statusOf(item.id, item.status) ?? item.status}
                  isStarred={starred.includes(item.id)}
                  isChanged={highlighted.has(item.id)}
                  onToggleStar={props.onToggleStar}
                  onShowOnMap={props.onShowOnMap}
                />
              ))}
            </ul>
          ) : (
            <p className="list-group__empty">{query.onlyDisrupted && !query.q ? "No disruptions." : "Nothing matches."}</p>
          )}
          <GroupFooter group={group} query={query} />
        </section>
      ))}
    </section>
  );
}
