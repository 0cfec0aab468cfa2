import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const POSTGRES_LIB = "/usr/lib/postgresql";

/**
 * A PostgreSQL cluster of a test's own, on a free port, that the test may stop and start again to
 * stage an outage. Never the shared service: its data folder is a fresh temporary one.
 */
export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster if running and deletes its folder. */
  dispose(): Promise<void>;
}

/** The folder of initdb and pg_ctl (SNOWLINE_PG_BIN, else Debian's newest), or null when absent. */
export function postgresBinDir(): string | null {
  const configured = process.env.SNOWLINE_PG_BIN;
  if (configured) return existsSync(join(configured, "pg_ctl")) ? configured : null;
  if (!existsSync(POSTGRES_LIB)) return null;
  const versions = readdirSync(POSTGRES_LIB)
    .filter((v) => existsSync(join(POSTGRES_LIB, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(POSTGRES_LIB, versions[0]!, "bin") : null;
}

const isRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: there, commands run as the `postgres` user. */
async function userIds(): Promise<{ uid: number; gid: number } | null> {
  if (!isRoot()) return null;
  const { stdout: uid } = await run("id", ["-u", "postgres"]);
  const { stdout: gid } = await run("id", ["-g", "postgres"]);
  return { uid: Number(uid), gid: Number(gid) };
}

export const canStartThrowawayPostgres = (): boolean => postgresBinDir() !== null;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("PostgreSQL's initdb and pg_ctl were not found; install postgresql or set SNOWLINE_PG_BIN");
  const ids = await userIds();
  const dir = mkdtempSync(join(tmpdir(), "snowline-pg-"));
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const data = join(dir, "data");
  const port = await freePort();
  const pg = (tool: string, args: string[]) =>
    ids ? run("runuser", ["-u", "postgres", "--", join(bin, tool), ...args]) : run(join(bin, tool), args);

  await pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  let isRunning = false;
  const cluster: ThrowawayPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
      await pg("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-o", options, "-w", "start"]);
      isRunning = true;
    },
    async stop() {
      await pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      isRunning = false;
    },
    async dispose() {
      if (isRunning) await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}
