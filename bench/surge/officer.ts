// The officer of the 7am surge: a 150-school bulk change at the start of each step and one change
// every 2 s, posted with an API token; each post remembers when it left and the seq it got, so
// deliveries can be timed against it.
import { Pool } from "undici";

export interface Post {
  step: number;
  kind: "bulk" | "single";
  postedAt: number;
  /** The last seq of the batch, once answered; a socket has it when a message reaches this seq. */
  seq: number | null;
  status: number | null;
  error: string | null;
}

export class Officer {
  readonly posts: Post[] = [];
  private readonly pool: Pool;
  private round = 0;

  constructor(
    baseUrl: string,
    private readonly token: string,
    private readonly schoolIds: string[],
  ) {
    this.pool = new Pool(baseUrl, { connections: 2, headersTimeout: 30_000, bodyTimeout: 30_000 });
  }

  /** Posts one batch of `size` schools without waiting for earlier posts (open loop). */
  post(step: number, kind: Post["kind"], size: number): Promise<void> {
    this.round += 1;
    // A batch names each asset once: a council with fewer schools than the bulk size changes all of them.
    size = Math.min(size, this.schoolIds.length);
    // Alternate closed/open so every batch changes what residents see, on a moving window of schools.
    const code = this.round % 2 ? "closed" : "open";
    const start = (this.round * size) % this.schoolIds.length;
    const ids = Array.from({ length: size }, (_, i) => this.schoolIds[(start + i) % this.schoolIds.length]!);
    const body = JSON.stringify({ changes: ids.map((assetId) => ({ assetId, status: { code, message: `Surge round ${this.round}` } })) });
    const post: Post = { step, kind, postedAt: performance.now(), seq: null, status: null, error: null };
    this.posts.push(post);
    return this.pool
      .request({ path: "/api/v1/changes", method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` }, body })
      .then(async (res) => {
        post.status = res.statusCode;
        const text = await res.body.text();
        if (res.statusCode === 201) post.seq = (JSON.parse(text) as { seq: number }).seq;
        else post.error = `POST /api/v1/changes ${res.statusCode}: ${text.slice(0, 200)}`;
      })
      .catch((error: unknown) => {
        post.error = error instanceof Error ? error.message : String(error);
      });
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
