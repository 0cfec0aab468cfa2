import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  answeredWith: number;
}

/**
 * A real HTTP endpoint that answers each POST with the next status in `statuses` (then 200, or what
 * `answerFromNowOn` set: a receiver that is down until the test says it has recovered) and records it.
 */
export async function startWebhookReceiver(statuses: number[] = []) {
  const received: ReceivedRequest[] = [];
  const queue = [...statuses];
  let otherwise = 200;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const status = queue.shift() ?? otherwise;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), answeredWith: status });
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "thanks" : "try later");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/snowline`,
    received,
    answerFromNowOn(status: number) {
      queue.length = 0;
      otherwise = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The sender may keep its connection alive; do not wait for it to let go.
        server.closeAllConnections();
      }),
  };
}
