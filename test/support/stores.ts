import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";
import { openPostgresStore, dropPostgresSchema } from "../../lib/store/postgres-store";
import { openSqliteStore } from "../../lib/store/sqlite-store";
import type { Store } from "../../lib/store/store";
import { isPostgresMissing, TEST_DATABASE_URL, uniqueName } from "./services";

export interface StoreFactory {
  name: "sqlite" | "postgres";
  /** Opens a fresh, empty store and returns it with its clean-up. */
  open(): Promise<{ store: Store; dispose(): Promise<void> }>;
}

export const sqliteFactory: StoreFactory = {
  name: "sqlite",
  async open() {
    const dir = mkdtempSync(join(tmpdir(), "snowline-test-"));
    const store = await openSqliteStore(dir);
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

export const postgresFactory: StoreFactory = {
  name: "postgres",
  async open() {
    const schema = uniqueName("snl_test");
    const store = await openPostgresStore({ url: TEST_DATABASE_URL, schema });
    return {
      store,
      async dispose() {
        await store.close();
        await dropPostgresSchema(TEST_DATABASE_URL, schema);
      },
    };
  },
};

/** Runs one contract suite against every store implementation (PostgreSQL skipped only outside CI when absent). */
export function describeEachStore(title: string, suite: (factory: StoreFactory) => void): void {
  describe(`${title} [sqlite]`, () => suite(sqliteFactory));
  describe.skipIf(isPostgresMissing())(`${title} [postgres]`, () => suite(postgresFactory));
}
