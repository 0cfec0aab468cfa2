import * as z from "zod";
import type { Asset } from "../domain/assets";
import type { Polygon } from "../domain/geometry";
import { parseInput } from "../domain/validation";
import { buildBinRounds } from "./bin-rounds";
import { boroughBoundary } from "./borough";
import { buildGrittingRoutes } from "./gritting-routes";
import { createRandom } from "./random";
import { buildSchools } from "./schools";

/** Says "demo" in the name itself, so no screenshot of the demo can pass for a real council. */
export const DEMO_COUNCIL_NAME = "Demo Borough Council (demo data)";
export const DEFAULT_DEMO_SEED = 7;

/** Benchmark scale: far more than any one borough has, to find where the map and the server slow down. */
export const SCALE_PRESET = { schools: 2000, routes: 300, verticesPerRoute: 200, rounds: 600 } as const;

export const demoCouncilOptionsSchema = z.object({
  seed: z.union([z.number().int(), z.string().min(1)]).default(DEFAULT_DEMO_SEED),
  schools: z.number().int().min(0).max(20_000).default(60),
  routes: z.number().int().min(0).max(5_000).default(25),
  /** Every route gets exactly this many vertices; left out, each gets 80–200. */
  verticesPerRoute: z.number().int().min(2).max(5_000).optional(),
  // Partitioning grows with the square of the round count; beyond this it stops being quick.
  rounds: z.number().int().min(0).max(5_000).default(40),
});
export type DemoCouncilOptions = z.input<typeof demoCouncilOptionsSchema>;

export interface DemoCouncil {
  council: { name: string; isDemo: true; boundary: Polygon };
  assets: Asset[];
}

/** A made-up council over roughly Trafford's area; the same options always give the same council. */
export function generateDemoCouncil(options: DemoCouncilOptions = {}): DemoCouncil {
  const { seed, schools, routes, verticesPerRoute, rounds } = parseInput(
    demoCouncilOptionsSchema,
    options,
    "The demo council options are invalid",
  );
  const random = createRandom(seed);
  // One stream per layer, so asking for more routes leaves the schools and rounds as they were.
  return {
    council: { name: DEMO_COUNCIL_NAME, isDemo: true, boundary: boroughBoundary() },
    assets: [
      ...buildSchools(random.fork("schools"), schools),
      ...buildGrittingRoutes(random.fork("gritting"), routes, verticesPerRoute),
      ...buildBinRounds(random.fork("bins"), rounds),
    ],
  };
}
