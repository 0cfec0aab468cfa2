// Lightweight benchmark clients: one plain websocket each, speaking just enough Engine.IO v4 /
// Socket.IO v5 to receive events. socket.io-client costs the load generator about a core at 10k
// sockets, which would bound the benchmark by the clients; these cost the same for every
// contender (Snowline through Socket.IO, and the raw `ws` baseline).
import WebSocket from "ws";

export interface RawSocketIoClient {
  /** Resolves once the Socket.IO connect ack ("40…") arrived. */
  readonly connected: Promise<void>;
  /** Called for every event frame `42["name", payload]`, with the receive time (performance.now()). */
  onEvent(listener: (name: string, payload: unknown, receivedAt: number) => void): void;
  close(): void;
}

type Listener = (name: string, payload: unknown, receivedAt: number) => void;

/**
 * Engine.IO packet types are the first character: 0 open, 2 ping, 3 pong, 4 message. A Socket.IO
 * packet rides in a message: 40 connect (ack), 41 disconnect, 42 event, 44 connect error.
 */
export function connectRawSocketIo(
  baseUrl: string,
  options: { auth?: Record<string, unknown>; path?: string } = {},
): RawSocketIoClient {
  const url = new URL(options.path ?? "/socket.io/", baseUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("EIO", "4");
  url.searchParams.set("transport", "websocket");
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const listeners: Listener[] = [];
  let settled = false;
  const connected = new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    ws.on("error", fail);
    ws.on("close", () => fail(new Error("socket closed before the Socket.IO connect ack")));
    ws.on("message", (data: WebSocket.RawData, isBinary: boolean) => {
      if (isBinary) return;
      const text = data.toString();
      const receivedAt = performance.now();
      switch (text[0]) {
        case "0": // Engine.IO open: join the default namespace with the auth payload.
          ws.send(options.auth ? `40${JSON.stringify(options.auth)}` : "40");
          return;
        case "2": // ping from the server: answer or be dropped after pingTimeout.
          ws.send("3");
          return;
        case "4":
          break;
        default:
          return;
      }
      const kind = text[1];
      if (kind === "0") {
        if (!settled) {
          settled = true;
          resolve();
        }
      } else if (kind === "4") {
        fail(new Error(`connect refused: ${text.slice(2)}`));
      } else if (kind === "2") {
        // `42["name",payload]`, possibly with an ack id between the 2 and the "[".
        const start = text.indexOf("[");
        if (start < 0) return;
        const [name, payload] = JSON.parse(text.slice(start)) as [string, unknown];
        for (const listener of listeners) listener(name, payload, receivedAt);
      }
    });
  });
  // Nobody has to await `connected` for a refusal not to crash the process.
  connected.catch(() => {});
  return {
    connected,
    onEvent: (listener) => void listeners.push(listener),
    close: () => ws.terminate(),
  };
}

/**
 * The raw `ws` contender's client: plain websocket, frames are JSON `["name", payload]` (the same
 * shape as a Socket.IO event without its prefix), connected as soon as the socket opens.
 */
export function connectRawWs(url: string): RawSocketIoClient {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  const listeners: Listener[] = [];
  const connected = new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  connected.catch(() => {});
  ws.on("message", (data: WebSocket.RawData, isBinary: boolean) => {
    const receivedAt = performance.now();
    const [name, payload] = JSON.parse(isBinary ? Buffer.from(data as Buffer).toString() : data.toString()) as [string, unknown];
    for (const listener of listeners) listener(name, payload, receivedAt);
  });
  return {
    connected,
    onEvent: (listener) => void listeners.push(listener),
    close: () => ws.terminate(),
  };
}
