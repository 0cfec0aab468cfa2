// A response exactly as Snowline sent it (status, headers, body bytes still compressed), so the
// bare baseline can send the same bytes.
import { request } from "node:http";

export interface RecordedResponse {
  status: number;
  /** Header name/value pairs in the order sent. */
  headers: [string, string][];
  body: Buffer;
}

/** Hop-by-hop headers belong to one connection; the bare server frames its own body. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding"]);

/** GETs `url` with `headers` and keeps the body as it came off the wire (node:http does not decompress). */
export function recordResponse(url: string, headers: Record<string, string>): Promise<RecordedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!;
          if (!HOP_BY_HOP.has(name.toLowerCase())) pairs.push([name, res.rawHeaders[i + 1]!]);
        }
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(chunks) });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

export function headerOf(response: RecordedResponse, name: string): string | undefined {
  return response.headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

/** What the bare server serves for one path: the 200, and the 304 for a matching If-None-Match. */
export interface RecordedRoute {
  path: string;
  ok: RecordedResponse;
  notModified: RecordedResponse | null;
}

export interface SerializedRoute {
  path: string;
  ok: { status: number; headers: [string, string][]; body: string };
  notModified: { status: number; headers: [string, string][]; body: string } | null;
}

export const serializeRoute = (route: RecordedRoute): SerializedRoute => ({
  path: route.path,
  ok: { ...route.ok, body: route.ok.body.toString("base64") },
  notModified: route.notModified && { ...route.notModified, body: route.notModified.body.toString("base64") },
});

export const deserializeRoute = (route: SerializedRoute): RecordedRoute => ({
  path: route.path,
  ok: { ...route.ok, body: Buffer.from(route.ok.body, "base64") },
  notModified: route.notModified && { ...route.notModified, body: Buffer.from(route.notModified.body, "base64") },
});
