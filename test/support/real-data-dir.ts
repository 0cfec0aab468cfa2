import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Free of vitest, so the Playwright tests find the same files the same way.
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
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

/**
 * Set by `.ci/run`, whose clone has shared/ beside it: there a missing folder is a failure. Anywhere
 * else (CI=true included) the tests on the real files are skipped without it, since the small
 * council's files in the repository cover the import pipeline.
 */
export const isCouncilDataRequired = (): boolean => process.env.SNOWLINE_REQUIRE_COUNCIL_DATA === "1";

export const MISSING_COUNCIL_DATA =
  `The Greater Manchester council files (shared/data/greater-manchester) were not found above ${REPO_ROOT}; set SNOWLINE_GM_DATA_DIR.`;

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

