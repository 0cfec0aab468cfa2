import type { Clock } from "../domain/clock";

/** A budget: up to `burst` at once, refilled at `perSecond`. */
export interface BucketLimit {
  burst: number;
  perSecond: number;
}

/** A token bucket on a clock that tests can move. Pure: no timers, no I/O. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: BucketLimit,
    private readonly clock: Clock,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = clock.now();
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsed * this.limit.perSecond);
    this.updatedAt = now;
  }

  /** Spends `cost` tokens if there are enough; false (and nothing spent) if not. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** True when the bucket has refilled completely, so forgetting it loses nothing. */
  isFull(): boolean {
    this.refill();
    return this.tokens >= this.limit.burst;
  }
}

/** One bucket per key (an address), created on first use; full ones can be swept away. */
export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limit: BucketLimit,
    private readonly clock: Clock,
  ) {}

  take(key: string, cost = 1): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(this.limit, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket.take(cost);
  }

  /** Forgets buckets that have refilled: a full bucket behaves exactly like a new one. */
  sweep(): void {
    for (const [key, bucket] of this.buckets) if (bucket.isFull()) this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }
}
