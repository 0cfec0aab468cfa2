import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./database";
import { createStore, type Store } from "./store";

const INT8_OID = 20;

export interface PostgresOptions {
  url: string;
  /** A schema to create and use instead of `public`, e.g. one per test run. */
  schema?: string;
  maxConnections?: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresStore(options: PostgresOptions): Promise<Store> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`Invalid PostgreSQL schema name: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
    // Seqs and epoch-millisecond times are bigint; they fit a JS number exactly.
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by a database restart must not crash the process (an unhandled
  // 'error' event); the pool replaces it, and queries meanwhile fail and are answered 503.
  pool.on("error", () => undefined);
  // The pool listens for errors only on idle connections. A checked-out one (inside a transaction,
  // between its statements) whose server goes away emits 'error' with no listener, which crashes
  // the process; its queries fail anyway, so the event itself can be dropped.
  pool.on("connect", (client) => void client.on("error", () => undefined));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (options.schema) await sql`create schema if not exists ${sql.id(options.schema)}`.execute(db);
  return createStore(db, "postgres", { driver: { type: "postgres", pool } });
}

/** Drops a schema made by openPostgresStore, for test clean-up. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
