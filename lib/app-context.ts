import type { ConsoleContext } from "./auth/console-context";
import type { PublicConfig } from "./public-config";
import type { LastKnownReadModel } from "./last-known-read-model";

/**
 * How Next.js pages reach the data. The custom server and Next's bundled page code run in one
 * process but load separate copies of our modules, so the server hands pages their read model
 * through a well-known global rather than a module variable.
 */
export interface AppContext {
  /** Answers from memory while the database is down, and says since when (withLastKnown). */
  readModel: LastKnownReadModel;
  config: PublicConfig;
  /** Sessions and officer-only reads for the console pages; absent when the server runs without them. */
  console?: ConsoleContext;
}

const KEY = Symbol.for("snowline.app-context");
type Holder = { [KEY]?: AppContext };

export function setAppContext(context: AppContext): void {
  (globalThis as Holder)[KEY] = context;
}

export function getAppContext(): AppContext {
  const context = (globalThis as Holder)[KEY];
  if (!context) {
    throw new Error("Snowline's data is not available: start the site with `npm start` (server/main.ts), not `next start`");
  }
  return context;
}
