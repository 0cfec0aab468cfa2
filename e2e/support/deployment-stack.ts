import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { once } from "node:events";
import pg from "pg";
import { Redis } from "ioredis";
import { buildIfNeeded } from "../../scripts/build-if-needed.mjs";
import { withBuildLock } from "./build-lock.mjs";

/**
 * The reference deployment of deploy/, for real: nginx with deploy/nginx's own include files in
 * front of two production Snowline nodes on one fresh PostgreSQL database and the shared Redis.
 *
 * Two nginx servers: `balanced` spreads requests over both nodes (the deployment as documented),
 * `nodeBOnly` reaches node B alone, so a page's live connection is known to be on B.
 */
export interface DeploymentStack {
  balanced: string;
  nodeBOnly: string;
  nodeA: string;
  nodeB: string;
  /** An API token, made with the real CLI on the shared database. */
  token: string;
  stop(): Promise<void>;
}

const DATABASE_SERVER_URL = process.env.SNOWLINE_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.SNOWLINE_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const NGINX = process.env.NGINX_PATH ?? "nginx";
const NGINX_INCLUDES = resolve("deploy/nginx");
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Why this machine cannot run the deployment test, or null when it can. */
export async function missingForDeployment(): Promise<string | null> {
  if (spawnSync(NGINX, ["-v"]).error) return "nginx is missing: install it with `apt-get install -y nginx` (or set NGINX_PATH)";
  const client = new pg.Client({ connectionString: DATABASE_SERVER_URL });
  try {
    await client.connect();
  } catch {
    return `PostgreSQL is not reachable at ${DATABASE_SERVER_URL}: install and start postgresql (or set SNOWLINE_TEST_DATABASE_URL)`;
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    return `Redis is not reachable at ${REDIS_URL}: install and start redis-server (or set SNOWLINE_TEST_REDIS_URL)`;
  } finally {
    redis.disconnect();
  }
  return null;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

/** Resolves once something accepts connections on the port; fails if `proc` exits first. */
async function acceptsConnections(port: number, proc: ChildProcess, name: string): Promise<void> {
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${name} exited with code ${proc.exitCode}`);
    const socket = createConnection({ host: "127.0.0.1", port });
    const connected = await new Promise<boolean>((resolve) => {
      socket.once("connect", () => resolve(true));
      socket.once("error", () => resolve(false));
    });
    socket.destroy();
    if (connected) return;
    // Refused: the process is still starting. Wait for it to do something before asking again.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts one node and resolves once it prints that it is listening (main.ts does, after migrating and seeding). */
async function startNode(name: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const node = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    node.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Snowline is running at")) resolve();
    });
    node.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    node.once("exit", (code) => reject(new Error(`node ${name} exited with code ${code} before listening:\n${output}`)));
  });
  return node;
}

async function stopProcess(proc: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, "exit");
  proc.kill(signal);
  await exited;
}

/**
 * An nginx.conf of this run around the repo's own include files: the upstreams name the test's
 * nodes, and every path is inside the run's folder (nginx runs unprivileged from there).
 */
function nginxConf(dir: string, port: number, nodePorts: number[]): string {
  const servers = nodePorts.map((n) => `        server 127.0.0.1:${n} max_fails=1 fail_timeout=5s;`).join("\n");
  return `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
    include ${NGINX_INCLUDES}/snowline-http.conf;
    access_log ${dir}/access.log snowline;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    proxy_cache_path ${dir}/cache levels=1:2 keys_zone=snowline:4m max_size=64m inactive=10m use_temp_path=off;
    upstream snowline {
${servers}
        keepalive 8;
    }
    upstream snowline_live {
        hash $remote_addr consistent;
${servers}
    }
    server {
        listen 127.0.0.1:${port};
        include ${NGINX_INCLUDES}/snowline-locations.conf;
    }
}
`;
}

/** One nginx from a config in its own folder, checked with `nginx -t` first so a mistake reads plainly. */
async function startNginx(root: string, name: string, nodePorts: number[], port: number): Promise<{ url: string; proc: ChildProcess }> {
  const dir = join(root, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  // As root, nginx's workers run as nobody: they must reach the cache and temp folders in here.
  chmodSync(root, 0o755);
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, "nginx.conf"), nginxConf(dir, port, nodePorts));
  const args = ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log")];
  const check = spawnSync(NGINX, [...args, "-t"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t refused the configuration:\n${check.stderr}`);
  const proc = spawn(NGINX, [...args, "-g", "daemon off;"], { stdio: "inherit" });
  await acceptsConnections(port, proc, `nginx ${name}`).catch(async (error: unknown) => {
    await stopProcess(proc, "SIGQUIT");
    throw error;
  });
  return { url: `http://127.0.0.1:${port}`, proc };
}

export async function startDeployment(): Promise<DeploymentStack> {
  const host = new URL(DATABASE_SERVER_URL).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Refusing to create and drop databases on non-local ${DATABASE_SERVER_URL}`);
  await withBuildLock(buildIfNeeded);

  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const database = `snowline_deploy_${runId}`;
  const admin = new pg.Client({ connectionString: DATABASE_SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const databaseUrl = Object.assign(new URL(DATABASE_SERVER_URL), { pathname: `/${database}` }).toString();
  const root = mkdtempSync(join(tmpdir(), "snowline-deploy-"));
  const processes: ChildProcess[] = [];
  const nginxProcesses: ChildProcess[] = [];

  const stop = async () => {
    await Promise.all(nginxProcesses.map((proc) => stopProcess(proc, "SIGQUIT")));
    await Promise.all(processes.map((proc) => stopProcess(proc, "SIGTERM")));
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    rmSync(root, { recursive: true, force: true });
  };

  try {
    const [portA, portB] = [await freePort(), await freePort()];
    const balancedPort = await freePort();
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      // The shared Redis may serve other runs: this one's messages and counters stay apart.
      SNOWLINE_BUS_NAMESPACE: `snowline_deploy_${runId}`,
      SNOWLINE_PUBLIC_URL: `http://127.0.0.1:${balancedPort}`,
      SNOWLINE_TRUST_PROXY: "1",
      SNOWLINE_DEMO: "1",
      LOG_LEVEL: "warn",
      SNOWLINE_TILE_URL: "http://tiles.snowline.test/{z}/{x}/{y}.png",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // A loads the demo council into the empty database; B starts once it is there.
    processes.push(await startNode("A", portA, env));
    processes.push(await startNode("B", portB, env));
    const tokenOutput = spawnSync(process.execPath, ["bin/snowline.mjs", "token", "add", "deployment"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    if (tokenOutput.status !== 0) throw new Error(`snowline token add failed:\n${tokenOutput.stderr}`);

    const balanced = await startNginx(root, "balanced", [portA, portB], balancedPort);
    nginxProcesses.push(balanced.proc);
    const nodeBOnly = await startNginx(root, "node-b-only", [portB], await freePort());
    nginxProcesses.push(nodeBOnly.proc);
    return {
      balanced: balanced.url,
      nodeBOnly: nodeBOnly.url,
      nodeA: `http://127.0.0.1:${portA}`,
      nodeB: `http://127.0.0.1:${portB}`,
      token: tokenOutput.stdout.trim().split("\n").at(-1)!,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
