import * as z from "zod";
import { LAYERS, layerSchema } from "../domain/layers";

export const WEBHOOK_SECRET_MIN_LENGTH = 16;

function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return false;
  }
}

/** What an admin sends to register a webhook, from the CLI or over HTTP. */
export const webhookInputSchema = z.strictObject({
  url: z
    .url({ message: "url must be an absolute URL such as https://example.org/hooks/snowline" })
    .max(2000, "url is longer than 2000 characters")
    .refine((url) => /^https?:\/\//i.test(url), "url must start with http:// or https://")
    // Credentials in the address would be stored and shown on the console; the signature authenticates instead.
    .refine((url) => !hasUserInfo(url), "url must not contain a user name or password"),
  layers: z
    .array(layerSchema, { message: `layers must be a list of ${LAYERS.join(", ")}` })
    .min(1, "Pick at least one layer")
    .transform((layers) => [...new Set(layers)]),
  secret: z
    .string()
    .min(WEBHOOK_SECRET_MIN_LENGTH, `secret must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters`)
    .max(200, "secret is longer than 200 characters")
    .optional(),
});
export type WebhookInput = z.infer<typeof webhookInputSchema>;

/** A comma-separated list as typed on the command line: "schools,gritting". */
export const layerListSchema = z
  .string()
  .transform((value) => value.split(",").map((s) => s.trim()).filter(Boolean))
  .pipe(webhookInputSchema.shape.layers);

export const WEBHOOK_DELIVERY_STATES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export interface Webhook {
  id: string;
  url: string;
  layers: z.infer<typeof layerSchema>[];
  createdAt: string;
  createdBy: string;
  disabledAt: string | null;
}

export interface WebhookAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  fromSeq: number;
  toSeq: number;
  state: WebhookDeliveryState;
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  lastError: string | null;
  attemptLog: WebhookAttempt[];
}

/** A delivery a worker holds: what to send and where. */
export interface ClaimedDelivery {
  id: string;
  url: string;
  secret: string;
  payload: string;
  /** This attempt's number, from 1. */
  attempt: number;
}
