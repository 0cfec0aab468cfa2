// Fan-out latency: how long a posted change takes to reach N connected browsers.
//   node --import tsx bench/fanout.ts [--clients 1000] [--changes 20] [--transport websocket|polling]
// The server runs in its own process (one core), the clients here (the other core). Latency is
// measured from just before the POST to each client's receipt, on one clock. Results are printed
// and written to bench/results/.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { io, type Socket } from "socket.io-client";
import { EVENTS, HANDSHAKE_AUTH, type ChangesMessage } from "../lib/realtime/protocol";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "1000" },
    changes: { type: "string", default: "20" },
    transport: { type: "string", default: "websocket" },
  },
});
const CLIENTS = Number(values.clients);
const CHANGES = Number(values.changes);
const transport = values.transport === "polling" ? "polling" : "websocket";

const child = spawn(process.execPath, ["--import", "tsx", "bench/support/bench-server.ts"], {
  stdio: ["ignore", "pipe", "inherit"],
  env: process.env,
});
const [url, token] = await new Promise<[string, string]>((resolve, reject) => {
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    out += chunk.toString();
    const match = /READY (\S+) (\S+)/.exec(out);
    if (match) resolve([match[1]!, match[2]!]);
  });
  child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;

const rssBefore = rssMb();
const sockets: Socket[] = [];
const pending = new Map<number, { postedAt: number; latencies: number[] }>();
const connectStarted = performance.now();
for (let i = 0; i < CLIENTS; i++) {
  const socket = io(url, { transports: [transport], forceNew: true, reconnection: false, auth: HANDSHAKE_AUTH });
  socket.on(EVENTS.changes, (message: ChangesMessage) => {
    const receivedAt = performance.now();
    for (const change of message.changes) pending.get(change.seq)?.latencies.push(receivedAt - pending.get(change.seq)!.postedAt);
  });
  sockets.push(socket);
}
await Promise.all(sockets.map((s) => (s.connected ? null : new Promise<void>((resolve) => s.once("connect", () => resolve())))));
const connectMs = performance.now() - connectStarted;
await new Promise((resolve) => setTimeout(resolve, 1000));
const rssConnected = rssMb();

const assets = (await (await fetch(`${url}/api/v1/assets?layer=schools`)).json()) as { seq: number; features: { id: string }[] };
let seq = assets.seq;
for (let i = 0; i < CHANGES; i++) {
  const assetId = assets.features[i % assets.features.length]!.id;
  seq += 1;
  pending.set(seq, { postedAt: performance.now(), latencies: [] });
  const res = await fetch(`${url}/api/v1/changes`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ changes: [{ assetId, status: { code: i % 2 ? "open" : "closed", message: `Bench ${i}` } }] }),
  });
  if (res.status !== 201) throw new Error(`POST failed: ${res.status} ${await res.text()}`);
  const deadline = Date.now() + 10_000;
  while (pending.get(seq)!.latencies.length < CLIENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const all = [...pending.values()].flatMap((p) => p.latencies).sort((a, b) => a - b);
const pct = (p: number) => all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))] ?? NaN;
const backend = `${process.env.DATABASE_URL ? "postgres" : "sqlite"}+${process.env.REDIS_URL ? "redis" : "in-process"}`;
const result = {
  date: new Date().toISOString(),
  backend,
  clients: CLIENTS,
  changes: CHANGES,
  transport,
  deliveries: all.length,
  expectedDeliveries: CLIENTS * CHANGES,
  withinOneSecond: all.filter((ms) => ms <= 1000).length / (CLIENTS * CHANGES),
  latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: all.at(-1) ?? NaN },
  connectAllMs: Math.round(connectMs),
  serverRssMb: { idle: Math.round(rssBefore), withClients: Math.round(rssConnected) },
  serverKbPerClient: Math.round(((rssConnected - rssBefore) * 1024) / CLIENTS),
};
console.log(JSON.stringify(result, null, 2));
mkdirSync("bench/results", { recursive: true });
writeFileSync(`bench/results/fanout-${CLIENTS}-${transport}-${backend}.json`, JSON.stringify(result, null, 2) + "\n");
sockets.forEach((s) => s.disconnect());
child.kill("SIGTERM");
process.exit(0);
