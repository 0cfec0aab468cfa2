import { LAYERS, LAYER_LABELS, type Layer } from "@/lib/domain/layers";

const FORMATS = [
  { format: "geojson", label: "GeoJSON" },
  { format: "csv", label: "CSV" },
  { format: "kml", label: "KML" },
] as const;

/** Download links for each layer in each format; the browser saves what the admin export endpoint sends. */
export function ExportLinks({ counts }: { counts: Record<Layer, number> }) {
  return (
    <section className="section" aria-labelledby="export-title">
      <h2 id="export-title">Export assets</h2>
      <p>Each file holds a layer&rsquo;s assets with their current statuses. A GeoJSON or CSV export imports back onto the same assets.</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Downloads by layer</caption>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Assets</th>
              <th scope="col">Download as</th>
            </tr>
          </thead>
          <tbody>
            {LAYERS.map((layer) => (
              <tr key={layer}>
                <th scope="row">{LAYER_LABELS[layer].plural}</th>
                <td>{counts[layer]}</td>
                <td>
                  <ul className="inline-list">
                    {FORMATS.map(({ format, label }) => (
                      <li key={format}>
                        <a href={`/api/v1/admin/exports?layer=${layer}&format=${format}`} download>
                          <span className="visually-hidden">Download {LAYER_LABELS[layer].plural.toLowerCase()} as </span>
                          {label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
