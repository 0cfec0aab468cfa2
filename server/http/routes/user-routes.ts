import type { Context, Hono } from "hono";
import * as z from "zod";
import { consoleRoutes } from "../../../lib/api/contract/console-routes";
import { signInLinkUrl } from "../../../lib/auth/sign-in-link";
import { ForbiddenError } from "../../../lib/domain/errors";
import { userInputSchema } from "../../../lib/domain/users";
import { parseInput } from "../../../lib/domain/validation";
import type { AdminRequest, IssuedLink } from "../../auth/user-admin";
import { sessionOf, type ApiEnv } from "../authorize";
import { bindRoute } from "../bind-route";
import { FORM_BODY_LIMIT_BYTES, limitBody } from "../body-limit";
import type { HttpDeps } from "../context";
import { baseUrlOf } from "../public-get";
import { readJson } from "../read-json";
import { requestMeta } from "../session-auth";

export const idParamSchema = z.string().min(1).max(100).regex(/^[A-Za-z0-9-]+$/, "Not an id");

/** Accounts, for admins: create (with a one-time sign-in link), disable, enable, sign out everywhere. */
export function userRoutes(api: Hono<ApiEnv>, deps: HttpDeps): void {
  const small = limitBody(FORM_BODY_LIMIT_BYTES);
  const linkOf = (c: Context, link: IssuedLink) => ({
    signInLink: signInLinkUrl(baseUrlOf(c, deps), link.token),
    linkExpiresAt: new Date(link.expiresAt).toISOString(),
  });

  const adminRequest = (c: Context<ApiEnv>): AdminRequest => ({ actor: c.get("access").actor, ip: requestMeta(c, deps).ip });

  bindRoute(api, deps, consoleRoutes.listUsers, async (c) => {
    return c.json({ users: await deps.store.users.list() });
  });

  bindRoute(api, deps, consoleRoutes.createUser, small, async (c) => {
    const input = parseInput(userInputSchema, await readJson(c), "The account details are invalid");
    const { user, link } = await deps.users.create(input, { by: adminRequest(c) });
    return c.json({ user, ...linkOf(c, link!) }, 201);
  });

  bindRoute(api, deps, consoleRoutes.issueSignInLink, async (c) => {
    return c.json(linkOf(c, await deps.users.issueLink(parseInput(idParamSchema, c.req.param("id")), adminRequest(c))));
  });

  for (const [contract, disable] of [[consoleRoutes.disableUser, true], [consoleRoutes.enableUser, false]] as const) {
    bindRoute(api, deps, contract, async (c) => {
      const id = parseInput(idParamSchema, c.req.param("id"));
      if (disable && id === sessionOf(c).user.id) throw new ForbiddenError("You cannot disable your own account; ask another administrator");
      return c.json({ user: await deps.users.setDisabled(id, disable, adminRequest(c)) });
    });
  }

  bindRoute(api, deps, consoleRoutes.signUserOutEverywhere, async (c) => {
    return c.json({ signedOut: await deps.auth.signOutEverywhere(parseInput(idParamSchema, c.req.param("id"))) });
  });
}
