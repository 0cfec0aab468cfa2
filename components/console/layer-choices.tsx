import { LAYERS, LAYER_LABELS, type Layer } from "@/lib/domain/layers";

/** A form field of one checkbox per layer, with the field error the server gave for it. */
export function LayerChoices({ id, legend, error, value, onChange }: { id: string; legend: string; error: string | null; value: readonly Layer[]; onChange(layers: Layer[]): void }) {
  return (
    <div className={`field${error ? " field--error" : ""}`} id={id}>
      <fieldset>
        <legend>{legend}</legend>
        {error ? <span className="field-error">{error}</span> : null}
        <div className="choices choices--inline">
          {LAYERS.map((l) => (
            <label className="choice" key={l}>
              <input type="checkbox" checked={value.includes(l)} onChange={(e) => onChange(e.target.checked ? [...value, l] : value.filter((x) => x !== l))} />{" "}
              {LAYER_LABELS[l].plural}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
