import type { Bus, BusMessage } from "./bus";

/** The single-node bus: delivers to listeners in this process, asynchronously like a real one. */
export function createInProcessBus(): Bus {
  const listeners = new Set<(message: BusMessage) => void>();
  return {
    async publish(message) {
      const snapshot = structuredClone(message);
      queueMicrotask(() => listeners.forEach((listener) => listener(snapshot)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {},
    isHealthy: () => true,
    async close() {
      listeners.clear();
    },
  };
}
