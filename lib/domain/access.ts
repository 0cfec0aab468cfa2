import * as z from "zod";
import type { Actor } from "./change";
import { LAYER_LABELS, type Layer } from "./layers";

/**
 * Who may do what. `admin` runs the deployment (users, tokens, templates, notices, every layer);
 * an `officer` posts changes on some layers; a `site` editor (a head teacher, say) changes only the
 * assets named on their account.
 */
export const ROLES = ["admin", "officer", "site"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { message: `Role must be one of ${ROLES.join(", ")}` });

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  officer: "Officer",
  site: "Site editor",
};

/** An authenticated caller (a signed-in user or an API token) and what it may touch. */
export interface Access {
  actor: Actor;
  role: Role;
  /** The layers it may change; null means every layer. */
  layers: readonly Layer[] | null;
  /** The only assets it may change; null means any asset in its layers. */
  assets: readonly string[] | null;
}

export interface AssetRef {
  id: string;
  layer: Layer;
  name?: string;
}

/** Settings that widen what officers may do. */
export interface AccessSettings {
  officersMayPostNotices: boolean;
}

export function canChangeAsset(access: Access, asset: AssetRef): boolean {
  if (access.role === "admin") return true;
  if (access.layers !== null && !access.layers.includes(asset.layer)) return false;
  if (access.assets !== null && !access.assets.includes(asset.id)) return false;
  return true;
}

/** Whether the caller may change at least some assets of a layer (site editors: only if theirs are there). */
export function mayWorkOnLayer(access: Access, layer: Layer, assetsInLayer: readonly AssetRef[] = []): boolean {
  if (access.role === "admin") return true;
  if (access.layers !== null && !access.layers.includes(layer)) return false;
  if (access.assets === null) return true;
  return assetsInLayer.some((asset) => canChangeAsset(access, asset));
}

const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** What the caller may change, in words, for refusals and the console header. */
export function describeScope(access: Access): string {
  if (access.role === "admin") return "every layer";
  const layers = access.layers === null ? "every layer" : list(access.layers.map((l) => LAYER_LABELS[l].plural.toLowerCase()));
  if (access.assets === null) return layers;
  return `only ${access.assets.length === 1 ? "the asset" : "the assets"} ${list(access.assets)}`;
}

/**
 * Why the caller may not change these assets, or null if it may change them all. The message names
 * the refused assets so an officer can see at once what to take out of a bulk change.
 */
export function refuseChanges(access: Access, assets: readonly AssetRef[]): string | null {
  const refused = assets.filter((asset) => !canChangeAsset(access, asset));
  if (!refused.length) return null;
  const names = refused.slice(0, 5).map((a) => (a.name ? `${a.name} (${a.id})` : a.id));
  const more = refused.length > 5 ? ` and ${refused.length - 5} more` : "";
  const who = access.actor.type === "token" ? `The API token "${access.actor.name}"` : "Your account";
  return `${who} may change ${describeScope(access)}; it may not change ${names.join(", ")}${more}. Nothing was stored.`;
}

export const isAdmin = (access: Access) => access.role === "admin";
export const canManageUsers = isAdmin;
export const canManageTokens = isAdmin;
export const canManageTemplates = isAdmin;
/** Importing and exporting a layer's assets, and outbound webhooks: the deployment's plumbing. */
export const canManageAssets = isAdmin;
export const canManageWebhooks = isAdmin;

export function canManageNotices(access: Access, settings: AccessSettings): boolean {
  return access.role === "admin" || (access.role === "officer" && settings.officersMayPostNotices);
}

export function canViewAudit(access: Access): boolean {
  return access.role === "admin" || access.role === "officer";
}

/** The layers whose audit trail the caller may read; null means all. */
export function auditLayers(access: Access): readonly Layer[] | null {
  return access.role === "admin" ? null : (access.layers ?? null);
}

/**
 * The named permissions the API checks, one per route. A route says which one it needs and the
 * authorization middleware asks `hasPermission`; nothing else decides who may call what.
 */
export const PERMISSIONS = [
  /** Any signed-in console user (reading templates, the own session). */
  "useConsole",
  /** Status changes and undo; which assets is decided per change by `refuseChanges`. */
  "postChanges",
  "manageUsers",
  "manageTokens",
  "manageTemplates",
  "manageNotices",
  "importAssets",
  "manageWebhooks",
  "viewAudit",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export function hasPermission(access: Access, permission: Permission, settings: AccessSettings): boolean {
  switch (permission) {
    case "useConsole":
    case "postChanges":
      return true;
    case "manageUsers":
      return canManageUsers(access);
    case "manageTokens":
      return canManageTokens(access);
    case "manageTemplates":
      return canManageTemplates(access);
    case "manageNotices":
      return canManageNotices(access, settings);
    case "importAssets":
      return canManageAssets(access);
    case "manageWebhooks":
      return canManageWebhooks(access);
    case "viewAudit":
      return canViewAudit(access);
  }
}

/** What a refused caller is told, per permission. */
export function refusalFor(permission: Permission, settings: AccessSettings): string {
  switch (permission) {
    case "useConsole":
    case "postChanges":
      return "You may not do this. Nothing was changed.";
    case "manageUsers":
      return "Only administrators manage accounts";
    case "manageTokens":
      return "Only administrators manage API tokens";
    case "manageTemplates":
      return "Only administrators save and delete message templates";
    case "manageNotices":
      return settings.officersMayPostNotices ? "Only administrators and officers manage notices" : "Only administrators manage notices";
    case "importAssets":
    case "manageWebhooks":
      return "Only administrators may do this. Nothing was changed.";
    case "viewAudit":
      return "Only administrators and officers read the audit log";
  }
}
