// `npm run bench:surge`: issue 10's benchmark in one run: the reads (Snowline against a bare
// node:http server sending the same bytes), the fan-out, and the 7am surge. The server runs on core
// 0, every load generator (this process, autocannon) on core 1. Writes bench/results/surge-*.json
// and prints the tables for bench/README.md.
//
//   npm run bench:surge                                   # the measured run (about 25 minutes)
//   npm run bench:surge -- --part reads --duration 2      # one part, shorter
//   npm run bench:surge -- --part surge --rates 50 --step-seconds 5 --hold-seconds 3
//   npm run bench:surge -- --readme [bench/results/surge-….json]   # rewrite bench/README.md's section from a result (newest by default)
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { totalmem } from "node:os";
import { parseArgs } from "node:util";
import { LOAD_CORE, machineInfo, pinSelf } from "./surge/cpu";
import { CONTENDERS, runFanout, type Contender } from "./surge/fanout";
import { READ_ROUTE_NAMES } from "./surge/read-routes";
import { runReads } from "./surge/reads";
import { replaceReadmeSection, runMarkdown, type SurgeRun } from "./surge/report";
import type { Council } from "./surge/snowline-node";
import { runSurge } from "./surge/surge";

const PARTS = ["reads", "fanout", "surge"] as const;
type Part = (typeof PARTS)[number];
/** The sizes; anything smaller marks the run as a smoke run. */
const DEFAULTS = {
  duration: "5",
  connections: "50",
  councils: "demo,scale",
  rates: "100,250,500,1000,2000",
  "step-seconds": "30",
  "hold-seconds": "20",
  "change-every": "2",
  bulk: "150",
  "surge-council": "scale",
  "http-connections": "256",
  "fanout-clients": "1000,5000,10000",
  "fanout-changes": "20",
} as const;
const RESULTS_DIR = "bench/results";
const README = "bench/README.md";

const sized = Object.fromEntries(Object.entries(DEFAULTS).map(([name, value]) => [name, { type: "string" as const, default: value }])) as Record<
  keyof typeof DEFAULTS,
  { type: "string"; default: string }
>;
const { values } = parseArgs({
  options: { part: { type: "string", multiple: true }, routes: { type: "string" }, contenders: { type: "string" }, readme: { type: "boolean" }, ...sized },
  allowPositionals: true,
  strict: true,
});
const option = (name: keyof typeof DEFAULTS) => String(values[name]);
const numbers = (name: keyof typeof DEFAULTS) => option(name).split(",").map(Number);
const list = (text: string) => text.split(",").map((item) => item.trim()).filter(Boolean);

function newestResult(): string {
  const files = readdirSync(RESULTS_DIR).filter((name) => /^surge-.*\.json$/.test(name)).sort();
  if (!files.length) throw new Error(`No ${RESULTS_DIR}/surge-*.json yet: run npm run bench:surge first`);
  return `${RESULTS_DIR}/${files.at(-1)}`;
}

function rewriteReadme(resultFile: string): void {
  const run = JSON.parse(readFileSync(resultFile, "utf8")) as SurgeRun;
  writeFileSync(README, replaceReadmeSection(readFileSync(README, "utf8"), runMarkdown(run, resultFile)));
  console.log(`Rewrote the bench:surge section of ${README} from ${resultFile}.`);
}

async function main(): Promise<void> {
  if (values.readme) {
    rewriteReadme(process.argv.slice(2).find((arg) => arg.endsWith(".json")) ?? newestResult());
    return;
  }
  const parts: Part[] = values.part?.length ? values.part.flatMap(list).map((part) => {
    if (!(PARTS as readonly string[]).includes(part)) throw new Error(`--part must be one of ${PARTS.join(", ")}`);
    return part as Part;
  }) : [...PARTS];
  const routes = list(values.routes ?? "");
  const unknownRoute = routes.find((route) => !(READ_ROUTE_NAMES as readonly string[]).includes(route));
  if (unknownRoute) throw new Error(`Unknown route ${unknownRoute}; routes are ${READ_ROUTE_NAMES.join(", ")}`);
  const councils = list(option("councils")).map((council) => {
    if (council !== "demo" && council !== "scale") throw new Error("--councils takes demo and/or scale");
    return council as Council;
  });
  const surgeCouncil = option("surge-council") === "demo" ? "demo" : "scale";

  // This process is the surge's load generator: it belongs on the load core, away from the server.
  if (!pinSelf(LOAD_CORE)) console.warn("Not pinned to a core (taskset or a second core missing): figures mix server and load.");
  const built = spawnSync(process.execPath, ["scripts/build-if-needed.mjs"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("The production build failed");

  const smoke =
    routes.length > 0 ||
    values.contenders !== undefined ||
    Object.entries(DEFAULTS).some(([name, value]) => name !== "surge-council" && name !== "http-connections" && option(name as keyof typeof DEFAULTS) !== value);
  const run: SurgeRun = { machine: machineInfo(Math.round(totalmem() / 1024 / 1024)), smoke, reads: null, fanout: null, surge: null };
  if (parts.includes("reads")) {
    run.reads = await runReads({ councils, routes, durationSeconds: Number(option("duration")), connections: Number(option("connections")) });
  }
  if (parts.includes("fanout")) {
    const contenders = list(values.contenders ?? CONTENDERS.join(",")).map((name) => {
      if (!(CONTENDERS as readonly string[]).includes(name)) throw new Error(`--contenders takes ${CONTENDERS.join(", ")}`);
      return name as Contender;
    });
    run.fanout = await runFanout({ clients: numbers("fanout-clients"), changes: Number(option("fanout-changes")), contenders, log: console.log });
  }
  if (parts.includes("surge")) {
    run.surge = await runSurge({
      council: surgeCouncil,
      rates: numbers("rates"),
      stepSeconds: Number(option("step-seconds")),
      holdSeconds: Number(option("hold-seconds")),
      changeEverySeconds: Number(option("change-every")),
      bulkSize: Number(option("bulk")),
      httpConnections: Number(option("http-connections")),
    });
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}/surge-${run.machine.date.replace(/[:.]/g, "-")}${smoke ? "-smoke" : ""}.json`;
  writeFileSync(file, JSON.stringify(run, null, 2) + "\n");
  console.log(`\n${runMarkdown(run, file)}\n`);
  console.log(`Wrote ${file}. To put these tables in ${README}: npm run bench:surge -- --readme ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
