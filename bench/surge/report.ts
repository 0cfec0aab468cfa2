// The markdown of bench:surge's results, and the marked section of bench/README.md it rewrites,
// so no figure is ever copied by hand.
import type { MachineInfo } from "./cpu";
import { fanoutTableRows, type FanoutResult } from "./fanout";
import type { ReadMeasurement, ReadRouteResult } from "./reads";
import type { SurgeResult } from "./surge";

export interface SurgeRun {
  machine: MachineInfo;
  /** Sizes below the issue's (a smoke run): the figures show the harness works, not how fast Snowline is. */
  smoke: boolean;
  reads: ReadRouteResult[] | null;
  fanout: FanoutResult[] | null;
  surge: SurgeResult | null;
}

export const README_BEGIN = "<!-- surge:begin -->";
export const README_END = "<!-- surge:end -->";

const int = (n: number | null | undefined) => (n === null || n === undefined ? "—" : Number.isFinite(n) ? Math.round(n).toLocaleString("en-GB") : "never");
const ms = (n: number | null | undefined) => (n === null || n === undefined ? "—" : Number.isFinite(n) ? `${int(n)} ms` : "never");
const bytes = (n: number) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);
const pct = (n: number | null | undefined) => (n === null || n === undefined ? "—" : `${Math.round(n * 100)}%`);
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const BOUND = "‡";

function readCells(m: ReadMeasurement | null, skipped: string | null): string[] {
  if (!m) return [skipped ? `— (${skipped})` : "—", "", "", "", ""];
  // autocannon drops requests still open when its time is up: none answered means no figure at all.
  if (m.snowline.requests === 0) return ["none answered within the run", "", `${int(m.bare.reqPerSec)}`, ms(m.bare.p99Ms), "—"];
  const mark = (bound: boolean) => (bound ? ` ${BOUND}` : "");
  const codes = (figures: ReadMeasurement["snowline"]) => (figures.errors || figures.timeouts ? ` (${figures.errors} errors, ${figures.timeouts} timeouts)` : "");
  return [
    `${int(m.snowline.reqPerSec)}${mark(m.snowline.loadBound)}${codes(m.snowline)}`,
    ms(m.snowline.p99Ms),
    `${int(m.bare.reqPerSec)}${mark(m.bare.loadBound)}`,
    ms(m.bare.p99Ms),
    m.loadBound ? `${m.ratio} ${BOUND}` : m.ratio >= 0.5 ? `**${m.ratio}**` : String(m.ratio),
  ];
}

export function readsTables(reads: ReadRouteResult[]): string {
  const councils = [...new Set(reads.map((r) => r.council))];
  return councils
    .map((council) => {
      const lines = [
        `**Reads, ${council} council** (gzip asked; ${BOUND} = bounded by the load generator, not Snowline's figure)`,
        "",
        row(["route", "sent", "200 Snowline req/s", "p99", "bare req/s", "p99", "ratio", "304 Snowline req/s", "p99", "bare req/s", "p99", "ratio"]),
        row(Array(12).fill("---")),
      ];
      for (const r of reads.filter((result) => result.council === council)) {
        const sent = `${bytes(r.bytes)}${r.contentEncoding ? ` ${r.contentEncoding}` : " not compressed"}`;
        if (r.error) lines.push(row([`\`${r.route}\``, r.error, ...Array(10).fill("")]));
        else lines.push(row([`\`${r.route}\``, sent, ...readCells(r.gzip200, null), ...readCells(r.notModified, r.notModifiedSkipped)]));
      }
      return lines.join("\n");
    })
    .join("\n\n");
}

export function surgeTable(surge: SurgeResult): string {
  const o = surge.options;
  const lines = [
    `**The 7am surge, ${surge.council} council**: ${o.stepSeconds} s per step; each page view GETs \`/\`, then \`/api/v1/statuses\` and \`/api/v1/geometry\` and holds a socket ${o.holdSeconds} s; a ${o.bulkSize}-school change at each step's start and one change every ${o.changeEverySeconds} s.`,
    "",
    row(["page views/s", "HTTP p50", "HTTP p99", "HTTP errors", "sockets open at end", "socket failures", "posts (failed)", "deliveries", "delivered", "delivery p99", "generator CPU", "server CPU", "verdict"]),
    row(Array(13).fill("---")),
  ];
  for (const s of surge.steps) {
    const verdict = s.generator.bound ? `${BOUND} ${s.generator.reasons.join("; ")}` : s.passes ? "**meets the targets**" : "misses";
    lines.push(
      row([
        int(s.rate),
        ms(s.http.p50Ms),
        ms(s.http.p99Ms),
        s.http.errors ? `${s.http.errors} (${Object.entries(s.http.errorKinds).map(([kind, n]) => `${kind} ×${n}`).join(", ")})` : "0",
        int(s.sockets.openAtStepEnd),
        s.sockets.failed ? `${s.sockets.failed} (${Object.keys(s.sockets.failureKinds).join(", ")})` : "0",
        `${s.delivery.posts} (${s.delivery.failedPosts})`,
        int(s.delivery.expected),
        pct(s.delivery.ratio),
        ms(s.delivery.p99Ms),
        pct(s.generator.cpu),
        pct(s.serverCpu),
        verdict,
      ]),
    );
  }
  lines.push("", `Highest rate meeting HTTP p99 ≤ 500 ms, no errors and delivery p99 ≤ 1 s: **${surge.highestPassingRate === null ? "none of the steps" : `${int(surge.highestPassingRate)} page views/s`}**.`);
  return lines.join("\n");
}

export function runMarkdown(run: SurgeRun, resultFile: string): string {
  const m = run.machine;
  const parts = [
    `Run of ${m.date.slice(0, 10)} on ${m.cpuModel} (${m.cores} cores${m.pinned ? ", server on core 0, load on core 1" : ", not pinned: taskset or a second core missing"}), Node ${m.node}, open files limit ${m.openFilesLimit ?? "unknown"}, load average ${m.loadAverageAtStart} at the start (a quiet machine is near 0); \`${m.command}\`; results in \`${resultFile}\`.`,
  ];
  if (run.smoke) parts.push("**Smoke run with tiny sizes: these figures only show that the harness works; they are not a measurement.**");
  if (run.reads) parts.push(readsTables(run.reads));
  if (run.fanout) parts.push(["**Fan-out** (POST → receipt; `p99Ratio` = Snowline p99 ÷ raw `ws` p99 at the same client count)", "", ...fanoutTableRows(run.fanout)].join("\n"));
  if (run.surge) parts.push(surgeTable(run.surge));
  return parts.join("\n\n");
}

/** Replaces what lies between the surge markers of `readme` with `markdown`. */
export function replaceReadmeSection(readme: string, markdown: string): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`bench/README.md has no ${README_BEGIN} … ${README_END} section`);
  return `${readme.slice(0, begin + README_BEGIN.length)}\n${markdown}\n${readme.slice(end)}`;
}
