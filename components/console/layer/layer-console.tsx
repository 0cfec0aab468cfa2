"use client";

import { useMemo, useState } from "react";
import type { AssetSummary } from "@/components/live/live-types";
import { useLiveStatuses } from "@/components/live/use-live-statuses";
import { EMPTY_FILTER, filterableAttributes, isFilterEmpty, matchesFilter } from "@/lib/console/asset-filter";
import type { StatusFormValues } from "@/lib/console/status-form";
import type { Change } from "@/lib/domain/change";
import type { VersionConflict } from "@/lib/domain/errors";
import { LAYER_LABELS, type Layer } from "@/lib/domain/layers";
import { defaultCodeFor, STATUS_VOCABULARY } from "@/lib/domain/status-codes";
import type { MessageTemplate } from "@/lib/domain/templates";
import { AssetFilters } from "./asset-filters";
import { AssetTable } from "./asset-table";
import { ChangeOutcome, type Outcome } from "./change-outcome";
import { SocialPosts } from "./social-posts";
import { fieldIdOf, usePostChanges } from "./use-post-changes";
import { StatusForm } from "./status-form";
import { useNow } from "./use-now";
import { useElsewhereAnnouncement } from "./use-elsewhere-announcement";

export interface LayerConsoleProps {
  layer: Layer;
  initialSeq: number;
  /** The assets this user may change, without geometry. */
  assets: AssetSummary[];
  templates: MessageTemplate[];
  csrfToken: string;
  serverNow: number;
}

const ROWS_SHOWN = 500;

function initialValues(layer: Layer): StatusFormValues {
  const codes = Object.keys(STATUS_VOCABULARY[layer].codes);
  // Offer the first status that is not the default: on a snow morning nobody posts "open".
  const code = codes.find((c) => c !== defaultCodeFor(layer)) ?? codes[0]!;
  return { code, message: "", startsLater: false, fromInput: "", untilPreset: "further-notice", untilInput: "" };
}

/**
 * One layer of the console: a live list to filter and select from, and a form that applies one
 * status to the whole selection as one atomic batch.
 */
export function LayerConsole({ layer, initialSeq, assets, templates, csrfToken, serverNow }: LayerConsoleProps) {
  const labels = LAYER_LABELS[layer];
  const { statuses, connection, recentChanges } = useLiveStatuses(initialSeq, assets);
  const live = useMemo(() => assets.map((a) => ({ ...a, status: statuses[a.id] ?? a.status })), [assets, statuses]);
  const byId = useMemo(() => new Map(live.map((a) => [a.id, a])), [live]);
  const attributes = useMemo(() => filterableAttributes(assets), [assets]);
  const now = useNow(serverNow);

  const [filter, setFilter] = useState(EMPTY_FILTER);
  const matching = useMemo(() => live.filter((a) => matchesFilter(a, filter)), [live, filter]);
  const [selected, setSelected] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [values, setValues] = useState(() => initialValues(layer));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const poster = usePostChanges({ csrfToken, labels, setOutcome });
  const announcement = useElsewhereAnnouncement(recentChanges, poster.ownSeqs, layer, nameOf);

  const toggle = (asset: AssetSummary) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(asset.id)) next.delete(asset.id);
      else next.set(asset.id, asset.status.version);
      return next;
    });
  const allMatchingSelected = matching.length > 0 && matching.every((a) => selected.has(a.id));
  const selectMatching = () =>
    setSelected((current) => {
      const next = new Map(current);
      for (const a of matching) if (!next.has(a.id)) next.set(a.id, a.status.version);
      return next;
    });
  const deselectMatching = () =>
    setSelected((current) => new Map([...current].filter(([id]) => !matching.some((a) => a.id === id))));

  const apply = async (versions: ReadonlyMap<string, number> = selected) => {
    const done = await poster.apply(values, versions, now);
    if (done) setSelected(new Map());
  };
  const reapply = (conflicts: VersionConflict[]) => {
    if (outcome?.type === "conflict" && outcome.action === "undo") return void poster.undoAgain(conflicts);
    const versions = new Map(selected);
    for (const c of conflicts) versions.set(c.assetId, c.currentVersion);
    setSelected(versions);
    void apply(versions);
  };
  const keepTheirs = (conflicts: VersionConflict[]) => {
    const ids = new Set(conflicts.map((c) => c.assetId));
    const remaining = new Map([...selected].filter(([id]) => !ids.has(id)));
    setSelected(remaining);
    setOutcome(outcome?.type === "conflict" && outcome.action === "undo" ? null : { type: "kept", names: conflicts.map((c) => nameOf(c.assetId)), remaining: remaining.size });
  };
  const firstSelected = [...selected.keys()].map((id) => byId.get(id)).find(Boolean) ?? null;
  const shown = matching.slice(0, ROWS_SHOWN);

  return (
    <div className="layer-console">
      <section aria-labelledby="list-title">
        <h2 id="list-title" className="visually-hidden">
          {labels.plural} you may change
        </h2>
        <p className="muted" data-testid="console-connection">
          Live updates: {connection === "live" ? "on" : connection}.
        </p>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        <AssetFilters layer={layer} filter={filter} attributes={attributes} onChange={setFilter} />
        <div className="selection-bar">
          <p role="status" aria-live="polite" style={{ margin: 0 }}>
            {matching.length} of {live.length} {isFilterEmpty(filter) ? "shown" : "match this filter"}; {selected.size} selected.
          </p>
          {allMatchingSelected ? (
            <button type="button" className="button button--secondary button--small" onClick={deselectMatching}>
              Deselect all {matching.length} {isFilterEmpty(filter) ? "" : "in this filter"}
            </button>
          ) : (
            <button type="button" className="button button--secondary button--small" onClick={selectMatching} disabled={!matching.length}>
              Select all {matching.length} {isFilterEmpty(filter) ? "" : "in this filter"}
            </button>
          )}
          {selected.size ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setSelected(new Map())}>
              Clear selection
            </button>
          ) : null}
        </div>
        <AssetTable
          caption={shown.length < matching.length ? `The first ${shown.length} of ${matching.length}; search to narrow the list` : `${labels.plural}`}
          assets={shown}
          selected={selected}
          attributes={attributes}
          onToggle={toggle}
        />
      </section>
      <section className="status-panel" aria-label="Change the status of the selection">
        {outcome ? (
          <ChangeOutcome
            outcome={outcome}
            nameOf={nameOf}
            fieldIdOf={fieldIdOf}
            isBusy={poster.isBusy}
            onUndo={(changes: Change[]) => void poster.undo(changes)}
            onReapply={reapply}
            onKeepTheirs={keepTheirs}
            afterPublished={(_changes, posts) => <SocialPosts posts={posts} nameOf={nameOf} />}
          />
        ) : null}
        <StatusForm
          layer={layer}
          values={values}
          templates={templates}
          fieldErrors={outcome?.type === "error" ? (outcome.error.fieldErrors ?? []) : []}
          now={now}
          selectedCount={selected.size}
          previewAsset={firstSelected ?? null}
          isBusy={poster.isBusy}
          onChange={setValues}
          onSubmit={() => void apply()}
        />
      </section>
    </div>
  );
}
