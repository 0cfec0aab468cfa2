import { boardHref, DEFAULT_BOARD_QUERY } from "@/lib/board/board-query";
import type { StatusIndex } from "@/lib/board/status-index";
import { summaryInputs } from "@/lib/board/status-index";
import { LAYER_LABELS } from "@/lib/domain/layer-names";
import { summarise } from "@/lib/summary/layer-summary";

const WORST_GLYPH = { closed: "✕", disrupted: "!", ok: "✓" } as const;

/** One line per layer, kept live from the status index; each line links to that layer's disruptions. */
export function SummaryPanel({ index }: { index: StatusIndex }) {
  const summaries = summarise(summaryInputs(index));
  return (
    <section className="summary" aria-labelledby="summary-heading" data-testid="summary">
      <h2 id="summary-heading" className="summary__heading">
        Right now
      </h2>
      <ul className="summary__list">
        {summaries.map((s) => {
          const worst = s.byCategory.closed ? "closed" : s.byCategory.disrupted ? "disrupted" : "ok";
          const href = boardHref(DEFAULT_BOARD_QUERY, { layers: [s.layer], onlyDisrupted: worst !== "ok" });
          return (
            <li key={s.layer} className={`summary__item summary__item--${worst}`} data-layer={s.layer}>
              <span className="summary__glyph" aria-hidden="true">
                {WORST_GLYPH[worst]}
              </span>
              <span className="summary__layer">{LAYER_LABELS[s.layer].plural}:</span>{" "}
              <a href={href} className="summary__sentence">
                {s.sentence}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
