// Services a fault drill owns and may break: its own redis-server on a free port, and a TCP load
// balancer in front of the nodes (what sends a browser to another node when one stops).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";

/** The drills start and kill their own redis-server; without the binary they are skipped (a failure under CI). */
export const isRedisServerMissing = spawnSync("redis-server", ["--version"]).status !== 0;
if (isRedisServerMissing) {
  const advice = "redis-server is not installed: the fault drills need it (Debian: apt-get install -y redis-server).";
  if (process.env.CI) throw new Error(`${advice} CI=true, so this is a failure.`);
  console.warn(`\n!!! Skipping the fault drills. ${advice}\n`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface OwnRedis {
  url: string;
  /** SIGKILL: no goodbye to clients, like a crashed or unplugged Redis. */
  kill(): Promise<void>;
  /** Starts again on the same port (empty: pub/sub keeps nothing anyway). */
  start(): Promise<void>;
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      child = started;
      let output = "";
      started.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      });
      started.once("error", reject);
      started.once("exit", (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)));
    });
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => {
      running.once("exit", resolve);
      running.kill("SIGKILL");
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, start };
}

export interface LoadBalancer {
  url: string;
  setBackends(urls: string[]): void;
  close(): Promise<void>;
}

/**
 * Round-robin TCP balancer. A backend that refuses the connection (a stopping node no longer
 * listens) is skipped, as a real balancer's health check would.
 */
export async function startLoadBalancer(): Promise<LoadBalancer> {
  let backends: { host: string; port: number }[] = [];
  let next = 0;
  const sockets = new Set<net.Socket>();

  function connectTo(client: net.Socket, tries: number): void {
    if (!backends.length || tries >= backends.length) {
      client.destroy();
      return;
    }
    const backend = backends[next++ % backends.length]!;
    const upstream = net.connect(backend);
    sockets.add(upstream);
    upstream.once("close", () => sockets.delete(upstream));
    const onRefused = () => connectTo(client, tries + 1);
    upstream.once("error", onRefused);
    upstream.once("connect", () => {
      upstream.off("error", onRefused);
      // pipe() passes each side's end on after the data, so an answer is never cut off.
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
      client.pipe(upstream).pipe(client);
      client.resume();
    });
  }

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.once("close", () => sockets.delete(client));
    connectTo(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setBackends(urls) {
      backends = urls.map((u) => ({ host: new URL(u).hostname, port: Number(new URL(u).port) }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
