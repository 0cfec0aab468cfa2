import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";
import type { ShapefileParts } from "../../lib/import/read-shapefile";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const RELATIVE = join("shared", "data", "greater-manchester");

/**
 * The real council files (read-only, never copied into the repo): SNOWLINE_GM_DATA_DIR, or
 * shared/data/greater-manchester in a folder above the repository (CI puts shared/ beside the clone).
 */
function findDataDir(): string | null {
  const fromEnv = process.env.SNOWLINE_GM_DATA_DIR;
  if (fromEnv) return existsSync(join(fromEnv, "SOURCE.md")) ? fromEnv : null;
  for (let dir = dirname(REPO_ROOT); ; dir = dirname(dir)) {
    const candidate = join(dir, RELATIVE);
    if (existsSync(join(candidate, "SOURCE.md"))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

export const REAL_DATA_DIR = findDataDir();

export const REAL_FILES = {
  schoolsGeoJson: "trafford/schools/trafford_schools_and_colleges.geojson",
  schoolsCsv: "trafford/schools/trafford_schools_and_colleges.csv",
  schoolsWithPhaseCsv: "trafford/schools/trafford_schools_with_phase.csv",
  traffordRoutesGeoJson: "trafford/gritting/Gritting_routes_polyline.json",
  traffordRoutesKml: "trafford/gritting/Gritting_routes_2014_2_26_11_10.KML",
  salfordRoutesKml: "salford/gritting/CombinedGrittingRoutes.kml",
  manchesterShp: "manchester/gritting/Carriageway.shp",
  traffordWards: "trafford/boundaries/trafford_ward_generalised.geojson",
  traffordBoundary: "trafford/boundaries/trafford_local_authority_generalised.geojson",
} as const;

export function realPath(relative: string): string {
  if (!REAL_DATA_DIR) throw new Error("The Greater Manchester data folder was not found");
  return join(REAL_DATA_DIR, relative);
}

export const readReal = (relative: string): Buffer => readFileSync(realPath(relative));

export function manchesterShapefile(): ShapefileParts {
  const stem = realPath(REAL_FILES.manchesterShp).replace(/\.shp$/, "");
  return { shp: readFileSync(`${stem}.shp`), dbf: readFileSync(`${stem}.dbf`), prj: readFileSync(`${stem}.prj`, "utf8"), cpg: null };
}

/**
 * Runs tests that need the real council files. Without them: under CI=true the suite fails; elsewhere
 * its tests are skipped, loudly.
 */
export function describeWithRealData(title: string, suite: () => void): void {
  if (REAL_DATA_DIR) {
    describe(title, suite);
    return;
  }
  const advice = `The Greater Manchester data (shared/data/greater-manchester) was not found above ${REPO_ROOT}; set SNOWLINE_GM_DATA_DIR.`;
  if (process.env.CI) {
    describe(title, () => {
      throw new Error(`${advice} CI=true, so this is a failure.`);
    });
    return;
  }
  console.warn(`\n!!! Skipping "${title}": ${advice}\n`);
  describe.skip(title, suite);
}
