import type { Kysely } from "kysely";
import type { WebhookTables } from "./webhook-tables";

/** Times are epoch milliseconds in both dialects; JSON is stored as text. */
export interface AssetsTable {
  id: string;
  layer: string;
  name: string;
  geometry: string;
  attributes: string;
  created_at: number;
  updated_at: number;
}

export interface AssetStatusTable {
  asset_id: string;
  code: string;
  message: string;
  from_ms: number | null;
  until_ms: number | null;
  set_at: number;
  upcoming: string | null;
  version: number;
  last_seq: number;
  /** The earliest time this status changes by itself (until, or the upcoming status's from). */
  due_at: number | null;
}

export interface ChangesTable {
  seq: number;
  asset_id: string;
  layer: string;
  kind: string;
  at: number;
  /** The public status after the change, as JSON. */
  status: string;
  /** The internal state before the change, as JSON, for the audit trail and undo. */
  previous: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  ip: string | null;
  /** The asset's name when the change was made; null only before migration 0012 filled it. */
  asset_name: string | null;
  /** Hash of the entry before (lib/audit/audit-chain.ts); null only before migration 0012 ran. */
  prev_hash: string | null;
  /** Hash of the previous hash and this entry's content. */
  hash: string | null;
}

export interface SeqCounterTable {
  id: number;
  value: number;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  last_used_at: number | null;
  /** JSON array of layers; null means every layer. */
  layers: string | null;
  created_by_name: string | null;
}

export interface NoticesTable {
  id: string;
  level: string;
  text: string;
  from_ms: number | null;
  until_ms: number | null;
  created_at: number;
  created_by_type: string;
  created_by_id: string | null;
  created_by_name: string;
  created_ip: string | null;
  ended_at: number | null;
  ended_by_name: string | null;
  ended_by_type: string | null;
  ended_by_id: string | null;
  ended_ip: string | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  layers: string;
  assets: string;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
  disabled_at: number | null;
  last_sign_in_at: number | null;
}

export interface SignInLinksTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface MessageTemplatesTable {
  id: string;
  layer: string;
  name: string;
  message: string;
  created_at: number;
  created_by_name: string;
}

export interface IdempotencyKeysTable {
  /** Whose key it is: `token:<id>` or `user:<id>`. */
  scope: string;
  key: string;
  request_hash: string;
  created_at: number;
  /** The batch the request stored, written in the batch's transaction; null for other writes. */
  from_seq: number | null;
  to_seq: number | null;
  /** The answer, once there is one; null while the request is in progress. */
  status: number | null;
  body: string | null;
}

/** Owned by rate-limiter-flexible; declared so migrations and tests can name it. */
export interface LoginThrottleTable {
  key: string;
  points: number;
  expire: number | null;
}

export interface AccountEventsTable {
  id: string;
  at: number;
  kind: string;
  actor_type: string | null;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  subject_user_id: string | null;
  subject: string | null;
}

export interface Database extends WebhookTables {
  account_events: AccountEventsTable;
  assets: AssetsTable;
  asset_status: AssetStatusTable;
  changes: ChangesTable;
  seq_counter: SeqCounterTable;
  api_tokens: ApiTokensTable;
  notices: NoticesTable;
  users: UsersTable;
  sign_in_links: SignInLinksTable;
  sessions: SessionsTable;
  message_templates: MessageTemplatesTable;
  login_throttle: LoginThrottleTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type Db = Kysely<Database>;
export type Dialect = "sqlite" | "postgres";
