// A drill: real nodes on a fresh PostgreSQL schema and the drill's own Redis, behind a load
// balancer; a few hundred browser-like clients running the page's own live connection (Socket.IO
// plus StatusSync); a writer posting changes. Scenarios break something, then `settle()` checks
// that nothing was lost, nothing applied twice and every client ends equal to the database.
import { spawn, type ChildProcess } from "node:child_process";
import { pino } from "pino";
import { startLiveConnection } from "../../components/live/live-connection";
import type { PublicStatusList } from "../../lib/api/public-statuses";
import type { Change } from "../../lib/domain/change";
import { systemClock } from "../../lib/domain/clock";
import { dropPostgresSchema, openPostgresStore } from "../../lib/store/postgres-store";
import type { Store } from "../../lib/store/store";
import { createRedisBus } from "../../server/bus/redis-bus";
import { createLoginThrottle } from "../../server/auth/login-throttle";
import { createRateLimits } from "../../server/http/rate-limit";
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from "../../lib/realtime/socket-limits";
import { createSnowlineServer, type SnowlineServer } from "../../server/create-server";
import { sampleAssets, T0 } from "../support/fixtures";
import { TEST_DATABASE_URL, uniqueName } from "../support/services";
import { startLoadBalancer, startOwnRedis, type LoadBalancer, type OwnRedis } from "./services";

/** Waits for a condition, checking every 50 ms; false if it has not held within `timeoutMs`. */
const DRILL_SOCKET_LIMITS: SocketLimits = {
  ...DEFAULT_SOCKET_LIMITS,
  perSocket: { burst: 1_000_000, perSecond: 1_000_000 },
  perAddress: { burst: 1_000_000, perSecond: 1_000_000 },
  maxConnectionsPerAddress: 100_000,
};

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface DrillNode {
  url: string;
  /** The in-process server, when the node runs in the test process. */
  server?: SnowlineServer;
  /** A graceful stop: SIGTERM for a child process, the same close sequence in-process. */
  stop(): Promise<void>;
  /** SIGKILL (child processes only): connections just drop. */
  kill(): Promise<void>;
}

export interface DrillClient {
  /** How many times each seq was applied. */
  applied: Map<number, number>;
  /** assetId → the status JSON the client shows. */
  state: Map<string, string>;
  /** Seqs up to this were covered by a full reload. */
  reloadedUpTo: number;
  isLive: boolean;
  stop(): void;
}

export interface PostAttempt {
  /** HTTP status, or 0 when no answer came (connection refused, reset, timed out). */
  status: number;
  retryAfter: string | null;
  /** Answered from the Idempotency-Key's record rather than by running the write. */
  replayed: boolean;
}

export interface PostRecord {
  message: string;
  key?: string;
  /** The last attempt's HTTP status, or 0 when no answer came (connection refused, reset, timed out). */
  status: number;
  /** The batch's seq, from a 201. */
  seq?: number;
  /** Every answer, in order: a POST with an Idempotency-Key is retried on 503, 409 and no answer. */
  attempts: PostAttempt[];
  /** performance.now() at the last answer. */
  answeredAt?: number;
  error?: string;
}

export interface PostOptions {
  /** The node to send to; the balancer by default. */
  via?: string;
  /** Sends this Idempotency-Key and retries with it after Retry-After on 503, 409 or no answer. */
  key?: string;
  /** The change's message; a new one by default. The same message gives the same body. */
  message?: string;
}

export interface DrillReport {
  scenario: string;
  /** From faultStarted() to faultEnded(). */
  faultMs: number;
  postsOk: number;
  postsFailed: number;
  /** POSTs answered 201 that the database lacks, plus changes a client never got. */
  lost: number;
  appliedTwice: number;
  /** Messages the database holds more than once. */
  storedTwice: number;
  diverged: number;
  /** Clients not connected at the end. */
  stranded: number;
  /** POSTs that got no answer or an error but were stored. */
  unansweredCommits: number;
  /**
   * From faultEnded() to every client live and caught up with the database: holding every change
   * up to the head when the fault ended and up to the first POST answered 201 after it.
   */
  convergeMs: number;
}

const reports: DrillReport[] = [];

export function printDrillTable(): void {
  if (!reports.length) return;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const header =
    "| scenario | fault lasted | POSTs ok | POSTs failed | lost | applied twice | stored twice | clients diverged | stranded | failed but stored | converged after the fault ended |";
  const rows = reports.map(
    (r) =>
      `| ${r.scenario} | ${seconds(r.faultMs)} | ${r.postsOk} | ${r.postsFailed} | ${r.lost} | ${r.appliedTwice} | ${r.storedTwice} | ${r.diverged} | ${r.stranded} | ${r.unansweredCommits} | ${seconds(r.convergeMs)} |`,
  );
  console.log(["", header, `|${"---|".repeat(11)}`, ...rows, ""].join("\n"));
}

/** How many browser-like clients a drill runs; a few hundred by default, fewer on a busy laptop. */
export const DRILL_CLIENTS = Number(process.env.SNOWLINE_FAULT_CLIENTS ?? 200);

const SCHOOLS = ["school-1", "school-2", "school-3"];

export interface Drill {
  redis: OwnRedis;
  lb: LoadBalancer;
  /** The drill's own connection, for checks. */
  store: Store;
  token: string;
  schema: string;
  namespace: string;
  nodes: DrillNode[];
  clients: DrillClient[];
  posts: PostRecord[];
  /** Starts a node and puts it behind the balancer. */
  addNode(kind?: "in-process" | "process"): Promise<DrillNode>;
  /** Takes a node out of the list (the balancer would skip it anyway once it stops listening). */
  removeNode(node: DrillNode): void;
  connectClients(count: number): Promise<void>;
  /** One POST of a change (a message of its own unless given), recorded for settle(). */
  post(options?: PostOptions): Promise<PostRecord>;
  /**
   * Posts `perSecond` changes a second through the balancer until settle(); with `idempotent`,
   * each with an Idempotency-Key of its own, retried with it after Retry-After.
   */
  startWriter(perSecond?: number, options?: { idempotent?: boolean }): void;
  /** Resolves once `count` more POSTs have been answered 201. */
  postsAccepted(count: number, timeoutMs?: number): Promise<boolean>;
  /** How many answers (retries included) had this HTTP status. */
  answers(status: number): number;
  /** The fault begins now (a stop, a kill, an outage). */
  faultStarted(): void;
  /** The fault is over (the node has stopped, the service is back): convergence is timed from here. */
  faultEnded(): void;
  settle(scenario: string, options?: { convergeTimeoutMs?: number }): Promise<DrillReport>;
  close(): Promise<void>;
}

export interface DrillOptions {
  /**
   * The PostgreSQL the nodes use; the shared test database by default. A drill that stops the
   * database passes its own instance here.
   */
  databaseUrl?: string;
}

export async function openDrill(options: DrillOptions = {}): Promise<Drill> {
  const databaseUrl = options.databaseUrl ?? TEST_DATABASE_URL;
  // The page warns on the console whenever a resume is cut short by a stopping node; with hundreds
  // of clients that is hundreds of expected lines, so they are hidden unless TEST_LOG_LEVEL is set.
  const warn = console.warn;
  if (!process.env.TEST_LOG_LEVEL) console.warn = () => {};
  const redis = await startOwnRedis();
  const lb = await startLoadBalancer();
  const schema = uniqueName("snl_fault");
  const namespace = uniqueName("snl_fault");
  const store = await openPostgresStore({ url: databaseUrl, schema, maxConnections: 4 });
  await store.upsertAssets(sampleAssets(), T0);
  const { token } = await store.tokens.create("drill", Date.now());
  const initialSeq = await store.headSeq();
  const nodes: DrillNode[] = [];
  const clients: DrillClient[] = [];
  const posts: PostRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  let writer: ReturnType<typeof setInterval> | null = null;
  let postNumber = 0;
  let faultStartedAt: number | null = null;
  let faultEndedAt: number | null = null;
  let convergence: Promise<number> | null = null;
  const routeToNodes = () => lb.setBackends(nodes.map((n) => n.url));

  async function startInProcessNode(): Promise<DrillNode> {
    const nodeStore = await openPostgresStore({ url: databaseUrl, schema, maxConnections: 4 });
    const bus = await createRedisBus({ url: redis.url, namespace, onError: () => {} });
    const server = await createSnowlineServer({
      store: nodeStore,
      bus,
      throttle: createLoginThrottle({ type: "redis", client: bus.client, namespace }),
      clock: systemClock,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
      webhooks: { autoRun: false },
      // Every drill client connects from 127.0.0.1, and the resume race resumes and posts in tight
      // loops, which no browser or newsroom does: the drills test faults, so the budgets step aside.
      realtime: { limits: DRILL_SOCKET_LIMITS },
      rateLimits: createRateLimits({ type: "memory" }, { writesPerMinute: 1_000_000, readsPerMinute: 1_000_000 }),
    });
    const url = await server.listen(0, "127.0.0.1");
    let stopped: Promise<void> | null = null;
    return {
      url,
      server,
      // The shutdown sequence of server/main.ts.
      stop: () =>
        (stopped ??= (async () => {
          await server.close();
          await bus.close();
          await nodeStore.close();
        })()),
      kill: () => Promise.reject(new Error("only a child-process node can be killed")),
    };
  }

  async function startProcessNode(): Promise<DrillNode> {
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "test/support/node-process.ts"], {
      env: { ...process.env, TEST_DATABASE_URL: databaseUrl, TEST_SCHEMA: schema, TEST_REDIS_URL: redis.url, TEST_NAMESPACE: namespace },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const url = await new Promise<string>((resolve, reject) => {
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /READY (\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`node exited with ${code} before it was ready`)));
    });
    const signal = (name: NodeJS.Signals) => async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(name);
      await exited;
    };
    return { url, stop: signal("SIGTERM"), kill: signal("SIGKILL") };
  }

  function connectClient(): DrillClient {
    const client: DrillClient = { applied: new Map(), state: new Map(), reloadedUpTo: initialSeq, isLive: false, stop: () => {} };
    client.stop = startLiveConnection(
      {
        initialSeq,
        onChanges(changes: Change[]) {
          for (const change of changes) {
            client.applied.set(change.seq, (client.applied.get(change.seq) ?? 0) + 1);
            client.state.set(change.assetId, JSON.stringify(change.status));
          }
        },
        async refetch() {
          const res = await fetch(`${lb.url}/api/v1/statuses`);
          if (!res.ok) throw new Error(`statuses ${res.status}`);
          const list = (await res.json()) as PublicStatusList;
          for (const asset of list.assets) client.state.set(asset.id, JSON.stringify(asset.status));
          client.applied.clear();
          client.reloadedUpTo = list.seq;
          return list.seq;
        },
        onNotices() {},
        onState(state) {
          client.isLive = state === "live";
        },
        onSynced() {},
      },
      { isOnline: () => true, watch: () => () => {} },
      lb.url,
    );
    return client;
  }

  /** Gives up on a change after this many answers (a minute of 5 s Retry-Afters is 12). */
  const MAX_ATTEMPTS = 30;
  const RETRYABLE = new Set([0, 409, 503]);

  async function post(options: PostOptions = {}): Promise<PostRecord> {
    postNumber += 1;
    const message = options.message ?? `drill ${postNumber}`;
    const record: PostRecord = { message, key: options.key, status: 0, attempts: [] };
    posts.push(record);
    const school = SCHOOLS[[...message].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % SCHOOLS.length];
    const body = JSON.stringify({ changes: [{ assetId: school, status: { code: "closed", message } }] });
    const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${token}` };
    if (options.key) headers["idempotency-key"] = options.key;
    for (;;) {
      const attempt: PostAttempt = { status: 0, retryAfter: null, replayed: false };
      try {
        const res = await fetch(`${options.via ?? lb.url}/api/v1/changes`, { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
        attempt.status = res.status;
        attempt.retryAfter = res.headers.get("retry-after");
        attempt.replayed = res.headers.get("idempotent-replayed") === "true";
        const text = await res.text();
        if (res.status === 201) record.seq = (JSON.parse(text) as { seq: number }).seq;
      } catch (error) {
        record.error = String((error as Error).cause ?? error);
      }
      record.attempts.push(attempt);
      record.status = attempt.status;
      record.answeredAt = performance.now();
      if (!options.key || !RETRYABLE.has(attempt.status) || record.attempts.length >= MAX_ATTEMPTS) return record;
      // Retry-After is the server's own instruction to the writer, not a synchronisation sleep.
      const waitSeconds = Number(attempt.retryAfter ?? 1) || 1;
      await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
    }
  }

  /** Every change up to `seq` applied since the client's last full reload (or covered by it). */
  const isCaughtUp = (client: DrillClient, seq: number) => {
    for (let s = client.reloadedUpTo + 1; s <= seq; s++) if (!client.applied.has(s)) return false;
    return true;
  };

  /** The time from the fault's end until every client has caught up with the database after it. */
  async function timeConvergence(since: number): Promise<number> {
    let headAtEnd = 0;
    // The database may itself be what just came back: read its head as soon as it answers.
    const readHead = async () => {
      try {
        headAtEnd = await store.headSeq();
        return true;
      } catch {
        return false;
      }
    };
    if (!(await waitUntil(readHead, 60_000))) return Number.NaN;
    const firstAfter = () => posts.find((p) => p.status === 201 && p.seq !== undefined && p.answeredAt! >= since);
    if (!(await waitUntil(() => firstAfter() !== undefined, 60_000))) return Number.NaN;
    const target = Math.max(headAtEnd, firstAfter()!.seq!);
    const converged = await waitUntil(() => clients.every((c) => c.isLive && isCaughtUp(c, target)), 60_000);
    return converged ? performance.now() - since : Number.NaN;
  }

  const drill: Drill = {
    redis,
    lb,
    store,
    token,
    schema,
    namespace,
    nodes,
    clients,
    posts,
    post,
    async addNode(kind = "in-process") {
      const node = kind === "process" ? await startProcessNode() : await startInProcessNode();
      nodes.push(node);
      routeToNodes();
      return node;
    },
    removeNode(node) {
      nodes.splice(nodes.indexOf(node), 1);
      routeToNodes();
    },
    async connectClients(count) {
      for (let i = 0; i < count; i++) clients.push(connectClient());
      if (!(await waitUntil(() => clients.every((c) => c.isLive), 60_000))) throw new Error("clients did not all connect");
    },
    startWriter(perSecond = 10, writerOptions = {}) {
      let keyNumber = 0;
      writer = setInterval(() => {
        const key = writerOptions.idempotent ? `${namespace}-${(keyNumber += 1)}` : undefined;
        const sent = post({ key }).then(() => undefined);
        inFlight.add(sent);
        void sent.finally(() => inFlight.delete(sent));
      }, 1000 / perSecond);
    },
    postsAccepted(count, timeoutMs = 60_000) {
      const target = posts.filter((p) => p.status === 201).length + count;
      return waitUntil(() => posts.filter((p) => p.status === 201).length >= target, timeoutMs);
    },
    answers(status) {
      return posts.reduce((sum, p) => sum + p.attempts.filter((a) => a.status === status).length, 0);
    },
    faultStarted() {
      faultStartedAt = performance.now();
    },
    faultEnded() {
      const now = performance.now();
      faultEndedAt = now;
      convergence = timeConvergence(now);
    },
    async settle(scenario, options = {}) {
      if (writer) clearInterval(writer);
      writer = null;
      await Promise.all(inFlight);
      const head = await store.headSeq();
      const changes = head > initialSeq ? await store.changesInRange(initialSeq + 1, head) : [];
      const expected = new Map<string, string>();
      for (const change of changes) expected.set(change.assetId, JSON.stringify(change.status));
      const isEqual = (client: DrillClient) => [...expected].every(([id, status]) => client.state.get(id) === status);
      const hasConverged = await waitUntil(() => clients.every((c) => c.isLive && isEqual(c)), options.convergeTimeoutMs ?? 60_000);
      // Without a fault (or a drill that did not say when it ended) nothing is timed.
      const convergeMs = hasConverged && convergence ? await convergence : Number.NaN;

      const stored = new Set(changes.map((c) => c.status.message));
      const timesStored = new Map<string, number>();
      for (const change of changes) timesStored.set(change.status.message ?? "", (timesStored.get(change.status.message ?? "") ?? 0) + 1);
      const missingPerClient = clients.map((c) => changes.filter((ch) => ch.seq > c.reloadedUpTo && !c.applied.has(ch.seq)).length);
      const report: DrillReport = {
        scenario,
        faultMs: faultStartedAt !== null && faultEndedAt !== null ? faultEndedAt - faultStartedAt : Number.NaN,
        postsOk: posts.filter((p) => p.status === 201).length,
        postsFailed: posts.filter((p) => p.status !== 201).length,
        lost: posts.filter((p) => p.status === 201 && !stored.has(p.message)).length + missingPerClient.reduce((a, b) => a + b, 0),
        appliedTwice: clients.reduce((sum, c) => sum + [...c.applied.values()].filter((n) => n > 1).length, 0),
        storedTwice: [...timesStored.values()].filter((n) => n > 1).length,
        diverged: clients.filter((c) => !isEqual(c)).length,
        stranded: clients.filter((c) => !c.isLive).length,
        unansweredCommits: posts.filter((p) => p.status !== 201 && stored.has(p.message)).length,
        convergeMs,
      };
      reports.push(report);
      return report;
    },
    async close() {
      if (writer) clearInterval(writer);
      await Promise.all(inFlight);
      clients.forEach((c) => c.stop());
      await Promise.allSettled(nodes.map((n) => n.stop()));
      await lb.close();
      await redis.kill();
      await store.close();
      await dropPostgresSchema(databaseUrl, schema);
      console.warn = warn;
    },
  };
  return drill;
}
