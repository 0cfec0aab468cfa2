/** Rows of the outbound-webhook tables (migration 0010). Times are epoch milliseconds. */
export interface WebhooksTable {
  id: string;
  url: string;
  /** Kept in clear: every delivery is signed with it. Shown once, when the webhook is added. */
  secret: string;
  /** JSON array of layer names. */
  layers: string;
  created_at: number;
  created_by_name: string;
  disabled_at: number | null;
}

export interface WebhookDeliveriesTable {
  /** Also the delivery id the receiver sees; the same on every retry. */
  id: string;
  webhook_id: string;
  from_seq: number;
  to_seq: number;
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: number;
  /** A node that claimed the delivery holds it until then; after that another may take it over. */
  lease_until: number | null;
  created_at: number;
  delivered_at: number | null;
  last_error: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempt: number;
  at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface WebhookTables {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}
