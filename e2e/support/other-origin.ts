import { createServer, type Server } from "node:http";

/** Port of the second site that embeds Snowline: SNOWLINE_E2E_OTHER_PORT, or the Snowline port + 10. */
export const OTHER_ORIGIN_PORT = Number(process.env.SNOWLINE_E2E_OTHER_PORT ?? Number(process.env.SNOWLINE_E2E_PORT ?? 3100) + 10);

/** A plain web server on another port (so another origin) serving the given pages, as a newspaper's site would. */
export async function startOtherOrigin(pages: Record<string, string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const page = pages[(req.url ?? "/").split("?")[0]!];
    if (page === undefined) return void res.writeHead(404).end("Not found");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(OTHER_ORIGIN_PORT, "127.0.0.1", resolve);
  });
  return {
    origin: `http://127.0.0.1:${OTHER_ORIGIN_PORT}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
