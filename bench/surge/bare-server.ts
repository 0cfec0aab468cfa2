// The baseline of the reads benchmark: a bare node:http server sending, from memory, the bytes
// Snowline sent for each route (its 200, and its 304 to a matching If-None-Match). Whatever this
// does per second on the server core is the most any server could do for those bytes.
//   node --import tsx bench/surge/bare-server.ts ROUTES.json   → prints "READY <url>"
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { deserializeRoute, headerOf, type RecordedResponse, type SerializedRoute } from "./recorded-response";

const routes = new Map(
  (JSON.parse(readFileSync(process.argv[2]!, "utf8")) as SerializedRoute[]).map((serialized) => {
    const route = deserializeRoute(serialized);
    return [route.path, { ...route, etag: headerOf(route.ok, "etag") }];
  }),
);

function send(res: ServerResponse, response: RecordedResponse): void {
  const headers = response.headers.filter(([name]) => name.toLowerCase() !== "content-length").flat();
  res.writeHead(response.status, [...headers, "content-length", String(response.body.length)]);
  res.end(response.body);
}

const server = createServer((req, res) => {
  const route = routes.get(req.url ?? "");
  if (!route) {
    res.writeHead(404).end();
    return;
  }
  if (route.notModified && route.etag !== undefined && req.headers["if-none-match"] === route.etag) send(res, route.notModified);
  else send(res, route.ok);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as { port: number };
  console.log(`READY http://127.0.0.1:${port}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
