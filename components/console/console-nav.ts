import {
  canManageAssets,
  canManageNotices,
  canManageTemplates,
  canManageTokens,
  canManageUsers,
  canManageWebhooks,
  canViewAudit,
  type Access,
  type AccessSettings,
} from "@/lib/domain/access";
import { LAYERS, LAYER_LABELS } from "@/lib/domain/layers";

export interface ConsoleNavItem {
  key: string;
  href: string;
  label: string;
  isVisible(access: Access, settings: AccessSettings): boolean;
}

/** The console's sections, each shown only to those who may use it (the API enforces the same rules). */
export const CONSOLE_NAV: ConsoleNavItem[] = [
  { key: "overview", href: "/console", label: "Overview", isVisible: () => true },
  ...LAYERS.map((layer) => ({
    key: layer,
    href: `/console/layers/${layer}`,
    label: LAYER_LABELS[layer].plural,
    // Site editors reach their few assets from the overview.
    isVisible: (access: Access) => access.assets === null && (access.layers === null || access.layers.includes(layer)),
  })),
  { key: "notices", href: "/console/notices", label: "Notices", isVisible: canManageNotices },
  { key: "audit", href: "/console/audit", label: "Audit log", isVisible: canViewAudit },
  { key: "templates", href: "/console/templates", label: "Message templates", isVisible: canManageTemplates },
  { key: "assets", href: "/console/assets", label: "Assets", isVisible: canManageAssets },
  { key: "users", href: "/console/users", label: "Users", isVisible: canManageUsers },
  { key: "tokens", href: "/console/tokens", label: "API tokens", isVisible: canManageTokens },
  { key: "webhooks", href: "/console/webhooks", label: "Webhooks", isVisible: canManageWebhooks },
];
