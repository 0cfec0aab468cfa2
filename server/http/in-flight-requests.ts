import type { ServerResponse } from "node:http";

/**
 * The requests a node is answering, so a graceful stop can let them finish before the store
 * closes. Once stopping, every answer asks the client to close its connection.
 */
export function trackInFlightRequests() {
  const inFlight = new Set<ServerResponse>();
  let onIdle: (() => void) | null = null;
  let isClosing = false;
  return {
    track(res: ServerResponse): void {
      inFlight.add(res);
      res.once("close", () => {
        inFlight.delete(res);
        if (!inFlight.size) onIdle?.();
      });
      if (isClosing) res.setHeader("connection", "close");
    },
    beginClosing(): void {
      isClosing = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("connection", "close");
    },
    /** Resolves when no request is left, or after `timeoutMs`. */
    finished(timeoutMs: number): Promise<void> {
      if (!inFlight.size) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
}
