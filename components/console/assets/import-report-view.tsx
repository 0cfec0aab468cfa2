import type { ReactNode, RefObject } from "react";
import type { ImportReport } from "@/lib/import/import-report";
import { LAYER_LABELS } from "@/lib/domain/layers";

// Enough to see what a file holds; the CLI lists every asset of a 900-street shapefile.
const ASSETS_SHOWN = 200;

export interface ImportReportViewProps {
  report: ImportReport;
  /** "check": a dry run (nothing stored); "applied": stored; "refused": the server refused the file. */
  mode: "check" | "applied" | "refused";
  fileNames: string;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  /** The import button, under the report of a dry run. */
  children?: ReactNode;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const TITLES: Record<ImportReportViewProps["mode"], (layer: string, files: string) => string> = {
  check: (layer, files) => `Check of ${files} for ${layer}: nothing is stored yet`,
  applied: (layer, files) => `Imported ${files} into ${layer}`,
  refused: (_layer, files) => `Why ${files} cannot be imported`,
};

/** What an import would do or did: counts, the rows left out and why, warnings, and the assets themselves. */
export function ImportReportView({ report, mode, fileNames, headingRef, children }: ImportReportViewProps) {
  const layer = LAYER_LABELS[report.layer].plural.toLowerCase();
  const rowWord = report.rowKind === "row" ? "row" : "feature";
  const verb = mode === "applied" ? { add: "Added", update: "Updated" } : { add: "To add", update: "To update" };
  const counts: [string, number][] = [
    [verb.add, report.counts.add],
    [verb.update, report.counts.update],
    ["Unchanged", report.counts.unchanged],
    ["Rejected", report.counts.rejected],
  ];
  return (
    <section className={mode === "applied" ? "success-panel" : mode === "refused" ? "conflict-panel" : "notice-panel"} aria-labelledby="import-report-title">
      <h2 id="import-report-title" tabIndex={-1} ref={headingRef}>
        {TITLES[mode](layer, fileNames)}
      </h2>
      <p>
        Read {plural(report.counts.read, rowWord, `${rowWord}s`)} of {report.format === "csv" ? "CSV" : report.format === "geojson" ? "GeoJSON" : report.format === "kml" ? "KML" : "shapefile"}{" "}
        making {plural(report.counts.assets, "asset", "assets")}. Coordinates: {report.crs}. Ids from {report.idField ?? "a hash of each shape and name (the file has no id field)"};
        names from {report.nameField ?? "the layer and id"}.
      </p>
      <dl className="import-counts" data-testid="import-counts">
        {counts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.rejected.length ? (
        <div className="table-scroll">
          <table className="data-table" id="import-rejected">
            <caption>
              Rejected {rowWord}s ({report.rejected.length}): {mode === "applied" ? "not imported" : "these would not be imported"}
              {report.rowKind === "row" ? <span className="hint"> Rows are numbered as in a spreadsheet: the header is row 1.</span> : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">{report.rowKind === "row" ? "Row" : "Feature"}</th>
                <th scope="col">Field</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((r) => (
                <tr key={`${r.row}:${r.field}:${r.message}`}>
                  <td>{r.row}</td>
                  <td>{r.field}</td>
                  <td>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.warnings.length ? (
        <>
          <h3>Warnings</h3>
          <ul>
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.assets.length ? (
        <details className="import-assets">
          <summary>
            The {plural(report.assets.length, "asset", "assets")} in the file{report.assets.length > ASSETS_SHOWN ? ` (the first ${ASSETS_SHOWN})` : ""}
          </summary>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Assets in the file, in {layer}</caption>
              <thead>
                <tr>
                  <th scope="col">Id</th>
                  <th scope="col">Name</th>
                  <th scope="col">What happens</th>
                  <th scope="col">From {rowWord}s</th>
                </tr>
              </thead>
              <tbody>
                {report.assets.slice(0, ASSETS_SHOWN).map((a) => (
                  <tr key={a.id}>
                    <td>{a.id}</td>
                    <td>{a.name}</td>
                    <td>{a.action === "add" ? "New" : a.action === "update" ? "Updated" : "Unchanged"}</td>
                    <td>{a.rows.length > 5 ? `${a.rows.slice(0, 5).join(", ")} and ${a.rows.length - 5} more` : a.rows.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
      {children}
    </section>
  );
}
