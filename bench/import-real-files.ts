// Import speed on the real Greater Manchester files: how long each phase takes and a whole
// import into a fresh store (and again, when everything is unchanged).
//   node --import tsx bench/import-real-files.ts [--runs 3]
// SQLite in a temporary folder by default; DATABASE_URL=postgres://… uses a throwaway schema there.
// Results are printed and written to bench/results/import-real-files-<sqlite|postgres>.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Layer } from "../lib/domain/layers";
import { chooseCrs } from "../lib/import/choose-crs";
import { importOptionsSchema } from "../lib/import/import-options";
import { mapFeatures } from "../lib/import/map-features";
import { readSource, type ImportSource } from "../lib/import/read-source";
import { runImport } from "../lib/import/run-import";
import { dropPostgresSchema, openPostgresStore } from "../lib/store/postgres-store";
import { openSqliteStore } from "../lib/store/sqlite-store";
import type { Store } from "../lib/store/store";
import { manchesterShapefile, readReal, REAL_FILES } from "../test/support/real-data";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const RUNS = Number(values.runs);
const DATABASE_URL = process.env.DATABASE_URL;

const FILES: { label: string; layer: Layer; source: () => ImportSource; idField?: string }[] = [
  { label: "Trafford schools (GeoJSON)", layer: "schools", source: () => ({ format: "geojson", bytes: readReal(REAL_FILES.schoolsGeoJson) }) },
  { label: "Trafford schools (CSV)", layer: "schools", source: () => ({ format: "csv", bytes: readReal(REAL_FILES.schoolsCsv) }) },
  { label: "Trafford routes (GeoJSON, EPSG:27700)", layer: "gritting", source: () => ({ format: "geojson", bytes: readReal(REAL_FILES.traffordRoutesGeoJson) }) },
  { label: "Trafford routes (KML)", layer: "gritting", source: () => ({ format: "kml", bytes: readReal(REAL_FILES.traffordRoutesKml) }) },
  { label: "Salford routes (KML)", layer: "gritting", source: () => ({ format: "kml", bytes: readReal(REAL_FILES.salfordRoutesKml) }) },
  { label: "Manchester network (shapefile, 7,942 segments)", layer: "gritting", source: () => ({ format: "shapefile", parts: manchesterShapefile() }) },
  {
    label: "Manchester network, one asset per segment (idField OBJECTID)",
    layer: "gritting",
    idField: "OBJECTID",
    source: () => ({ format: "shapefile", parts: manchesterShapefile() }),
  },
];

async function openStore(): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (DATABASE_URL) {
    const schema = `snl_bench_${Date.now().toString(36)}`;
    const store = await openPostgresStore({ url: DATABASE_URL, schema });
    return { store, dispose: async () => (await store.close(), await dropPostgresSchema(DATABASE_URL, schema)) };
  }
  const dir = mkdtempSync(join(tmpdir(), "snowline-bench-"));
  const store = await openSqliteStore(dir);
  return { store, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

const results = [];
for (const file of FILES) {
  const options = importOptionsSchema.parse({ layer: file.layer, idField: file.idField, dryRun: false });
  const timings = { readMs: [] as number[], mapMs: [] as number[], importMs: [] as number[], reimportMs: [] as number[] };
  let summary = "";
  for (let run = 0; run < RUNS; run++) {
    const source = file.source();
    let set = await readSource(source, options);
    timings.readMs.push(await ms(async () => (set = await readSource(source, options))));
    timings.mapMs.push(await ms(async () => mapFeatures(set, chooseCrs(set, undefined).crs, options)));
    const { store, dispose } = await openStore();
    try {
      timings.importMs.push(await ms(async () => {
        const report = await runImport(store, source, options, Date.now());
        summary = `${report.counts.read} ${report.rowKind}s → ${report.counts.add} assets`;
      }));
      timings.reimportMs.push(await ms(() => runImport(store, source, options, Date.now())));
    } finally {
      await dispose();
    }
  }
  const row = {
    file: file.label,
    result: summary,
    readMs: Math.round(median(timings.readMs)),
    mapMs: Math.round(median(timings.mapMs)),
    importMs: Math.round(median(timings.importMs)),
    reimportUnchangedMs: Math.round(median(timings.reimportMs)),
  };
  results.push(row);
  console.log(`${row.file}: ${row.result}; read ${row.readMs} ms, map ${row.mapMs} ms, whole import ${row.importMs} ms, re-import ${row.reimportUnchangedMs} ms`);
}

const store = DATABASE_URL ? "postgres" : "sqlite";
mkdirSync("bench/results", { recursive: true });
writeFileSync(
  `bench/results/import-real-files-${store}.json`,
  `${JSON.stringify({ date: new Date().toISOString(), store, runs: RUNS, note: "median ms; whole import = read + map + plan + one upsertAssets transaction", results }, null, 2)}\n`,
);
