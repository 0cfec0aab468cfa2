import { Agent, request } from "node:http";
import { promisify } from "node:util";
import { brotliDecompress, gunzip } from "node:zlib";
import type { CapturedResponse } from "./cached-entry";
import { CACHE_FILL_HEADER, CACHE_FILL_TOKEN } from "./cache-fill-request";

const gunzipAsync = promisify(gunzip);
const brotliDecompressAsync = promisify(brotliDecompress);

/**
 * Asks this node for a path as an anonymous reader would: no cookies, no credentials, no client
 * headers at all, uncompressed. Going through the node's own HTTP server is the one way that
 * captures exactly what Next.js or Hono would send, for pages and data alike.
 */
/**
 * Next writes a page's metadata into the <head> for every reader that names itself (next.config's
 * htmlLimitedBots) but streams it for one that does not: fills name themselves, so every shared
 * page is the same bytes whoever asked first.
 */
const FILL_USER_AGENT = "Snowline public cache";

export function createLoopback(target: () => { host: string; port: number } | null) {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  return {
    get(pathAndQuery: string): Promise<CapturedResponse> {
      const address = target();
      if (!address) return Promise.reject(new Error("the server is not listening"));
      return new Promise((resolve, reject) => {
        const req = request(
          {
            host: address.host,
            port: address.port,
            path: pathAndQuery,
            method: "GET",
            agent,
            headers: { [CACHE_FILL_HEADER]: CACHE_FILL_TOKEN, "accept-encoding": "identity", accept: "*/*", "user-agent": FILL_USER_AGENT },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("error", reject);
            res.on("end", () => {
              const raw = Buffer.concat(chunks);
              const encoding = res.headers["content-encoding"];
              const decoded = encoding === "gzip" ? gunzipAsync(raw) : encoding === "br" ? brotliDecompressAsync(raw) : Promise.resolve(raw);
              decoded.then((body) => resolve({ status: res.statusCode ?? 500, headers: res.headers, body }), reject);
            });
          },
        );
        req.on("error", reject);
        req.end();
      });
    },
    close(): void {
      agent.destroy();
    },
  };
}
