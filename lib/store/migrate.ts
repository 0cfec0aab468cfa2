import { type Kysely, type MigrationProvider, Migrator } from "kysely";
import { MIGRATIONS } from "./migrations/index";

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * `schema` must be given on PostgreSQL: without it Kysely looks for its bookkeeping tables in
 * every schema and is fooled by another schema's (say, a parallel test run's).
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? "");
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${reason}`);
  }
}
