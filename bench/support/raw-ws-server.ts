// The fan-out baseline: a bare `ws` server that builds each message's frame once and writes the same
// bytes to every client. A POST /broadcast {seq, changes} triggers one, so the path from the bench's
// timestamp (an HTTP POST) is comparable with Snowline's. Prints "READY <http url> <ws url>".
import { createServer } from "node:http";
import { createRequire } from "node:module";
import WebSocket, { WebSocketServer } from "ws";
import { answerHeapRequests } from "./bench-heap";

interface FrameSender {
  sendFrame(list: Buffer[], cb?: (error?: Error) => void): void;
}
// ws exports its Sender (Socket.IO builds its broadcast frames with it) but its types leave it out.
const { Sender } = createRequire(import.meta.url)("ws") as {
  Sender: { frame(data: Buffer, options: { readOnly: boolean; mask: boolean; rsv1: boolean; opcode: number; fin: boolean }): Buffer[] };
};

const clients = new Set<WebSocket>();

function broadcast(body: string): void {
  const { seq, changes } = JSON.parse(body) as { seq: number; changes: unknown[] };
  // One JSON.stringify and one frame per message, whatever the number of clients.
  const data = Buffer.from(JSON.stringify(["status:changes", { since: seq - 1, seq, changes }]));
  const frame = Sender.frame(data, { readOnly: false, mask: false, rsv1: false, opcode: 1, fin: true });
  for (const ws of clients) {
    // ws has no public way to send a prebuilt frame; Socket.IO uses the same sender method.
    const sender = (ws as unknown as { _sender?: FrameSender })._sender;
    if (sender?.sendFrame) sender.sendFrame(frame);
    else ws.send(data, { binary: false });
  }
}

const http = createServer((req, res) => {
  if (req.method !== "POST" || req.url !== "/broadcast") {
    res.writeHead(404).end();
    return;
  }
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    broadcast(body);
    res.writeHead(201, { "content-type": "application/json" }).end("{}");
  });
});
const wss = new WebSocketServer({ server: http, perMessageDeflate: false, clientTracking: false });
wss.on("connection", (ws) => {
  clients.add(ws);
  ws.on("close", () => clients.delete(ws));
});
answerHeapRequests();
http.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { port } = http.address() as { port: number };
  console.log(`READY http://127.0.0.1:${port} ws://127.0.0.1:${port}`);
});
process.on("SIGTERM", () => process.exit(0));
