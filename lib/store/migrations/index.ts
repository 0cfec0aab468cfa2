import type { Migration } from "kysely";
import { coreMigration } from "./0001-core";
import { noticesMigration } from "./0002-notices";
import { webhooksMigration } from "./0010-webhooks";

/**
 * Every migration, in order. Names sort in the order they run; add new ones at the end and
 * never edit one that has shipped. Each is written once with Kysely's schema builder so that
 * SQLite and PostgreSQL get the same tables (`bigint` is an integer in SQLite).
 */
export const MIGRATIONS: Record<string, Migration> = {
  "0001_core": coreMigration,
  "0002_notices": noticesMigration,
  "0010_webhooks": webhooksMigration,
};
