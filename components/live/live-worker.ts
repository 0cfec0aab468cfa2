// The live connection in a dedicated worker: socket.io-client, zod and the protocol schemas take
// a phone's main thread for a third of a second to load, which a resident would feel as a page
// that ignores taps. Here they load beside the page, and the page only gets parsed messages.
import { startLiveConnection } from "./live-connection";
import type { NetworkSignal } from "./network-signal";
import type { FromLiveWorker, ToLiveWorker } from "./live-worker-messages";

const scope = self as unknown as {
  postMessage(message: FromLiveWorker): void;
  onmessage: ((event: MessageEvent<ToLiveWorker>) => void) | null;
  close(): void;
};
const post = (message: FromLiveWorker) => scope.postMessage(message);
const refetches = new Map<number, { resolve(seq: number): void; reject(error: Error): void }>();
let nextRefetchId = 0;
let stop: (() => void) | null = null;

let online = true;
const networkWatchers = new Set<(online: boolean) => void>();
const pageNetwork: NetworkSignal = {
  isOnline: () => online,
  watch(onChange) {
    networkWatchers.add(onChange);
    return () => networkWatchers.delete(onChange);
  },
};

scope.onmessage = ({ data: message }) => {
  switch (message.type) {
    case "start":
      online = message.online;
      stop ??= startLiveConnection({
        initialSeq: message.initialSeq,
        onChanges: (changes) => post({ type: "changes", changes }),
        refetch: () =>
          new Promise<number>((resolve, reject) => {
            const id = nextRefetchId++;
            refetches.set(id, { resolve, reject });
            post({ type: "refetch", id });
          }),
        onNotices: (notices) => post({ type: "notices", notices }),
        onState: (state) => post({ type: "state", state }),
        onSynced: () => post({ type: "synced" }),
      }, pageNetwork);
      break;
    case "network":
      if (message.online === online) break;
      online = message.online;
      for (const watcher of networkWatchers) watcher(online);
      break;
    case "refetched":
      refetches.get(message.id)?.resolve(message.seq);
      refetches.delete(message.id);
      break;
    case "refetch-failed":
      refetches.get(message.id)?.reject(new Error(message.message));
      refetches.delete(message.id);
      break;
    case "stop":
      stop?.();
      scope.close();
      break;
  }
};
