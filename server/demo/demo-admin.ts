import { randomBytes } from "node:crypto";
import type { Store } from "../../lib/store/store";
import { hashPassword } from "../auth/passwords";

/** A reserved domain (RFC 2606): this address can never reach a real mailbox. */
export const DEMO_ADMIN_EMAIL = "demo-admin@example.invalid";

/**
 * Gives the demo council an administrator with a fresh random password on every demo start, so
 * whoever runs `npm run demo` can sign in to the console. Only for a database holding the demo
 * council: it does nothing to a real council's database started with SNOWLINE_DEMO=1 by mistake.
 */
export async function ensureDemoAdmin(store: Store, now: number, isDemoDatabase: boolean): Promise<{ email: string; password: string } | null> {
  const existing = await store.users.findByEmail(DEMO_ADMIN_EMAIL);
  if (!existing && !isDemoDatabase) return null;
  const password = `demo-${randomBytes(12).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  if (existing) {
    await store.users.setPassword(existing.id, passwordHash, now);
    if (existing.disabledAt !== null) await store.users.setDisabled(existing.id, false, now);
  } else {
    await store.users.create({ email: DEMO_ADMIN_EMAIL, name: "Demo administrator", role: "admin", layers: [], assets: [] }, now, passwordHash);
  }
  return { email: DEMO_ADMIN_EMAIL, password };
}
