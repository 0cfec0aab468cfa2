"use client";

import { useRef, useState, type FormEvent } from "react";
import { boardHref, SEARCH_MAX_LENGTH, toSearchParams, type BoardQuery, type ListSort } from "@/lib/board/board-query";
import { LAYER_LABELS, LAYERS, type Layer } from "@/lib/domain/layer-names";

const TYPING_DELAY_MS = 300;

export interface BoardControlsProps {
  query: BoardQuery;
  pending: boolean;
  navigate(href: string, options: { replace: boolean }): void;
}

/**
 * Layers, filter, sort and search as a plain GET form the server honours (so it works without
 * JavaScript); with JavaScript each change updates the URL and the list in place, and typing
 * searches after a short pause without adding a history entry per letter.
 */
export function BoardControls({ query, pending, navigate }: BoardControlsProps) {
  const queryKey = toSearchParams(query).toString();
  // `sentQ` is the search we last asked for: when the page comes back with it, what has been typed
  // since stays; any other query (back/forward, a link) replaces the form.
  const [state, setState] = useState({ form: query, seenKey: queryKey, sentQ: query.q });
  const form = state.form;
  const setForm = (update: (current: BoardQuery) => BoardQuery) => setState((s) => ({ ...s, form: update(s.form) }));
  const typing = useRef<ReturnType<typeof setTimeout> | null>(null);

  if (queryKey !== state.seenKey) {
    setState((s) => {
      const ours = query.q === s.sentQ;
      return { seenKey: queryKey, sentQ: query.q, form: { ...query, q: ours ? s.form.q : query.q } };
    });
  }

  const go = (next: BoardQuery, replace: boolean) => {
    if (typing.current) clearTimeout(typing.current);
    setState((s) => ({ ...s, sentQ: next.q }));
    navigate(boardHref(next, { page: 1, asset: null }), { replace });
  };
  const update = (patch: Partial<BoardQuery>) => {
    const next = { ...form, ...patch };
    setForm(() => next);
    go(next, false);
  };
  const toggleLayer = (layer: Layer, on: boolean) => {
    const layers = LAYERS.filter((l) => (l === layer ? on : form.layers.includes(l)));
    update({ layers: layers.length ? layers : [...LAYERS] });
  };
  const onSearchInput = (q: string) => {
    setForm((current) => ({ ...current, q }));
    if (typing.current) clearTimeout(typing.current);
    typing.current = setTimeout(() => go({ ...form, q: q.trim() }, true), TYPING_DELAY_MS);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...form, q: form.q.trim() }, false);
  };

  return (
    <form className="controls" method="get" action="/" onSubmit={onSubmit} aria-label="Find and filter" data-testid="controls">
      <div className="controls__search">
        <label htmlFor="board-search" className="controls__label">
          Find a school, road, street or postcode
        </label>
        <div className="controls__search-row">
          <input
            id="board-search"
            type="search"
            name="q"
            value={form.q}
            maxLength={SEARCH_MAX_LENGTH}
            autoComplete="off"
            enterKeyHint="search"
            onChange={(e) => onSearchInput(e.target.value)}
          />
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </div>
      <fieldset className="controls__layers">
        <legend className="controls__label">Show</legend>
        {LAYERS.map((layer) => (
          <label key={layer} className="check">
            <input
              type="checkbox"
              name="layer"
              value={layer}
              checked={form.layers.includes(layer)}
              onChange={(e) => toggleLayer(layer, e.target.checked)}
            />
            {LAYER_LABELS[layer].plural}
          </label>
        ))}
      </fieldset>
      <div className="controls__filters">
        <label className="check">
          <input type="checkbox" name="only" value="disrupted" checked={form.onlyDisrupted} onChange={(e) => update({ onlyDisrupted: e.target.checked })} />
          Only disruptions and closures
        </label>
        <label className="controls__sort">
          Sort by{" "}
          <select name="sort" value={form.sort} onChange={(e) => update({ sort: e.target.value as ListSort })}>
            <option value="name">Name</option>
            <option value="changed">Last change</option>
          </select>
        </label>
      </div>
      <p className="controls__pending" aria-hidden={!pending}>
        {pending ? "Updating…" : ""}
      </p>
    </form>
  );
}
