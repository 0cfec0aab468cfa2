// A resident's page view as the surge sends it: the home page, then (as the page's script does)
// /api/v1/statuses and /api/v1/geometry and a live connection held for a while.
import { Pool } from "undici";
import { EVENTS, HANDSHAKE_AUTH } from "../../lib/realtime/protocol";
import { connectRawSocketIo } from "../support/raw-socketio-client";

export interface HttpSample {
  step: number;
  path: string;
  /** From when the request was due (the page view's arrival for the home page) to the last body byte. */
  latencyMs: number;
  error: string | null;
}

export interface SocketRecord {
  step: number;
  connectedAt: number | null;
  closedAt: number | null;
  error: string | null;
  /** Every status:changes message: [its seq, when it arrived]. A few per socket over its life. */
  messages: [number, number][];
}

const PAGE_DATA = ["/api/v1/statuses", "/api/v1/geometry"];

export class PageViews {
  readonly http: HttpSample[] = [];
  readonly sockets: SocketRecord[] = [];
  private readonly open = new Set<{ close(): void; record: SocketRecord }>();
  private readonly pool: Pool;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly baseUrl: string,
    private readonly holdMs: number,
    connections: number,
  ) {
    // Keep-alive connections shared by page views, as a crowd of browsers behind few proxies would be.
    this.pool = new Pool(baseUrl, { connections, headersTimeout: 30_000, bodyTimeout: 30_000, keepAliveTimeout: 30_000 });
  }

  get openSockets(): number {
    return this.open.size;
  }

  /** Starts one page view that was due at `dueAt` (performance.now() time); does not wait for it. */
  start(step: number, dueAt: number): void {
    const view = this.run(step, dueAt).finally(() => this.inFlight.delete(view));
    this.inFlight.add(view);
  }

  private async run(step: number, dueAt: number): Promise<void> {
    if (!(await this.get(step, "/", dueAt))) return;
    this.connect(step);
    const loadedAt = performance.now();
    await Promise.all(PAGE_DATA.map((path) => this.get(step, path, loadedAt)));
  }

  private async get(step: number, path: string, dueAt: number): Promise<boolean> {
    let error: string | null = null;
    try {
      const res = await this.pool.request({ path, method: "GET", headers: { "accept-encoding": "gzip" } });
      // Read the whole body: a response counts once its last byte is in.
      for await (const _chunk of res.body) void _chunk;
      if (res.statusCode !== 200) error = `HTTP ${res.statusCode}`;
    } catch (caught) {
      error = (caught as { code?: string }).code ?? (caught instanceof Error ? caught.message : String(caught));
    }
    this.http.push({ step, path, latencyMs: performance.now() - dueAt, error });
    return error === null;
  }

  private connect(step: number): void {
    const record: SocketRecord = { step, connectedAt: null, closedAt: null, error: null, messages: [] };
    this.sockets.push(record);
    const client = connectRawSocketIo(this.baseUrl, { auth: { ...HANDSHAKE_AUTH } });
    client.onEvent((name, payload, receivedAt) => {
      if (name === EVENTS.changes) record.messages.push([(payload as { seq: number }).seq, receivedAt]);
    });
    const entry = {
      record,
      close: () => {
        if (record.closedAt !== null) return;
        record.closedAt = performance.now();
        this.open.delete(entry);
        client.close();
      },
    };
    this.open.add(entry);
    client.connected.then(
      () => {
        record.connectedAt = performance.now();
        setTimeout(entry.close, this.holdMs).unref();
      },
      (error: unknown) => {
        record.error = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
        entry.close();
      },
    );
  }

  private closing: Promise<void> | null = null;

  /** Waits for the page views already started, closes every socket and the pool (once, however often called). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inFlight]);
      for (const entry of [...this.open]) {
        // Still waiting for its handshake when the run ends: a resident who never got a live page.
        if (entry.record.connectedAt === null && entry.record.error === null) entry.record.error = "not connected by the end of the run";
        entry.close();
      }
      await this.pool.close();
    })();
    return this.closing;
  }
}
