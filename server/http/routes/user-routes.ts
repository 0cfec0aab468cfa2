import type { Hono } from "hono";
import * as z from "zod";
import { signInLinkUrl } from "../../../lib/auth/sign-in-link";
import { canManageUsers } from "../../../lib/domain/access";
import { ForbiddenError } from "../../../lib/domain/errors";
import { userInputSchema } from "../../../lib/domain/users";
import { parseInput } from "../../../lib/domain/validation";
import type { IssuedLink } from "../../auth/user-admin";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { readJson } from "../read-json";
import { requirePermission, requireSession } from "../session-auth";

export const idParamSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9-]+$/, "Not an id");

/** Accounts, for admins: create (with a one-time sign-in link), disable, enable, sign out everywhere. */
export function userRoutes(api: Hono, deps: HttpDeps): void {
  const small = limitBody(FORM_BODY_LIMIT_BYTES);
  const admin = async (c: Parameters<typeof requireSession>[0]) => {
    const session = await requireSession(c, deps);
    requirePermission(canManageUsers(session.access), "Only administrators manage accounts");
    return session;
  };
  const linkOf = (c: Parameters<typeof requireSession>[0], link: IssuedLink) => ({
    signInLink: signInLinkUrl(deps.publicUrl ?? new URL(c.req.url).origin, link.token),
    linkExpiresAt: new Date(link.expiresAt).toISOString(),
  });

  api.get("/users", async (c) => {
    await admin(c);
    return c.json({ users: await deps.store.users.list() });
  });

  api.post("/users", small, async (c) => {
    await admin(c);
    const input = parseInput(userInputSchema, await readJson(c), "The account details are invalid");
    const { user, link } = await deps.users.create(input);
    return c.json({ user, ...linkOf(c, link!) }, 201);
  });

  api.post("/users/:id/sign-in-link", async (c) => {
    await admin(c);
    return c.json(linkOf(c, await deps.users.issueLink(parseInput(idParamSchema, c.req.param("id")))));
  });

  api.post("/users/:id/:action{disable|enable}", async (c) => {
    const session = await admin(c);
    const id = parseInput(idParamSchema, c.req.param("id"));
    const disable = c.req.param("action") === "disable";
    if (disable && id === session.user.id) throw new ForbiddenError("You cannot disable your own account; ask another administrator");
    return c.json({ user: await deps.users.setDisabled(id, disable) });
  });

  api.post("/users/:id/sign-out-everywhere", async (c) => {
    await admin(c);
    return c.json({ signedOut: await deps.auth.signOutEverywhere(parseInput(idParamSchema, c.req.param("id"))) });
  });
}
