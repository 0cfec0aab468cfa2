// Part 1 of bench:surge, the reads: each public read of issue 10, gzip 200 and 304, from Snowline
// and, in the same run, from a bare node:http server sending the very bytes Snowline sent.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAutocannon, type LoadFigures } from "./autocannon-run";
import { pinned, SERVER_CORE } from "./cpu";
import { discoverReadRoutes, type ReadRoute } from "./read-routes";
import { headerOf, recordResponse, serializeRoute, type RecordedRoute } from "./recorded-response";
import { startSnowlineNode, type Council } from "./snowline-node";

export interface ReadsOptions {
  councils: Council[];
  /** Route names to measure (all when empty). */
  routes: string[];
  durationSeconds: number;
  connections: number;
}

/** The issue measures "gzip": browsers also offer br, which a server may prefer; this asks for gzip only. */
const ACCEPT_ENCODING = "gzip";

export interface ReadMeasurement {
  snowline: LoadFigures;
  bare: LoadFigures;
  /** snowline req/s ÷ bare req/s. */
  ratio: number;
  /** Either side's load generator was saturated: the ratio is not a measure of Snowline. */
  loadBound: boolean;
}

export interface ReadRouteResult {
  council: Council;
  route: string;
  path: string;
  status: number;
  /** Body bytes as sent (compressed when Content-Encoding says so). */
  bytes: number;
  contentEncoding: string | null;
  cacheControl: string | null;
  etag: string | null;
  gzip200: ReadMeasurement | null;
  notModified: ReadMeasurement | null;
  /** Why there is no 304 measurement (no ETag, or the ETag did not give a 304). */
  notModifiedSkipped: string | null;
  error: string | null;
}

async function recordRoute(baseUrl: string, route: ReadRoute): Promise<{ recorded: RecordedRoute; skipped: string | null }> {
  const ok = await recordResponse(`${baseUrl}${route.path}`, { "accept-encoding": ACCEPT_ENCODING });
  const etag = headerOf(ok, "etag");
  if (ok.status !== 200 || etag === undefined) {
    return { recorded: { path: route.path, ok, notModified: null }, skipped: ok.status !== 200 ? null : "no ETag" };
  }
  const notModified = await recordResponse(`${baseUrl}${route.path}`, { "accept-encoding": ACCEPT_ENCODING, "if-none-match": etag });
  if (notModified.status !== 304) {
    return { recorded: { path: route.path, ok, notModified: null }, skipped: `ETag given but a matching If-None-Match got ${notModified.status}` };
  }
  return { recorded: { path: route.path, ok, notModified }, skipped: null };
}

async function startBareServer(routes: RecordedRoute[]): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "snowline-bare-"));
  const file = join(dir, "routes.json");
  writeFileSync(file, JSON.stringify(routes.map(serializeRoute)));
  const [command, args] = pinned(SERVER_CORE, process.execPath, ["--import", "tsx", "bench/surge/bare-server.ts", file]);
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The bare server must send what Snowline sent, or the ratio compares different work. */
async function checkSameBytes(bareUrl: string, route: RecordedRoute): Promise<void> {
  const bare = await recordResponse(`${bareUrl}${route.path}`, { "accept-encoding": ACCEPT_ENCODING });
  if (bare.status !== route.ok.status || !bare.body.equals(route.ok.body)) throw new Error(`The bare server does not send Snowline's bytes for ${route.path}`);
}

const WARM_UP_REQUESTS = 5;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

async function measureCouncil(council: Council, options: ReadsOptions, log: (line: string) => void): Promise<ReadRouteResult[]> {
  log(`reads: starting Snowline with the ${council} council on core 0…`);
  const node = await startSnowlineNode(council, SERVER_CORE);
  try {
    const all = await discoverReadRoutes(node.url);
    const routes = options.routes.length ? all.filter((route) => options.routes.includes(route.name)) : all;
    const results: ReadRouteResult[] = [];
    for (const route of routes) {
      // Recorded just before it is measured, and again before its 304s: a page says the minute it
      // was made, so its ETag moves once a minute, and a stale one would measure 200s as 304s.
      const { recorded, skipped } = await recordRoute(node.url, route);
      const { ok } = recorded;
      const result: ReadRouteResult = {
        council,
        route: route.name,
        path: route.path,
        status: ok.status,
        bytes: ok.body.length,
        contentEncoding: headerOf(ok, "content-encoding") ?? null,
        cacheControl: headerOf(ok, "cache-control") ?? null,
        etag: headerOf(ok, "etag") ?? null,
        gzip200: null,
        notModified: null,
        notModifiedSkipped: skipped,
        error: ok.status === 200 ? null : `Snowline answered ${ok.status}`,
      };
      if (ok.status === 200) {
        // Snowline then bare, route by route: drift in a busy machine's load hits both alike.
        const measure = async (sent: RecordedRoute, headers: Record<string, string>): Promise<ReadMeasurement> => {
          const bare = await startBareServer([sent]);
          try {
            await checkSameBytes(bare.url, sent);
            const run = async (url: string, pid: number) => {
              // A few requests first, so the first render's compiling and caching is not in the figure.
              for (let i = 0; i < WARM_UP_REQUESTS; i++) await recordResponse(`${url}${route.path}`, headers);
              return runAutocannon({ url: `${url}${route.path}`, headers, connections: options.connections, durationSeconds: options.durationSeconds, serverPid: pid });
            };
            const snowline = await run(node.url, node.pid);
            const bareFigures = await run(bare.url, bare.pid);
            return { snowline, bare: bareFigures, ratio: round4(snowline.reqPerSec / Math.max(1, bareFigures.reqPerSec)), loadBound: snowline.loadBound || bareFigures.loadBound };
          } finally {
            await bare.stop();
          }
        };
        result.gzip200 = await measure(recorded, { "accept-encoding": ACCEPT_ENCODING });
        if (recorded.notModified) {
          const again = (await recordRoute(node.url, route)).recorded;
          if (again.notModified) result.notModified = await measure(again, { "accept-encoding": ACCEPT_ENCODING, "if-none-match": headerOf(again.ok, "etag")! });
        }
      }
      log(`reads: ${council} ${route.name}: ${describe(result)}`);
      results.push(result);
    }
    return results;
  } finally {
    await node.stop();
  }
}

function describe(result: ReadRouteResult): string {
  if (result.error) return result.error;
  const part = (label: string, m: ReadMeasurement | null) =>
    m ? `${label} ${m.snowline.reqPerSec} req/s p99 ${m.snowline.p99Ms} ms vs bare ${m.bare.reqPerSec} (ratio ${m.ratio}${m.loadBound ? ", bounded by the load generator" : ""})` : `${label} skipped`;
  return `${part("200", result.gzip200)}; ${part("304", result.notModified)}`;
}

export async function runReads(options: ReadsOptions, log: (line: string) => void = console.log): Promise<ReadRouteResult[]> {
  const results: ReadRouteResult[] = [];
  for (const council of options.councils) results.push(...(await measureCouncil(council, options, log)));
  return results;
}
