import { LAYER_LABELS, type Layer } from "@/lib/domain/layer-names";
import { STATUS_VOCABULARY } from "@/lib/domain/status-codes";
import { styleFor } from "../status/status-style";

function Swatch({ layer, code }: { layer: Layer; code: string }) {
  const style = styleFor(code);
  if (layer === "gritting") {
    return (
      <svg className="legend__swatch" width="36" height="14" aria-hidden="true">
        <line x1="2" y1="7" x2="34" y2="7" stroke={style.colour} strokeWidth="5" strokeDasharray={style.dashArray} />
      </svg>
    );
  }
  if (layer === "bins") {
    return (
      <svg className="legend__swatch" width="36" height="18" aria-hidden="true">
        <rect x="2" y="2" width="32" height="14" fill={style.colour} fillOpacity="0.28" stroke={style.colour} strokeWidth="2" strokeDasharray={style.dashArray} />
      </svg>
    );
  }
  return (
    <span className="legend__pin" style={{ background: style.colour }} aria-hidden="true">
      {style.glyph}
    </span>
  );
}

/** What each colour, glyph and line pattern means; the words carry it too, for anyone who cannot tell colours apart. */
export function MapLegend({ layers }: { layers: readonly Layer[] }) {
  return (
    <details className="legend" open>
      <summary>Map key</summary>
      <div className="legend__layers">
        {layers.map((layer) => (
          <div key={layer} className="legend__layer">
            <h3 className="legend__heading">{LAYER_LABELS[layer].plural}</h3>
            <ul className="legend__list">
              {Object.entries(STATUS_VOCABULARY[layer].codes).map(([code, definition]) => (
                <li key={code}>
                  <Swatch layer={layer} code={code} /> {definition.label}
                </li>
              ))}
            </ul>
            {layer === "gritting" ? <p className="legend__note">Thicker lines are priority 1 routes, gritted first.</p> : null}
            {layer === "schools" ? <p className="legend__note">Numbered circles are groups of schools; a ✕ counts the closed ones.</p> : null}
          </div>
        ))}
      </div>
    </details>
  );
}
