// Heap per client, as the server process sees it: the bench asks over the IPC channel, the server
// collects garbage (node --expose-gc) and answers with heapUsed. Shared by every contender's server.

export interface HeapReply {
  type: "heap";
  heapUsed: number;
}

/** In a server process started with an IPC channel: answers "heap" with the heap after a full GC. */
export function answerHeapRequests(): void {
  if (!process.send) return;
  process.on("message", (message: unknown) => {
    if (message !== "heap") return;
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    process.send!({ type: "heap", heapUsed: process.memoryUsage().heapUsed } satisfies HeapReply);
  });
  // The IPC channel must not keep a stopping server alive.
  process.channel?.unref();
}
