"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { LAYERS, LAYER_LABELS, type Layer } from "@/lib/domain/layers";
import { EMBED_IDS_MAX, EMBED_LIMIT_MAX, EMBED_THEMES, EMBED_VIEWS, embedDataAttributes, embedQuery, type EmbedParams } from "@/lib/embed/embed-params";
import { HEIGHT_MESSAGE } from "../embed/height-message";
import styles from "./embed-builder.module.css";

export interface BuilderAsset {
  id: string;
  layer: Layer;
  name: string;
  area: string | null;
}

const VIEW_LABELS = { summary: "Summary (counts per service)", list: "List of places", map: "Map and list" } as const;
const SEARCH_RESULTS_MAX = 12;

/** Journalists pick what to embed, see it live, and copy the code. Every control is a native form control. */
export function EmbedBuilder({ baseUrl, assets }: { baseUrl: string; assets: BuilderAsset[] }) {
  const [layers, setLayers] = useState<Layer[]>(["schools"]);
  const [view, setView] = useState<EmbedParams["view"]>("list");
  const [theme, setTheme] = useState<EmbedParams["theme"]>("light");
  const [onlyDisrupted, setOnlyDisrupted] = useState(false);
  const [limit, setLimit] = useState(20);
  const [area, setArea] = useState("");
  const [ids, setIds] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  const [copied, setCopied] = useState("");
  const [previewHeight, setPreviewHeight] = useState(300);
  const preview = useRef<HTMLIFrameElement>(null);
  const id = useId();

  const inLayers = useMemo(() => assets.filter((a) => layers.includes(a.layer)), [assets, layers]);
  const areas = useMemo(() => [...new Set(inLayers.map((a) => a.area).filter((a): a is string => !!a))].sort(), [inLayers]);
  const names = useMemo(() => new Map(assets.map((a) => [a.id, a.name])), [assets]);
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return [];
    return inLayers.filter((a) => !ids.includes(a.id) && a.name.toLowerCase().includes(needle)).slice(0, SEARCH_RESULTS_MAX);
  }, [search, inLayers, ids]);

  const params: Partial<EmbedParams> = {
    layers: layers.length ? layers : undefined,
    ids: ids.length ? ids : undefined,
    area: area || undefined,
    view,
    theme,
    only: onlyDisrupted ? "disrupted" : undefined,
    limit,
  };
  const src = `${baseUrl}/embed${embedQuery(params)}`;
  const previewSrc = `/embed${embedQuery(params)}`;
  const scriptTag = `<script src="${baseUrl}/embed.js" ${embedDataAttributes(params).map(([name, value]) => `${name}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`).join(" ")} async></script>`.replace("  ", " ");
  const iframeTag = `<iframe src="${src.replace(/&/g, "&amp;")}" title="Live winter service status" width="100%" height="${previewHeight}" style="border:0" loading="lazy"></iframe>`;

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== preview.current?.contentWindow) return;
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (data?.type === HEIGHT_MESSAGE && typeof data.height === "number") setPreviewHeight(Math.ceil(data.height));
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`Copied the ${what}.`);
    } catch {
      setCopied(`Could not copy; select the ${what} in the box and copy it yourself.`);
    }
  }

  const toggleLayer = (layer: Layer) => setLayers((current) => (current.includes(layer) ? current.filter((l) => l !== layer) : [...current, layer]));

  return (
    <div className={styles.builder}>
      <form className={styles.form} onSubmit={(e) => e.preventDefault()} aria-label="Widget settings">
        <fieldset>
          <legend>Services</legend>
          {LAYERS.map((layer) => (
            <label key={layer} className={styles.choice}>
              <input type="checkbox" checked={layers.includes(layer)} onChange={() => toggleLayer(layer)} /> {LAYER_LABELS[layer].plural}
            </label>
          ))}
          {!layers.length ? <p role="alert">Pick at least one service; until then the widget shows them all.</p> : null}
        </fieldset>

        <fieldset>
          <legend>View</legend>
          {EMBED_VIEWS.map((v) => (
            <label key={v} className={styles.choice}>
              <input type="radio" name={`${id}-view`} value={v} checked={view === v} onChange={() => setView(v)} /> {VIEW_LABELS[v]}
            </label>
          ))}
        </fieldset>

        <div className={styles.field}>
          <label htmlFor={`${id}-area`}>Area</label>
          <select id={`${id}-area`} value={area} onChange={(e) => setArea(e.target.value)}>
            <option value="">The whole council</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>

        <fieldset>
          <legend>Particular places (optional, up to {EMBED_IDS_MAX})</legend>
          <label htmlFor={`${id}-search`}>Find a place by name</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
          {matches.length ? (
            <ul className={styles.results} aria-label="Places found">
              {matches.map((a) => (
                <li key={a.id}>
                  <button type="button" onClick={() => setIds((current) => [...current, a.id].slice(0, EMBED_IDS_MAX))}>
                    Add {a.name}
                  </button>
                </li>
              ))}
            </ul>
          ) : search.trim() ? (
            <p>No place matches.</p>
          ) : null}
          {ids.length ? (
            <ul className={styles.chosen} aria-label="Places in the widget">
              {ids.map((assetId) => (
                <li key={assetId}>
                  {names.get(assetId) ?? assetId}{" "}
                  <button type="button" onClick={() => setIds((current) => current.filter((x) => x !== assetId))}>
                    Remove<span className={styles.visuallyHidden}> {names.get(assetId) ?? assetId}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </fieldset>

        <label className={styles.choice}>
          <input type="checkbox" checked={onlyDisrupted} onChange={(e) => setOnlyDisrupted(e.target.checked)} /> Only show disruptions
        </label>

        <fieldset>
          <legend>Colours</legend>
          {EMBED_THEMES.map((t) => (
            <label key={t} className={styles.choice}>
              <input type="radio" name={`${id}-theme`} value={t} checked={theme === t} onChange={() => setTheme(t)} /> {t === "light" ? "Light" : "Dark"}
            </label>
          ))}
        </fieldset>

        <div className={styles.field}>
          <label htmlFor={`${id}-limit`}>How many places the list shows</label>
          <input
            id={`${id}-limit`}
            type="number"
            min={1}
            max={EMBED_LIMIT_MAX}
            value={limit}
            onChange={(e) => setLimit(Math.min(EMBED_LIMIT_MAX, Math.max(1, Number(e.target.value) || 1)))}
          />
        </div>
      </form>

      <section aria-labelledby={`${id}-preview`} className={styles.preview}>
        <h2 id={`${id}-preview`}>Live preview</h2>
        <iframe ref={preview} key={previewSrc} src={previewSrc} title="Preview of the widget" style={{ height: previewHeight }} className={styles.frame} />

        <h2>Code for your page</h2>
        <label htmlFor={`${id}-script`}>Script tag (recommended: fits its height by itself)</label>
        <textarea id={`${id}-script`} readOnly value={scriptTag} rows={3} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => copy(scriptTag, "script tag")}>
          Copy the script tag
        </button>
        <label htmlFor={`${id}-iframe`}>Plain iframe (for sites that do not allow scripts)</label>
        <textarea id={`${id}-iframe`} readOnly value={iframeTag} rows={3} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={() => copy(iframeTag, "iframe")}>
          Copy the iframe
        </button>
        <p role="status" className={styles.copied}>
          {copied}
        </p>
      </section>
    </div>
  );
}
