import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-errors";

const failureOf = async (work: () => unknown): Promise<unknown> => {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
};

describe("isDatabaseUnavailable, with errors the real drivers throw", () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it("is true for PostgreSQL refusing the connection (nothing listening on the port)", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/test` });
    expect(isDatabaseUnavailable(await failureOf(() => client.connect()))).toBe(true);
  });

  it("is true for SQLite locked by another writer past the busy timeout, false for a bad query", () => {
    const dir = mkdtempSync(join(tmpdir(), "snowline-errors-"));
    const holder = new SqliteDatabase(join(dir, "db.sqlite"));
    const other = new SqliteDatabase(join(dir, "db.sqlite"));
    cleanups.push(() => {
      holder.close();
      other.close();
      rmSync(dir, { recursive: true, force: true });
    });
    holder.exec("create table t (x integer)");
    other.pragma("busy_timeout = 0");
    holder.exec("begin exclusive");
    const busy = (() => {
      try {
        other.exec("insert into t values (1)");
      } catch (error) {
        return error;
      }
    })();
    holder.exec("rollback");
    expect(isDatabaseUnavailable(busy)).toBe(true);
    const badQuery = (() => {
      try {
        other.exec("select nope from t");
      } catch (error) {
        return error;
      }
    })();
    expect(isDatabaseUnavailable(badQuery)).toBe(false);
    expect(isDatabaseUnavailable(new Error("unrelated"))).toBe(false);
  });
});
