import type { ChangeBatch } from "../../lib/domain/change";
import type { Bus } from "./bus";

/** The single-node bus: delivers to listeners in this process, asynchronously like a real one. */
export function createInProcessBus(): Bus {
  const listeners = new Set<(batch: ChangeBatch) => void>();
  return {
    async publish(batch) {
      const snapshot = structuredClone(batch);
      queueMicrotask(() => listeners.forEach((listener) => listener(snapshot)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async ping() {},
    async close() {
      listeners.clear();
    },
  };
}
