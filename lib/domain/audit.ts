import type { Actor } from "./change";
import type { Layer } from "./layers";
import type { NoticeLevel } from "./notices";
import type { PublicStatus } from "./status";

/** One status change as the audit log shows it: who, when, from where, before → after. */
export interface AuditChange {
  seq: number;
  at: number;
  assetId: string;
  assetName: string | null;
  layer: Layer;
  kind: string;
  actor: Actor;
  ip: string | null;
  before: PublicStatus;
  after: PublicStatus;
  /** The asset's version now, so the console can offer an undo that cannot overwrite a later change unseen. */
  assetVersion: number | null;
}

export interface AuditNoticeEvent {
  noticeId: string;
  action: "created" | "ended";
  at: number;
  actor: Actor;
  ip: string | null;
  level: NoticeLevel;
  text: string;
  from: number | null;
  until: number | null;
}

export const ACCOUNT_EVENT_KINDS = [
  "signed in",
  "sign-in failed",
  "sign-in link issued",
  "sign-in link used",
  "user created",
  "user disabled",
  "user enabled",
] as const;
export type AccountEventKind = (typeof ACCOUNT_EVENT_KINDS)[number];

/** Something that happened to an account, for administrators only. */
export interface AccountEvent {
  at: number;
  kind: AccountEventKind;
  /** Who did it; null when nobody was signed in (a failed sign-in) or on the command line. */
  actor: Actor | null;
  ip: string | null;
  subjectUserId: string | null;
  /** The account as it was then ("Name (email)"), or the email typed in a failed sign-in. */
  subject: string | null;
}

export interface AuditScope {
  /** Only these layers; null means all. */
  layers: readonly Layer[] | null;
}
