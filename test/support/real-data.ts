import { readFileSync } from "node:fs";
import { describe } from "vitest";
import type { ShapefileParts } from "../../lib/import/read-shapefile";
import { REAL_DATA_DIR, REAL_FILES, realPath, REPO_ROOT } from "./real-data-dir";

export { REAL_DATA_DIR, REAL_FILES, realPath } from "./real-data-dir";

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
