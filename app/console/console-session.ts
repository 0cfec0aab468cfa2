import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getAppContext, type AppContext } from "@/lib/app-context";
import type { ConsoleContext } from "@/lib/auth/console-context";
import { SESSION_COOKIE } from "@/lib/auth/session-policy";
import type { ConsoleSession } from "@/lib/auth/sessions";

export interface ConsolePage {
  session: ConsoleSession;
  consoleCtx: ConsoleContext;
  app: AppContext;
}

function consoleContext(app: AppContext): ConsoleContext {
  if (!app.console) throw new Error("The console is not available: start Snowline with `npm start` (server/main.ts)");
  return app.console;
}

/** The session behind this request's cookie, or null; for pages a signed-out visitor may see. */
export async function currentSession(): Promise<{ session: ConsoleSession | null; app: AppContext }> {
  await connection();
  const app = getAppContext();
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return { session: await consoleContext(app).session(token), app };
}

/**
 * Every console page starts here: a signed-out visitor is sent to sign in and brought back to
 * `path` afterwards. Pages check roles themselves; the API checks them again on every write.
 */
export async function requireConsoleSession(path: string): Promise<ConsolePage> {
  const { session, app } = await currentSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return { session, consoleCtx: consoleContext(app), app };
}
