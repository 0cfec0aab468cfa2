// The fan-out part of `npm run bench:surge`: how long a posted change takes to reach N connected
// clients, for Snowline on one node, Snowline on two nodes through Redis, and a bare `ws` server
// that builds each frame once, all in one run with the same lightweight clients.
//   node --import tsx bench/surge/fanout.ts [--clients 1000,5000,10000] [--changes 20] [--contenders raw-ws,snowline-1-node,snowline-2-nodes-redis]
// Servers run pinned to core 0 (`taskset -c 0`), this process (the clients) to core 1. Latency is
// from a timestamp taken just before the POST that triggers a message to each client's receipt,
// on this process's clock. Percentiles come from the exact sorted latencies (no histogram
// buckets). Results go to bench/results/surge-fanout.json.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { HANDSHAKE_AUTH } from "../../lib/realtime/protocol";
import { dropPostgresSchema } from "../../lib/store/postgres-store";
import type { HeapReply } from "../support/bench-heap";
import { connectRawSocketIo, connectRawWs, type RawSocketIoClient } from "../support/raw-socketio-client";

export const CONTENDERS = ["raw-ws", "snowline-1-node", "snowline-2-nodes-redis"] as const;
export type Contender = (typeof CONTENDERS)[number];

export interface FanoutOptions {
  /** Client counts to measure, each with every contender. Default 1k, 5k, 10k. */
  clients?: number[];
  /** Messages measured, posted one after another once the previous one reached everyone (after one uncounted warm-up). */
  changes?: number;
  contenders?: readonly Contender[];
  /** Connections opened at once while connecting the clients. */
  connectConcurrency?: number;
  /** A message not received by every client within this long counts the missing ones as lost. */
  deliveryTimeoutMs?: number;
  /** For the two-node contender (a fresh schema per run is made and dropped). */
  databaseUrl?: string;
  redisUrl?: string;
  /** Pin servers to core 0 and this process to core 1 (default: when taskset exists). */
  pin?: boolean;
  log?: (line: string) => void;
}

export interface FanoutResult {
  contender: Contender;
  clients: number;
  changes: number;
  expectedDeliveries: number;
  deliveries: number;
  /** received / expected. */
  deliveryRatio: number;
  latencyMs: { p50: number; p99: number; p999: number; max: number };
  /** Server heap after GC with the clients connected, minus before, per client (all nodes together). */
  heapPerClientBytes: number;
  connectAllMs: number;
  /** CPU this client process used while messages were delivered, as a share of one core. */
  clientCpu: number;
  /** The load generator was saturated (≥ 90% of its core): the latency is bounded by it, not the server's. */
  clientBound: boolean;
  /** Snowline p99 / raw `ws` p99 at the same client count in this run; null for raw ws or without it. */
  p99Ratio: number | null;
}

const here = dirname(fileURLToPath(import.meta.url));
const SNOWLINE_SERVER = join(here, "../support/bench-server.ts");
const RAW_WS_SERVER = join(here, "../support/raw-ws-server.ts");
const CLIENT_BOUND_CPU = 0.9;

interface ServerProcess {
  child: ChildProcess;
  /** The READY line's fields after the word READY. */
  fields: string[];
  heapUsed(): Promise<number>;
  stop(): Promise<void>;
}

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function startServer(script: string, env: Record<string, string>, pin: boolean): Promise<ServerProcess> {
  const node = [process.execPath, "--expose-gc", "--import", "tsx", script];
  const [command, ...args] = pin ? ["taskset", "-c", "0", ...node] : node;
  const child = spawn(command!, args, { stdio: ["ignore", "pipe", "inherit", "ipc"], env: { ...process.env, ...env } });
  const fields = await new Promise<string[]>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = /READY (.+)\n/.exec(out);
      if (line) resolve(line[1]!.trim().split(/\s+/));
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    fields,
    heapUsed: () =>
      new Promise<number>((resolve) => {
        const onMessage = (message: HeapReply) => {
          if (message?.type !== "heap") return;
          child.off("message", onMessage);
          resolve(message.heapUsed);
        };
        child.on("message", onMessage);
        child.send("heap");
      }),
    stop: async () => {
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(forced);
    },
  };
}

/** Runs `open` for every index with at most `concurrency` connections pending at once. */
async function connectAll(count: number, concurrency: number, open: (i: number) => RawSocketIoClient): Promise<RawSocketIoClient[]> {
  const clients: RawSocketIoClient[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const client = open(next++);
      clients.push(client);
      await client.connected;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return clients;
}

/** Counts receipts per seq and wakes whoever waits for a seq to reach every client. */
class DeliveryLog {
  readonly latencies: number[] = [];
  private readonly postedAt = new Map<number, number>();
  private readonly received = new Map<number, number>();
  private waiter: { seq: number; count: number; resolve: () => void } | null = null;

  private readonly uncounted = new Set<number>();

  expect(seq: number, at: number, counted = true): void {
    this.postedAt.set(seq, at);
    if (!counted) this.uncounted.add(seq);
  }

  record(seq: number, receivedAt: number): void {
    const postedAt = this.postedAt.get(seq);
    if (postedAt === undefined) return;
    if (!this.uncounted.has(seq)) this.latencies.push(receivedAt - postedAt);
    const count = (this.received.get(seq) ?? 0) + 1;
    this.received.set(seq, count);
    if (this.waiter && this.waiter.seq === seq && count >= this.waiter.count) this.waiter.resolve();
  }

  /** Resolves once `count` clients received `seq`, or after `timeoutMs` (the rest count as lost). */
  reached(seq: number, count: number, timeoutMs: number): Promise<void> {
    if ((this.received.get(seq) ?? 0) >= count) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiter = { seq, count, resolve: done };
    }).finally(() => (this.waiter = null));
  }
}

function listenForChanges(client: RawSocketIoClient, log: DeliveryLog): void {
  client.onEvent((name, payload, receivedAt) => {
    if (name !== "status:changes") return;
    for (const change of (payload as { changes: { seq: number }[] }).changes) log.record(change.seq, receivedAt);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** What one contender needs: servers started, how to open a client, how to trigger message `i`. */
interface Setup {
  servers: ServerProcess[];
  open(i: number): RawSocketIoClient;
  /** Posts message `i`; returns the seq it will carry. Called right after the timestamp is taken. */
  nextSeq(i: number): number;
  post(i: number): Promise<void>;
  cleanup(): Promise<void>;
}

async function setUpSnowline(nodes: 1 | 2, options: Required<Pick<FanoutOptions, "pin">> & FanoutOptions): Promise<Setup> {
  const env: Record<string, string> = {};
  let schema: string | null = null;
  const databaseUrl = options.databaseUrl ?? process.env.SNOWLINE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  if (nodes === 2) {
    schema = `bench_fanout_${randomBytes(4).toString("hex")}`;
    Object.assign(env, {
      DATABASE_URL: databaseUrl,
      BENCH_SCHEMA: schema,
      REDIS_URL: options.redisUrl ?? process.env.SNOWLINE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      BENCH_NAMESPACE: schema,
    });
  } else {
    // One node means the embedded defaults, whatever this shell has set.
    Object.assign(env, { DATABASE_URL: "", REDIS_URL: "" });
  }
  const servers: ServerProcess[] = [];
  // One after the other: the first seeds the council, the second finds it there.
  for (let n = 0; n < nodes; n++) servers.push(await startServer(SNOWLINE_SERVER, env, options.pin));
  const [url, token] = servers[0]!.fields as [string, string];
  const assets = (await (await fetch(`${url}/api/v1/assets?layer=schools`)).json()) as { seq: number; features: { id: string }[] };
  return {
    servers,
    open: (i) => connectRawSocketIo(servers[i % servers.length]!.fields[0]!, { auth: { ...HANDSHAKE_AUTH } }),
    nextSeq: (i) => assets.seq + i + 1,
    post: async (i) => {
      const assetId = assets.features[i % assets.features.length]!.id;
      const res = await fetch(`${url}/api/v1/changes`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ changes: [{ assetId, status: { code: i % 2 ? "open" : "closed", message: `Bench ${i}` } }] }),
      });
      const body = (await res.json()) as { seq?: number };
      if (res.status !== 201 || body.seq !== assets.seq + i + 1) throw new Error(`POST ${i} failed: ${res.status} ${JSON.stringify(body)}`);
    },
    cleanup: async () => {
      await Promise.all(servers.map((s) => s.stop()));
      if (schema) await dropPostgresSchema(databaseUrl, schema);
    },
  };
}

async function setUpRawWs(options: Required<Pick<FanoutOptions, "pin">>): Promise<Setup> {
  const server = await startServer(RAW_WS_SERVER, {}, options.pin);
  const [httpUrl, wsUrl] = server.fields as [string, string];
  return {
    servers: [server],
    open: () => connectRawWs(wsUrl),
    nextSeq: (i) => i + 1,
    post: async (i) => {
      // A change the size and shape of Snowline's, so both send about the same bytes.
      const change = {
        seq: i + 1,
        assetId: "school-001",
        layer: "schools",
        kind: "set",
        at: new Date().toISOString(),
        status: { code: i % 2 ? "open" : "closed", message: `Bench ${i}`, from: null, until: null, version: i + 1 },
        actor: { kind: "token", name: "bench" },
      };
      const res = await fetch(`${httpUrl}/broadcast`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ seq: i + 1, changes: [change] }) });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`broadcast ${i} failed: ${res.status}`);
    },
    cleanup: () => server.stop(),
  };
}

async function measure(contender: Contender, clientCount: number, options: Required<Pick<FanoutOptions, "pin" | "changes" | "connectConcurrency" | "deliveryTimeoutMs">> & FanoutOptions): Promise<Omit<FanoutResult, "p99Ratio">> {
  const setup =
    contender === "raw-ws" ? await setUpRawWs(options) : await setUpSnowline(contender === "snowline-1-node" ? 1 : 2, options);
  const log = new DeliveryLog();
  let clients: RawSocketIoClient[] = [];
  try {
    const heapBefore = (await Promise.all(setup.servers.map((s) => s.heapUsed()))).reduce((a, b) => a + b, 0);
    const connectStarted = performance.now();
    clients = await connectAll(clientCount, options.connectConcurrency, (i) => {
      const client = setup.open(i);
      listenForChanges(client, log);
      return client;
    });
    const connectAllMs = performance.now() - connectStarted;
    const heapAfter = (await Promise.all(setup.servers.map((s) => s.heapUsed()))).reduce((a, b) => a + b, 0);

    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    // Message 0 warms up the code paths (JIT, first-use allocations) and is not counted.
    for (let i = 0; i <= options.changes; i++) {
      const seq = setup.nextSeq(i);
      log.expect(seq, performance.now(), i > 0);
      await setup.post(i);
      await log.reached(seq, clientCount, options.deliveryTimeoutMs);
    }
    const cpu = process.cpuUsage(cpuStart);
    const clientCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - wallStart);

    const sorted = log.latencies.sort((a, b) => a - b);
    const expectedDeliveries = clientCount * options.changes;
    return {
      contender,
      clients: clientCount,
      changes: options.changes,
      expectedDeliveries,
      deliveries: sorted.length,
      deliveryRatio: sorted.length / expectedDeliveries,
      latencyMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), p999: round(percentile(sorted, 99.9)), max: round(sorted.at(-1) ?? NaN) },
      heapPerClientBytes: Math.round((heapAfter - heapBefore) / clientCount),
      connectAllMs: Math.round(connectAllMs),
      clientCpu: Math.round(clientCpu * 100) / 100,
      clientBound: clientCpu >= CLIENT_BOUND_CPU,
    };
  } finally {
    clients.forEach((c) => c.close());
    await setup.cleanup();
  }
}

/** Measures every contender at every client count, in one run; see the file's header. */
export async function runFanout(options: FanoutOptions = {}): Promise<FanoutResult[]> {
  const settings = {
    ...options,
    clients: options.clients ?? [1_000, 5_000, 10_000],
    changes: options.changes ?? 20,
    contenders: options.contenders ?? CONTENDERS,
    connectConcurrency: options.connectConcurrency ?? 200,
    deliveryTimeoutMs: options.deliveryTimeoutMs ?? 10_000,
    pin: options.pin ?? hasTaskset(),
  };
  const log = options.log ?? ((line: string) => console.error(line));
  // The load generator on core 1, every thread of it, away from the servers on core 0.
  if (settings.pin) execFileSync("taskset", ["-a", "-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
  const results: FanoutResult[] = [];
  for (const clients of settings.clients) {
    const raw: { p99: number | null } = { p99: null };
    for (const contender of settings.contenders) {
      log(`fan-out: ${contender}, ${clients} clients, ${settings.changes} changes`);
      const result = await measure(contender, clients, settings);
      if (contender === "raw-ws") raw.p99 = result.latencyMs.p99;
      results.push({ ...result, p99Ratio: contender === "raw-ws" || raw.p99 === null ? null : Math.round((result.latencyMs.p99 / raw.p99) * 100) / 100 });
    }
  }
  return results;
}

/** The rows of bench/README.md's fan-out table (header included). */
export function fanoutTableRows(results: FanoutResult[]): string[] {
  const ms = (n: number) => `${n} ms`;
  return [
    "| contender | clients | delivered | p50 | p99 | p99.9 | max | p99Ratio | heap per client | client CPU |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...results.map((r) =>
      [
        r.contender,
        r.clients.toLocaleString("en-GB"),
        `${(r.deliveryRatio * 100).toFixed(r.deliveryRatio === 1 ? 0 : 2)}%`,
        ms(r.latencyMs.p50),
        ms(r.latencyMs.p99),
        ms(r.latencyMs.p999),
        ms(r.latencyMs.max),
        r.p99Ratio === null ? "" : String(r.p99Ratio),
        `${(r.heapPerClientBytes / 1024).toFixed(1)} KB`,
        `${Math.round(r.clientCpu * 100)}%${r.clientBound ? " (bounded by the clients)" : ""}`,
      ].join(" | ").replace(/^/, "| ").concat(" |"),
    ),
  ];
}

export function writeFanoutResults(results: FanoutResult[], file = join(here, "../results/surge-fanout.json")): string {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + "\n");
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "1000,5000,10000" },
      changes: { type: "string", default: "20" },
      contenders: { type: "string", default: CONTENDERS.join(",") },
    },
  });
  const contenders = values.contenders.split(",").map((name) => {
    if (!(CONTENDERS as readonly string[]).includes(name)) throw new Error(`Unknown contender ${name}; one of ${CONTENDERS.join(", ")}`);
    return name as Contender;
  });
  const results = await runFanout({ clients: values.clients.split(",").map(Number), changes: Number(values.changes), contenders });
  console.log(JSON.stringify(results, null, 2));
  console.log(fanoutTableRows(results).join("\n"));
  console.error(`written to ${writeFanoutResults(results)}`);
  process.exit(0);
}
