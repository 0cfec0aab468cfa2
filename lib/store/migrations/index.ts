import type { Migration } from "kysely";
import { coreMigration } from "./0001-core";
import { noticesMigration } from "./0002-notices";
import { webhooksMigration } from "./0010-webhooks";
import { usersMigration } from "./0003-users";
import { sessionsMigration } from "./0004-sessions";
import { tokenScopesMigration } from "./0005-token-scopes";
import { messageTemplatesMigration } from "./0006-message-templates";
import { noticeAuditMigration } from "./0007-notice-audit";
import { loginThrottleMigration } from "./0008-login-throttle";
import { auditIndexesMigration } from "./0009-audit-indexes";
import { idempotencyKeysMigration } from "./0011-idempotency-keys";
import { accountEventsMigration } from "./0012-account-events";
import { auditChainMigration } from "./0012-headers-audit-chain";

/**
 * Every migration, in order. Names sort in the order they run; add new ones at the end and
 * never edit one that has shipped. Each is written once with Kysely's schema builder so that
 * SQLite and PostgreSQL get the same tables (`bigint` is an integer in SQLite).
 */
export const MIGRATIONS: Record<string, Migration> = {
  "0001_core": coreMigration,
  "0002_notices": noticesMigration,
  "0010_webhooks": webhooksMigration,
  "0003_users": usersMigration,
  "0004_sessions": sessionsMigration,
  "0005_token_scopes": tokenScopesMigration,
  "0006_message_templates": messageTemplatesMigration,
  "0007_notice_audit": noticeAuditMigration,
  "0008_login_throttle": loginThrottleMigration,
  "0009_audit_indexes": auditIndexesMigration,
  "0011_idempotency_keys": idempotencyKeysMigration,
  "0012_accounts_account_events": accountEventsMigration,
  "0012_headers_audit_chain": auditChainMigration,
};
