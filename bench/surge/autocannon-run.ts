// Runs autocannon in its own process on the load core and reads how busy it was: autocannon is
// one Node process, so past ~90% of its core it measures itself, not the server.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cpuMeter, GENERATOR_SATURATED, LOAD_CORE, pinned } from "./cpu";

export interface LoadFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses by status code, e.g. { "200": 1234 } or { "304": 1234 }. */
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  generatorCpu: number | null;
  serverCpu: number | null;
  /** autocannon used ≥ 90% of its core: the figure is the load generator's limit, not the server's. */
  loadBound: boolean;
}

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}

const AUTOCANNON = createRequire(import.meta.url).resolve("autocannon/autocannon.js");

export async function runAutocannon(options: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  serverPid: number;
}): Promise<LoadFigures> {
  const headerArgs = Object.entries(options.headers).flatMap(([name, value]) => ["-H", `${name}:${value}`]);
  const args = [AUTOCANNON, "-c", String(options.connections), "-d", String(options.durationSeconds), "-j", "-n", ...headerArgs, options.url];
  const [command, pinnedArgs] = pinned(LOAD_CORE, process.execPath, args);
  const child = spawn(command, pinnedArgs, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));

  // Both meters start once autocannon is up (its own start-up is not load) and stop when its
  // duration is over, read just before it exits.
  let generator: ReturnType<typeof cpuMeter> | null = null;
  let server: ReturnType<typeof cpuMeter> | null = null;
  let generatorCpu: number | null = null;
  let serverCpu: number | null = null;
  const startMeters = setTimeout(() => {
    generator = cpuMeter(child.pid!);
    server = cpuMeter(options.serverPid);
  }, 300);
  const stopMeters = setTimeout(() => {
    generatorCpu = generator?.stop() ?? null;
    serverCpu = server?.stop() ?? null;
  }, options.durationSeconds * 1000 + 200);

  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  clearTimeout(startMeters);
  clearTimeout(stopMeters);
  if (code !== 0) throw new Error(`autocannon exited with ${code}: ${stderr.slice(-500)}`);
  const result = JSON.parse(stdout) as AutocannonJson;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]));
  return {
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    statusCodes,
    errors: result.errors,
    timeouts: result.timeouts,
    generatorCpu: generatorCpu === null ? null : round2(generatorCpu),
    serverCpu: serverCpu === null ? null : round2(serverCpu),
    loadBound: generatorCpu !== null && generatorCpu >= GENERATOR_SATURATED,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
