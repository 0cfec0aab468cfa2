import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { ValidationError } from "../../lib/domain/errors";
import { exportAssets, exportOptionsSchema } from "../../lib/export/export-assets";
import { formatFromFileName, importOptionsSchema } from "../../lib/import/import-options";
import { ImportRejectedError, type ImportReport } from "../../lib/import/import-report";
import type { ImportSource } from "../../lib/import/read-source";
import { parseInput } from "../../lib/domain/validation";
import type { Store } from "../../lib/store/store";
import { runImportInWorker } from "../import/run-import-in-worker";
import { reportLines } from "./import-report-lines";

export interface ImportFlags {
  "dry-run"?: boolean;
  strict?: boolean;
  format?: string;
  "id-field"?: string;
  "name-field"?: string;
  "lat-field"?: string;
  "lon-field"?: string;
  "wkt-field"?: string;
  crs?: string;
}

/** `snowline import LAYER FILE`: prints the report; applies it unless --dry-run. */
export async function importCommand(store: Store, layer: string | undefined, file: string | undefined, flags: ImportFlags, now: number): Promise<string[]> {
  if (!layer || !file) throw new Error("import needs a LAYER and a FILE, e.g. npx snowline import schools schools.csv --dry-run");
  const options = withFieldMessages(() =>
    parseInput(importOptionsSchema, {
      layer,
      format: flags.format ?? formatFromFileName(file) ?? undefined,
      idField: flags["id-field"],
      nameField: flags["name-field"],
      latField: flags["lat-field"],
      lonField: flags["lon-field"],
      wktField: flags["wkt-field"],
      crs: flags.crs,
      dryRun: !!flags["dry-run"],
      strict: !!flags.strict,
    }, "Invalid import options"),
  );
  if (!options.format) throw new Error(`Cannot tell the format of ${file} from its name; add --format geojson|csv|kml|shapefile`);
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const source: ImportSource =
    options.format === "shapefile" ? { format: "shapefile", parts: shapefileParts(file) } : { format: options.format, bytes: readFileSync(file) };
  try {
    const { reportJson } = await withFieldMessages(() => runImportInWorker(store, source, options, now));
    return reportLines(JSON.parse(reportJson) as ImportReport);
  } catch (error) {
    if (error instanceof ImportRejectedError) throw new Error([...reportLines(error.report), "", error.message].join("\n"));
    throw error;
  }
}

/** `snowline export LAYER --format F [--out FILE]`: the file's text, or a line saying where it went. */
export async function exportCommand(store: Store, layer: string | undefined, flags: { format?: string; out?: string; "csv-geometry"?: string }): Promise<string[]> {
  const options = withFieldMessages(() =>
    parseInput(exportOptionsSchema, { layer, format: flags.format, csvGeometry: flags["csv-geometry"] }, "Invalid export options"),
  );
  const assets = await store.listAssets({ layer: options.layer });
  const file = withFieldMessages(() => exportAssets(assets, options));
  if (!flags.out) return [file.body];
  writeFileSync(flags.out, file.body);
  return [`Exported ${assets.length} ${options.layer} assets as ${options.format} to ${flags.out}.`];
}

/** A shapefile is named by its .shp; the .dbf, .prj and .cpg beside it (any case) come along. */
function shapefileParts(shpPath: string) {
  const stem = join(dirname(shpPath), basename(shpPath, extname(shpPath)));
  const sibling = (extension: string) => [extension, extension.toUpperCase()].map((e) => stem + e).find((path) => existsSync(path));
  const read = (extension: string) => {
    const path = sibling(extension);
    return path ? readFileSync(path) : null;
  };
  return { shp: readFileSync(shpPath), dbf: read(".dbf"), prj: read(".prj")?.toString("utf8") ?? null, cpg: read(".cpg")?.toString("utf8") ?? null };
}

function withFieldMessages<T>(run: () => T): T {
  const rethrow = (error: unknown): never => {
    if (error instanceof ValidationError && !(error instanceof ImportRejectedError)) {
      throw new Error([error.message, ...error.fieldErrors.map((f) => `  ${f.path}: ${f.message}`)].join("\n"));
    }
    throw error;
  };
  try {
    const result = run();
    return result instanceof Promise ? (result.catch(rethrow) as T) : result;
  } catch (error) {
    return rethrow(error);
  }
}
