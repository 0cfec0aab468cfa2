// Part 3 of bench:surge, the 7am surge: page views arriving open loop at a stepped rate on one
// Snowline node (core 0), generated here (core 1), while an officer posts changes; per step, how
// fast pages came back and how fast changes reached the sockets open at that moment.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { cpuMeter, GENERATOR_SATURATED, SERVER_CORE } from "./cpu";
import { Officer, type Post } from "./officer";
import { PageViews, type SocketRecord } from "./page-views";
import { summarize, type LatencySummary } from "./percentiles";
import { startSnowlineNode, type Council } from "./snowline-node";

export interface SurgeOptions {
  council: Council;
  /** Page views per second, one step each. */
  rates: number[];
  stepSeconds: number;
  holdSeconds: number;
  changeEverySeconds: number;
  bulkSize: number;
  httpConnections: number;
}

export const SURGE_TARGET = { httpP99Ms: 500, deliveryP99Ms: 1000 } as const;
/** A socket counts as a recipient of a post if it was connected when the post left and stays open this long after. */
const DELIVERY_GRACE_MS = 1000;
/** The generator is behind (so the arrivals are not the rate asked) when page views start this late at p99. */
const ARRIVAL_LAG_LIMIT_MS = 100;
/** Errors that mean the generator's machine ran out of something (descriptors, ports), not the server. */
const CLIENT_RESOURCE_ERRORS = new Set(["EMFILE", "ENFILE", "EADDRNOTAVAIL", "ENOBUFS"]);

export interface SurgeStepResult {
  rate: number;
  seconds: number;
  pageViews: number;
  http: LatencySummary & { errors: number; errorKinds: Record<string, number>; byPath: Record<string, LatencySummary> };
  sockets: { opened: number; failed: number; failureKinds: Record<string, number>; openAtStepEnd: number };
  delivery: LatencySummary & { posts: number; failedPosts: number; expected: number; delivered: number; ratio: number | null };
  generator: { cpu: number; arrivalLagP99Ms: number | null; eventLoopDelayP99Ms: number; bound: boolean; reasons: string[] };
  serverCpu: number | null;
  passes: boolean;
}

export interface SurgeResult {
  council: Council;
  options: SurgeOptions;
  steps: SurgeStepResult[];
  /** Highest rate whose step met every target without the generator at its limit; null if none. */
  highestPassingRate: number | null;
}

function countKinds(kinds: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of kinds) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** Latency of each (post, socket that should have got it); Infinity when it never came. */
function deliveryLatencies(posts: Post[], sockets: SocketRecord[]): number[] {
  const latencies: number[] = [];
  for (const post of posts) {
    if (post.seq === null) continue;
    for (const socket of sockets) {
      if (socket.connectedAt === null || socket.connectedAt > post.postedAt) continue;
      if (socket.closedAt !== null && socket.closedAt < post.postedAt + DELIVERY_GRACE_MS) continue;
      const message = socket.messages.find(([seq]) => seq >= post.seq!);
      latencies.push(message ? message[1] - post.postedAt : Infinity);
    }
  }
  return latencies;
}

interface StepMeters {
  startedAt: number;
  cpuAtStart: NodeJS.CpuUsage;
  server: ReturnType<typeof cpuMeter>;
  loopDelay: ReturnType<typeof monitorEventLoopDelay>;
  arrivalLags: number[];
  openAtEnd: number;
  generatorCpu: number;
  serverCpu: number | null;
  eventLoopDelayP99Ms: number;
}

/** Sends `rate` page views a second for the step, each due at its own time (open loop: never waiting for answers). */
function runArrivals(rate: number, seconds: number, onDue: (dueAt: number) => void, lags: number[]): Promise<void> {
  const total = Math.round(rate * seconds);
  const startedAt = performance.now();
  let started = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - startedAt) / 1000) * rate) + 1);
      for (; started < due; started++) {
        const dueAt = startedAt + (started * 1000) / rate;
        lags.push(now - dueAt);
        onDue(dueAt);
      }
      if (started >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 2);
    tick();
  });
}

function stepResult(rate: number, seconds: number, step: number, meters: StepMeters, views: PageViews, officer: Officer): SurgeStepResult {
  const samples = views.http.filter((sample) => sample.step === step);
  const errors = samples.filter((sample) => sample.error !== null).map((sample) => sample.error!);
  const paths = [...new Set(samples.map((sample) => sample.path))];
  const sockets = views.sockets.filter((socket) => socket.step === step);
  const failures = sockets.filter((socket) => socket.error !== null).map((socket) => socket.error!);
  const stepPosts = officer.posts.filter((post) => post.step === step);
  const latencies = deliveryLatencies(stepPosts, views.sockets);
  const delivered = latencies.filter(Number.isFinite).length;
  const arrivalLagP99Ms = summarize(meters.arrivalLags).p99Ms;
  const reasons: string[] = [];
  if (meters.generatorCpu >= GENERATOR_SATURATED) reasons.push(`generator CPU ${Math.round(meters.generatorCpu * 100)}% of its core`);
  if (arrivalLagP99Ms !== null && arrivalLagP99Ms > ARRIVAL_LAG_LIMIT_MS) reasons.push(`page views started ${arrivalLagP99Ms} ms late (p99)`);
  const resourceErrors = [...errors, ...failures].filter((kind) => CLIENT_RESOURCE_ERRORS.has(kind));
  if (resourceErrors.length) reasons.push(`the generator ran out of descriptors or ports (${resourceErrors.length}× ${[...new Set(resourceErrors)].join(", ")})`);
  const http = { ...summarize(samples.map((sample) => sample.latencyMs)), errors: errors.length, errorKinds: countKinds(errors) };
  const delivery = { ...summarize(latencies), posts: stepPosts.length, failedPosts: stepPosts.filter((post) => post.error !== null).length, expected: latencies.length, delivered, ratio: latencies.length ? Math.round((delivered / latencies.length) * 10_000) / 10_000 : null };
  const bound = reasons.length > 0;
  return {
    rate,
    seconds,
    pageViews: Math.round(rate * seconds),
    http: { ...http, byPath: Object.fromEntries(paths.map((path) => [path, summarize(samples.filter((sample) => sample.path === path).map((sample) => sample.latencyMs))])) },
    sockets: { opened: sockets.filter((socket) => socket.connectedAt !== null).length, failed: failures.length, failureKinds: countKinds(failures), openAtStepEnd: meters.openAtEnd },
    delivery,
    generator: { cpu: Math.round(meters.generatorCpu * 100) / 100, arrivalLagP99Ms, eventLoopDelayP99Ms: meters.eventLoopDelayP99Ms, bound, reasons },
    serverCpu: meters.serverCpu === null ? null : Math.round(meters.serverCpu * 100) / 100,
    passes:
      !bound &&
      http.errors === 0 &&
      failures.length === 0 &&
      delivery.failedPosts === 0 &&
      http.p99Ms !== null &&
      http.p99Ms <= SURGE_TARGET.httpP99Ms &&
      delivery.p99Ms !== null &&
      delivery.p99Ms <= SURGE_TARGET.deliveryP99Ms,
  };
}

export async function runSurge(options: SurgeOptions, log: (line: string) => void = console.log): Promise<SurgeResult> {
  log(`surge: starting Snowline with the ${options.council} council on core 0…`);
  const node = await startSnowlineNode(options.council, SERVER_CORE);
  const views = new PageViews(node.url, options.holdSeconds * 1000, options.httpConnections);
  let officer: Officer | null = null;
  try {
    const statuses = (await (await fetch(`${node.url}/api/v1/statuses?layer=schools`)).json()) as { assets: { id: string }[] };
    officer = new Officer(node.url, node.createToken(), statuses.assets.map((asset) => asset.id));
    const meterList: StepMeters[] = [];
    for (const [step, rate] of options.rates.entries()) {
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const meters: StepMeters = { startedAt: performance.now(), cpuAtStart: process.cpuUsage(), server: cpuMeter(node.pid), loopDelay, arrivalLags: [], openAtEnd: 0, generatorCpu: 0, serverCpu: null, eventLoopDelayP99Ms: 0 };
      const writes: Promise<void>[] = [officer.post(step, "bulk", options.bulkSize)];
      const changes = setInterval(() => writes.push(officer!.post(step, "single", 1)), options.changeEverySeconds * 1000);
      await runArrivals(rate, options.stepSeconds, (dueAt) => views.start(step, dueAt), meters.arrivalLags);
      clearInterval(changes);
      const cpu = process.cpuUsage(meters.cpuAtStart);
      meters.generatorCpu = (cpu.user + cpu.system) / 1000 / (performance.now() - meters.startedAt);
      meters.serverCpu = meters.server.stop();
      meters.eventLoopDelayP99Ms = Math.round(loopDelay.percentile(99) / 1e6);
      loopDelay.disable();
      meters.openAtEnd = views.openSockets;
      meterList.push(meters);
      log(`surge: ${rate}/s done: ${views.openSockets} sockets open, generator CPU ${Math.round(meters.generatorCpu * 100)}%`);
      await Promise.all(writes);
    }
    // Deliveries of the last posts may still be on their way: give them the target's time to land.
    await new Promise((resolve) => setTimeout(resolve, SURGE_TARGET.deliveryP99Ms + DELIVERY_GRACE_MS));
    await views.close();
    const steps = options.rates.map((rate, step) => stepResult(rate, options.stepSeconds, step, meterList[step]!, views, officer!));
    const passing = steps.filter((step) => step.passes).map((step) => step.rate);
    return { council: options.council, options, steps, highestPassingRate: passing.length ? Math.max(...passing) : null };
  } finally {
    await views.close();
    await officer?.close();
    await node.stop();
  }
}
