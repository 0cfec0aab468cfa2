import type { Db } from "./database";

// Each open store's query builder, kept off the Store interface so that callers cannot reach past
// its repositories. Only lib/store/testing.ts reads it (ESLint keeps everything else out).
const QUERY_BUILDERS = new WeakMap<object, Db>();

export function rememberQueryBuilder(store: object, db: Db): void {
  QUERY_BUILDERS.set(store, db);
}

export function queryBuilderOf(store: object): Db {
  const db = QUERY_BUILDERS.get(store);
  if (!db) throw new Error("This store was not made by createStore");
  return db;
}
