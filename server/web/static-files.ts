import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { acceptedEncoding, type Encoding } from "../http/public-cache/accepted-encoding";

export const STATIC_PREFIX = "/_next/static/";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

type StaticFile = Record<Encoding, { body: Buffer; headers: string[] }>;

/**
 * Next.js's hashed build files, answered before Next: each read from disk once (with the .br and
 * .gz that scripts/precompress-static.mjs wrote at build time) and held in memory, sent with
 * `immutable` since a new build gives new names. Names not in the build go on to Next (its 404).
 */
export function createStaticFiles(root: string) {
  const files = new Map<string, StaticFile | null>();
  const loading = new Map<string, Promise<StaticFile | null>>();

  async function load(name: string): Promise<StaticFile | null> {
    const path = normalize(join(root, name));
    if (!path.startsWith(root + sep)) return null;
    const read = (p: string) => readFile(p).catch(() => null);
    const [identity, br, gzip] = await Promise.all([read(path), read(`${path}.br`), read(`${path}.gz`)]);
    if (!identity) return null;
    const common = ["content-type", CONTENT_TYPES[extname(path)] ?? "application/octet-stream", "cache-control", "public, max-age=31536000, immutable", "x-content-type-options", "nosniff"];
    const hasEncodings = br !== null || gzip !== null;
    if (hasEncodings) common.push("vary", "Accept-Encoding");
    const variant = (body: Buffer, encoding: Encoding) => ({
      body,
      headers: [...common, ...(encoding === "identity" ? [] : ["content-encoding", encoding]), "content-length", String(body.length)],
    });
    const plain = variant(identity, "identity");
    return { identity: plain, br: br ? variant(br, "br") : gzip ? variant(gzip, "gzip") : plain, gzip: gzip ? variant(gzip, "gzip") : plain };
  }

  function send(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
    const variant = file[acceptedEncoding(req.headers["accept-encoding"])];
    res.writeHead(200, variant.headers).end(req.method === "HEAD" ? undefined : variant.body);
  }

  return {
    /** True when it took the request; `fallback` hands names it does not know to Next. */
    serve(req: IncomingMessage, res: ServerResponse, fallback: () => void): boolean {
      if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith(STATIC_PREFIX)) return false;
      const name = req.url.slice(STATIC_PREFIX.length).split("?")[0]!;
      const known = files.get(name);
      if (known) {
        send(req, res, known);
        return true;
      }
      let pending = loading.get(name);
      if (!pending) {
        pending = Promise.resolve()
          .then(() => load(decodeURIComponent(name)))
          .catch(() => null);
        loading.set(name, pending);
      }
      void pending.then((file) => {
        loading.delete(name);
        // Unknown names are not remembered, so a flood of made-up names cannot fill the memory.
        if (file) files.set(name, file);
        if (file) send(req, res, file);
        else fallback();
      });
      return true;
    },
  };
}

export type StaticFiles = ReturnType<typeof createStaticFiles>;
