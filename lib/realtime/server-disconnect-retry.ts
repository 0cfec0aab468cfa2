/** socket.io-client's reason when the server ended the session; the client then never reconnects by itself. */
export const SERVER_DISCONNECT_REASON = "io server disconnect";

export interface RetryDelays {
  firstMs: number;
  maxMs: number;
}

/** Spread over 0.5–1.5 × the delay, so a node's clients do not all land on the next node at once. */
export const SERVER_DISCONNECT_DELAYS: RetryDelays = { firstMs: 1_000, maxMs: 30_000 };

export function retryDelayMs(attempt: number, random: () => number = Math.random, delays = SERVER_DISCONNECT_DELAYS): number {
  const base = Math.min(delays.maxMs, delays.firstMs * 2 ** Math.min(attempt, 16));
  return Math.round(base * (0.5 + random()));
}

/**
 * Reconnects after the server ends the session (a node stopping, a deploy), with jittered,
 * growing delays; socket.io-client only retries by itself when the transport drops. A disconnect
 * the page asked for (going offline) is left alone.
 */
export function retryAfterServerDisconnect(options: {
  connect(): void;
  isConnected(): boolean;
  random?: () => number;
  delays?: RetryDelays;
}): { onDisconnect(reason: string): void; onConnect(): void; stop(): void } {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return {
    onDisconnect(reason) {
      if (reason !== SERVER_DISCONNECT_REASON || timer) return;
      timer = setTimeout(() => {
        timer = null;
        attempt += 1;
        if (!options.isConnected()) options.connect();
      }, retryDelayMs(attempt, options.random, options.delays));
    },
    onConnect() {
      cancel();
      attempt = 0;
    },
    stop: cancel,
  };
}
