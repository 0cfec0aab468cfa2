import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";
import { clientAddress } from "../../lib/limits/client-address";

/** The caller's address for budgets and the audit log: the socket's, or a trusted proxy's last hop. */
export function clientAddressOf(c: Context, trustProxy: boolean): string | null {
  return clientAddress({ socketAddress: getConnInfo(c).remote.address, forwardedFor: c.req.header("x-forwarded-for"), trustProxy });
}
