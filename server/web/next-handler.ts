import type { WebHandler } from "../create-server";

/** Next.js as the web front end of the custom server: production build, or dev mode with HMR. */
export async function createNextHandler(options: { dev: boolean; dir: string }): Promise<WebHandler> {
  // Loaded on demand so that NODE_ENV is settled first and API-only tests never load Next.
  const { default: next } = await import("next");
  const app = next({ dev: options.dev, dir: options.dir, quiet: !options.dev });
  await app.prepare();
  const handle = app.getRequestHandler();
  const upgrade = options.dev ? app.getUpgradeHandler() : undefined;
  return {
    handle: (req, res) => handle(req, res),
    upgrade: upgrade ? (req, socket, head) => upgrade(req, socket, head) : undefined,
  };
}
