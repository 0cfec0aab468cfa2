import type { AuditQuery } from "@/lib/audit/audit-query";
import { LAYERS, LAYER_LABELS } from "@/lib/domain/layers";
import { toUkDateTimeInput } from "@/lib/domain/uk-time";
import type { AuditActorChoice } from "@/lib/audit/audit-actors";

const timeValue = (ms: number | undefined) => (ms === undefined ? "" : toUkDateTimeInput(ms));

/** The audit log's filters as a plain GET form: works without JavaScript, and the URL can be shared. */
export function AuditFilters({ query, actors }: { query: AuditQuery; actors: AuditActorChoice[] }) {
  return (
    <form method="get" className="filters" aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor="audit-by">Who</label>
        <select id="audit-by" name="by" defaultValue={query.by ?? ""}>
          <option value="">Anyone</option>
          {actors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-asset">Asset id</label>
        <input id="audit-asset" name="asset" type="text" defaultValue={query.asset ?? ""} spellCheck={false} />
      </div>
      <div className="field">
        <label htmlFor="audit-layer">Layer</label>
        <select id="audit-layer" name="layer" defaultValue={query.layer ?? ""}>
          <option value="">Any layer</option>
          {LAYERS.map((l) => (
            <option key={l} value={l}>
              {LAYER_LABELS[l].plural}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">From (UK time)</label>
        <input id="audit-from" name="from" type="datetime-local" defaultValue={timeValue(query.from)} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">Before (UK time)</label>
        <input id="audit-to" name="to" type="datetime-local" defaultValue={timeValue(query.to)} />
      </div>
      <div className="field">
        <button type="submit" className="button">
          Filter
        </button>
      </div>
    </form>
  );
}
