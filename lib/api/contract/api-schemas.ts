import { ACCOUNT_EVENT_KINDS } from "../../domain/audit";
import * as z from "zod";
import { ROLES } from "../../domain/access";
import { changeSchema } from "../../domain/change";
import { geometrySchema } from "../../domain/geometry";
import { layerSchema } from "../../domain/layers";
import { NOTICE_LEVELS, publicNoticeSchema } from "../../domain/notices";
import { publicStatusSchema } from "../../domain/status";
import { WEBHOOK_DELIVERY_STATES } from "../../webhooks/webhook-schema";

/**
 * The JSON bodies the API answers with. The route contracts (public-routes.ts, console-routes.ts)
 * point at these, the OpenAPI document is generated from them, and clients import their types.
 */

const actorSchema = z.object({ type: z.enum(["user", "token", "system"]), id: z.string().nullable(), name: z.string() });
const epochMs = z.int().describe("Milliseconds since 1970");

export const assetFeatureSchema = z.object({
  type: z.literal("Feature"),
  id: z.string(),
  geometry: geometrySchema,
  properties: z.object({
    id: z.string(),
    layer: layerSchema,
    name: z.string(),
    attributes: z.record(z.string(), z.unknown()),
    status: publicStatusSchema,
  }),
});
export const assetCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  seq: z.int().describe("The change-log position this collection reflects; resume live updates from here"),
  features: z.array(assetFeatureSchema),
});
export type AssetCollectionResponse = z.infer<typeof assetCollectionSchema>;
export const assetWithHistorySchema = assetFeatureSchema.extend({ history: z.array(changeSchema) });

export const changesPageSchema = z.object({ seq: z.int(), changes: z.array(changeSchema), hasMore: z.boolean() });
export const publicNoticesSchema = z.object({ notices: z.array(publicNoticeSchema) });

export const socialPostSchema = z.object({ assetId: z.string(), seq: z.int(), text: z.string().max(280) });
export type SocialPost = z.infer<typeof socialPostSchema>;

/** The reply to an undo: the batch that was stored and published. */
export const changesUndoneSchema = z.object({ seq: z.int(), fromSeq: z.int(), changes: z.array(changeSchema) });
export type ChangesUndone = z.infer<typeof changesUndoneSchema>;
/** The reply to POST /changes: the batch, with ready-to-copy social posts. */
export const changesCommittedSchema = changesUndoneSchema.extend({
  socialPosts: z
    .array(socialPostSchema)
    .describe("Ready-to-copy social posts (plain text, at most 280 characters) for batches of up to 20 changes"),
});
export type ChangesCommitted = z.infer<typeof changesCommittedSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  layers: z.array(layerSchema),
  createdAt: z.string(),
  createdBy: z.string(),
  disabledAt: z.string().nullable(),
});
export const webhookCreatedSchema = z.object({ webhook: webhookSchema, secret: z.string().describe("Shown only now") });
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;
export const deliverySchema = z.object({
  id: z.string().describe("Also sent as the Snowline-Delivery header; the same on every retry"),
  webhookId: z.string(),
  fromSeq: z.int(),
  toSeq: z.int(),
  state: z.enum(WEBHOOK_DELIVERY_STATES),
  attempts: z.int(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  lastError: z.string().nullable(),
  attemptLog: z.array(z.object({ attempt: z.int(), at: z.string(), statusCode: z.int().nullable(), error: z.string().nullable(), durationMs: z.int() })),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  layers: z.array(layerSchema),
  assets: z.array(z.string()),
  hasPassword: z.boolean(),
  createdAt: epochMs,
  disabledAt: epochMs.nullable(),
  lastSignInAt: epochMs.nullable(),
});
export const sessionInfoSchema = z.object({
  user: userSchema,
  csrfToken: z.string().describe("Send it as the X-CSRF-Token header on every write"),
  expiresAt: z.string(),
});
export const signedOutSchema = z.object({ signedOut: z.int().describe("How many sessions were ended") });
export const signInLinkSchema = z.object({ signInLink: z.string(), linkExpiresAt: z.string() });
export type SignInLinkResponse = z.infer<typeof signInLinkSchema>;
export const userCreatedSchema = signInLinkSchema.extend({ user: userSchema });
export type UserCreated = z.infer<typeof userCreatedSchema>;

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: epochMs,
  expiresAt: epochMs.nullable(),
  revokedAt: epochMs.nullable(),
  lastUsedAt: epochMs.nullable(),
  layers: z.array(layerSchema).nullable().describe("The layers it may change; null means every layer"),
  createdBy: z.string().nullable(),
});
export const tokenCreatedSchema = z.object({ token: z.string().describe("The secret, shown only now"), record: apiTokenSchema });
export type TokenCreated = z.infer<typeof tokenCreatedSchema>;

export const templateSchema = z.object({
  id: z.string(),
  layer: layerSchema,
  name: z.string(),
  message: z.string(),
  createdAt: epochMs,
  createdBy: z.string(),
});

export const noticeSchema = publicNoticeSchema.extend({ createdBy: z.string(), endedAt: z.string().nullable(), endedBy: z.string().nullable() });

export const auditActorsSchema = z.object({ actors: z.array(z.object({ value: z.string(), label: z.string() })) });

export const auditSchema = z.object({
  changes: z.array(
    z.object({
      seq: z.int(),
      at: epochMs,
      assetId: z.string(),
      assetName: z.string().nullable(),
      layer: layerSchema,
      kind: z.string(),
      actor: actorSchema,
      ip: z.string().nullable(),
      before: publicStatusSchema,
      after: publicStatusSchema,
      assetVersion: z.int().nullable(),
    }),
  ),
  notices: z.array(
    z.object({
      noticeId: z.string(),
      action: z.enum(["created", "ended"]),
      at: epochMs,
      actor: actorSchema,
      ip: z.string().nullable(),
      level: z.enum(NOTICE_LEVELS),
      text: z.string(),
      from: epochMs.nullable(),
      until: epochMs.nullable(),
    }),
  ),
  accounts: z
    .array(
      z.object({
        at: epochMs,
        kind: z.enum(ACCOUNT_EVENT_KINDS),
        actor: actorSchema.nullable(),
        ip: z.string().nullable(),
        subjectUserId: z.string().nullable(),
        subject: z.string().nullable(),
      }),
    )
    .describe("Sign-ins, sign-in links and account changes; only for administrators, empty for others"),
});
