import { readFileSync } from "node:fs";
import { describe } from "vitest";
import type { ShapefileParts } from "../../lib/import/read-shapefile";
import { isCouncilDataRequired, MISSING_COUNCIL_DATA, REAL_DATA_DIR, REAL_FILES, realPath } from "./real-data-dir";

export { REAL_DATA_DIR, REAL_FILES, realPath } from "./real-data-dir";

export const readReal = (relative: string): Buffer => readFileSync(realPath(relative));

export function manchesterShapefile(): ShapefileParts {
  const stem = realPath(REAL_FILES.manchesterShp).replace(/\.shp$/, "");
  return { shp: readFileSync(`${stem}.shp`), dbf: readFileSync(`${stem}.dbf`), prj: readFileSync(`${stem}.prj`, "utf8"), cpg: null };
}

/**
 * Runs tests that need the real council files wherever they are found. Without them the suite
 * fails if SNOWLINE_REQUIRE_COUNCIL_DATA=1 asks for them, and is skipped, loudly, otherwise.
 */
export function describeWithRealData(title: string, suite: () => void): void {
  if (REAL_DATA_DIR) {
    // Thousands of features per file, read and written several times per test: allow for a busy machine.
    describe(title, { timeout: 120_000 }, suite);
    return;
  }
  if (isCouncilDataRequired()) {
    describe(title, () => {
      throw new Error(`${MISSING_COUNCIL_DATA} SNOWLINE_REQUIRE_COUNCIL_DATA=1, so this is a failure.`);
    });
    return;
  }
  console.warn(`\n!!! Skipping "${title}": ${MISSING_COUNCIL_DATA}\n`);
  describe.skip(title, suite);
}
