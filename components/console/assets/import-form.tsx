"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { ErrorBody } from "@/lib/api/error-response";
import type { FieldError } from "@/lib/domain/errors";
import { LAYERS, LAYER_LABELS, type Layer } from "@/lib/domain/layers";
import { fieldErrorsOf } from "@/lib/domain/validation";
import { importOptionsSchema, type ImportOptions } from "@/lib/import/import-options";
import type { ImportReport } from "@/lib/import/import-report";
import { callApi } from "../api-client";
import { ErrorSummary, errorFor } from "../error-summary";
import { ImportReportView } from "./import-report-view";

const FIELD_IDS: Record<string, string> = { layer: "import-layer-field", file: "import-file", idField: "import-id-field", nameField: "import-name-field", crs: "import-crs", format: "import-file" };
const CRS_CHOICES = [
  { value: "", label: "As the file says (or WGS84 when the coordinates fit)" },
  { value: "EPSG:27700", label: "British National Grid, eastings and northings (EPSG:27700)" },
  { value: "EPSG:4326", label: "WGS84 longitude and latitude (EPSG:4326)" },
  { value: "EPSG:4258", label: "ETRS89 longitude and latitude (EPSG:4258)" },
  { value: "EPSG:3857", label: "Web Mercator (EPSG:3857)" },
];
const ACCEPT = ".geojson,.json,.csv,.txt,.kml,.shp,.dbf,.prj,.cpg";

/** A dry run that succeeded: what "Import" will send, exactly as it was checked. */
interface Checked {
  report: ImportReport;
  files: File[];
  options: ImportOptions;
}
type Outcome = { mode: "applied" | "refused"; report: ImportReport; fileNames: string };

const namesOf = (files: File[]) => files.map((f) => f.name).join(", ");
const blankToUndefined = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() ? value : undefined);

function upload(files: File[], options: ImportOptions, csrfToken: string) {
  const body = new FormData();
  for (const file of files) body.append("file", file, file.name);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) if (value !== undefined) query.set(key, String(value));
  return callApi<ImportReport>(`/api/v1/admin/imports?${query}`, { body, csrfToken });
}

/**
 * Imports a layer's assets from a file in two steps: "Check file" runs a dry run and shows what would
 * change and which rows would be left out; "Import" then applies that same file and those options.
 */
export function ImportForm({ csrfToken }: { csrfToken: string }) {
  const router = useRouter();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Keyboard and screen reader users land on the report they asked for.
  useEffect(() => reportHeading.current?.focus(), [checked, outcome]);

  function fail(body: ErrorBody, fileNames: string) {
    setChecked(null);
    // A refused file's report lists every rejected row; the summary only needs the message.
    setOutcome(body.report ? { mode: "refused", report: body.report, fileNames } : null);
    if (body.report) return setError({ ...body, fieldErrors: undefined });
    // The server's message often repeats its one field error; say instead what it means for the file.
    const isRepeated = body.fieldErrors?.some((e) => e.message === body.message);
    setError(isRepeated ? { ...body, message: `${fileNames || "The file"} cannot be imported: nothing was stored.` } : body);
  }

  async function onCheck(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const files = data.getAll("file").filter((f): f is File => f instanceof File && f.name !== "");
    const layer = data.get("layer");
    const fieldErrors: FieldError[] = [];
    if (!layer) fieldErrors.push({ path: "layer", message: "Choose the layer the assets belong to" });
    if (!files.length) fieldErrors.push({ path: "file", message: "Choose the file to check (for a shapefile, its .shp, .dbf and .prj together)" });
    const parsed = importOptionsSchema.safeParse({
      layer: layer ?? undefined,
      idField: blankToUndefined(data.get("idField")),
      nameField: blankToUndefined(data.get("nameField")),
      crs: blankToUndefined(data.get("crs")),
      dryRun: true,
    });
    if (!parsed.success) fieldErrors.push(...fieldErrorsOf(parsed.error).filter((e) => !(layer === null && e.path === "layer")));
    if (fieldErrors.length || !parsed.success) {
      return fail({ status: 400, message: "Check the import details: nothing was read or stored.", fieldErrors }, namesOf(files));
    }
    setBusy("Checking the file…");
    const result = await upload(files, parsed.data, csrfToken);
    setBusy(null);
    if (!result.ok) return fail(result.error, namesOf(files));
    setError(null);
    setOutcome(null);
    setChecked({ report: result.data, files, options: parsed.data });
  }

  async function onImport() {
    if (!checked || busy) return;
    setBusy("Importing…");
    const result = await upload(checked.files, { ...checked.options, dryRun: false }, csrfToken);
    setBusy(null);
    if (!result.ok) return fail(result.error, namesOf(checked.files));
    setError(null);
    setOutcome({ mode: "applied", report: result.data, fileNames: namesOf(checked.files) });
    setChecked(null);
    formRef.current?.reset();
    router.refresh();
  }

  // Changing the file or an option makes the last check stale: "Import" must apply what was checked.
  const onEdit = () => {
    if (checked) setChecked(null);
  };
  const err = (path: string) => errorFor(error?.fieldErrors, path);
  const toWrite = checked ? checked.report.counts.add + checked.report.counts.update : 0;

  return (
    <>
      <form ref={formRef} onSubmit={(e) => void onCheck(e)} onChange={onEdit} noValidate aria-labelledby="import-form-title">
        <h2 id="import-form-title">Import assets from a file</h2>
        <p>
          GeoJSON, CSV (lat/lon, easting/northing or WKT columns), KML, or a shapefile. Checking a file stores nothing; importing adds new assets and
          updates changed ones in one step, keeps every status, and deletes nothing.
        </p>
        {error ? <ErrorSummary message={error.message} fieldErrors={error.fieldErrors} fieldIdOf={(p) => FIELD_IDS[p.split(".")[0]!] ?? null} /> : null}
        <div className={`field${err("layer") ? " field--error" : ""}`} id="import-layer-field">
          <fieldset>
            <legend>Layer</legend>
            {err("layer") ? <span className="field-error">{err("layer")}</span> : null}
            <div className="choices choices--inline">
              {LAYERS.map((l: Layer) => (
                <label className="choice" key={l}>
                  <input type="radio" name="layer" value={l} /> {LAYER_LABELS[l].plural}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`field${err("file") ? " field--error" : ""}`}>
          <label htmlFor="import-file">File</label>
          <span className="hint" id="import-file-hint">
            One .geojson, .csv or .kml file; for a shapefile choose its .shp, .dbf and .prj files together. Up to 20 MB.
          </span>
          {err("file") ? <span className="field-error">{err("file")}</span> : null}
          <input id="import-file" name="file" type="file" multiple accept={ACCEPT} aria-describedby="import-file-hint" />
        </div>
        <fieldset className="field">
          <legend>How to read it (optional)</legend>
          <span className="hint">Leave these empty and Snowline picks the usual fields for the layer (see the import guide).</span>
          <div className="filters import-mapping">
            <div className={`field${err("idField") ? " field--error" : ""}`}>
              <label htmlFor="import-id-field">Id field</label>
              {err("idField") ? <span className="field-error">{err("idField")}</span> : null}
              <input id="import-id-field" name="idField" type="text" autoComplete="off" spellCheck={false} placeholder="e.g. URN" />
            </div>
            <div className={`field${err("nameField") ? " field--error" : ""}`}>
              <label htmlFor="import-name-field">Name field</label>
              {err("nameField") ? <span className="field-error">{err("nameField")}</span> : null}
              <input id="import-name-field" name="nameField" type="text" autoComplete="off" spellCheck={false} placeholder="e.g. name" />
            </div>
            <div className={`field${err("crs") ? " field--error" : ""}`}>
              <label htmlFor="import-crs">Coordinates</label>
              {err("crs") ? <span className="field-error">{err("crs")}</span> : null}
              <select id="import-crs" name="crs" defaultValue="">
                {CRS_CHOICES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button">
            Check file
          </button>
          <span role="status">{busy ?? ""}</span>
        </div>
      </form>
      {checked ? (
        <ImportReportView report={checked.report} mode="check" fileNames={namesOf(checked.files)} headingRef={reportHeading}>
          {toWrite ? (
            <div className="button-row">
              <button type="button" className="button" onClick={() => void onImport()}>
                Import {toWrite} {toWrite === 1 ? "asset" : "assets"}
              </button>
            </div>
          ) : (
            <p>
              <strong>Nothing to import:</strong> every asset in the file is already stored as it is.
            </p>
          )}
        </ImportReportView>
      ) : null}
      {outcome ? <ImportReportView report={outcome.report} mode={outcome.mode} fileNames={outcome.fileNames} headingRef={outcome.mode === "applied" ? reportHeading : undefined} /> : null}
    </>
  );
}
