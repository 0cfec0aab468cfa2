import type { Clock } from "../domain/clock";
import { KeyedTokenBuckets, TokenBucket, type BucketLimit } from "../limits/token-bucket";

/** What one node lets anonymous sockets do. Defaults are generous: a newsroom shares one address. */
export interface SocketLimits {
  /** Events (resume, subscribe, anything) one socket may send. A page sends a few per reconnect. */
  perSocket: BucketLimit;
  /** Events all sockets from one address may send together. */
  perAddress: BucketLimit;
  /** Refused events in a row after which the socket is disconnected. */
  refusalsBeforeDisconnect: number;
  /** Open sockets from one address on this node. */
  maxConnectionsPerAddress: number;
  /** Open sockets on this node. */
  maxConnections: number;
  /** A resume answer larger than this (JSON bytes) becomes a `reset`: the page refetches the snapshot instead. */
  resumeMaxBytes: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  perSocket: { burst: 20, perSecond: 2 },
  perAddress: { burst: 1000, perSecond: 100 },
  refusalsBeforeDisconnect: 20,
  maxConnectionsPerAddress: 500,
  maxConnections: 20_000,
  resumeMaxBytes: 64 * 1024,
};

export type EventVerdict = "accept" | "refuse" | "disconnect";

/** The event budget of one socket, sharing its address's budget with the address's other sockets. */
export interface SocketBudget {
  /** Spends one event: accept it, refuse it, or (after too many refusals in a row) disconnect. */
  spend(): EventVerdict;
}

/** Event budgets and connection counts of one node. Pure: the caller owns sockets and timers. */
export class SocketGate {
  private readonly addressBuckets: KeyedTokenBuckets;
  private readonly connectionsByAddress = new Map<string, number>();
  private connections = 0;

  constructor(
    readonly limits: SocketLimits,
    private readonly clock: Clock,
  ) {
    this.addressBuckets = new KeyedTokenBuckets(limits.perAddress, clock);
  }

  /** Why a new connection from `address` is refused, or null when it may connect. */
  refuseConnection(address: string): "too_many_connections_from_address" | "too_many_connections" | null {
    if (this.connections >= this.limits.maxConnections) return "too_many_connections";
    if ((this.connectionsByAddress.get(address) ?? 0) >= this.limits.maxConnectionsPerAddress) return "too_many_connections_from_address";
    return null;
  }

  /** Counts a connection in; the returned function counts it out (call it once, on disconnect). */
  open(address: string): { budget: SocketBudget; close(): void } {
    this.connections += 1;
    this.connectionsByAddress.set(address, (this.connectionsByAddress.get(address) ?? 0) + 1);
    const own = new TokenBucket(this.limits.perSocket, this.clock);
    let refusalsInARow = 0;
    let isClosed = false;
    return {
      budget: {
        spend: () => {
          // Both budgets must allow it; the address's is only spent once the socket's has room.
          if (own.take() && this.addressBuckets.take(address)) {
            refusalsInARow = 0;
            return "accept";
          }
          refusalsInARow += 1;
          return refusalsInARow >= this.limits.refusalsBeforeDisconnect ? "disconnect" : "refuse";
        },
      },
      close: () => {
        if (isClosed) return;
        isClosed = true;
        this.connections -= 1;
        const left = (this.connectionsByAddress.get(address) ?? 1) - 1;
        if (left > 0) this.connectionsByAddress.set(address, left);
        else this.connectionsByAddress.delete(address);
      },
    };
  }

  /** Forgets address budgets that have refilled. */
  sweep(): void {
    this.addressBuckets.sweep();
  }

  get openConnections(): number {
    return this.connections;
  }
}
