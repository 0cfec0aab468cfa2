import { signInLinkUrl } from "../../lib/auth/sign-in-link";
import { describeScope, ROLE_LABELS } from "../../lib/domain/access";
import type { User } from "../../lib/domain/users";
import { userInputSchema } from "../../lib/domain/users";
import { parseInput } from "../../lib/domain/validation";
import { NotFoundError, ValidationError } from "../../lib/domain/errors";
import { accessForUser } from "../../lib/auth/sessions";
import type { Store } from "../../lib/store/store";
import type { UserAdmin } from "../auth/user-admin";

export interface UserAddOptions {
  role?: string;
  name?: string;
  layers?: string;
  assets?: string;
  /** The password, read from stdin by the caller; without it the user gets a one-time sign-in link. */
  password?: string;
  /** Where sign-in links point: the public URL, or this machine. */
  baseUrl: string;
}

const splitList = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const scopeOf = (user: User) => describeScope(accessForUser(user));
const when = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Field errors as CLI lines: the flag name instead of the JSON path. */
export function describeCliError(error: unknown): string {
  if (error instanceof ValidationError) {
    const flags: Record<string, string> = { email: "EMAIL", name: "--name", role: "--role", layers: "--layers", assets: "--assets", password: "password" };
    return [error.message, ...error.fieldErrors.map((f) => `  ${flags[f.path.split(".")[0]!] ?? f.path}: ${f.message}`)].join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}

export async function userAdd(admin: UserAdmin, email: string, options: UserAddOptions): Promise<string[]> {
  const input = parseInput(
    userInputSchema,
    {
      email,
      name: options.name ?? email.split("@")[0],
      role: options.role,
      layers: splitList(options.layers),
      assets: splitList(options.assets),
    },
    "The account details are invalid",
  );
  const { user, link } = await admin.create(input, { password: options.password });
  const created = `Created ${ROLE_LABELS[user.role].toLowerCase()} ${user.email} (${user.name}), who may change ${scopeOf(user)}.`;
  if (!link) return [created, "They can sign in with the password you gave."];
  return [
    created,
    `Send them this one-time sign-in link to choose a password. It works once, until ${when(link.expiresAt)}, and is shown only now:`,
    signInLinkUrl(options.baseUrl, link.token),
  ];
}

export async function userList(store: Store): Promise<string[]> {
  const users = await store.users.list();
  if (!users.length) return ["No console accounts yet. Create one with: npx snowline user add EMAIL --role admin"];
  return users.map((u) => {
    const state = u.disabledAt ? "disabled" : u.hasPassword ? "active" : "invited";
    const last = u.lastSignInAt ? when(u.lastSignInAt) : "never";
    return `${u.email.padEnd(32)} ${u.role.padEnd(7)} ${state.padEnd(8)} last sign-in ${last.padEnd(20)} may change ${scopeOf(u)}`;
  });
}

async function userByEmail(store: Store, email: string): Promise<User> {
  const user = await store.users.findByEmail(email);
  if (!user) throw new NotFoundError(`No account has the email ${email.trim().toLowerCase()}`);
  return user;
}

export async function userSetDisabled(store: Store, admin: UserAdmin, email: string, disabled: boolean): Promise<string[]> {
  const user = await admin.setDisabled((await userByEmail(store, email)).id, disabled);
  return [disabled ? `Disabled ${user.email}; their sessions have ended.` : `Enabled ${user.email}.`];
}

export async function userLink(store: Store, admin: UserAdmin, email: string, baseUrl: string): Promise<string[]> {
  const link = await admin.issueLink((await userByEmail(store, email)).id);
  return [`One-time sign-in link for ${email.trim().toLowerCase()}, valid until ${when(link.expiresAt)}, shown only now:`, signInLinkUrl(baseUrl, link.token)];
}
