import type { Change } from "@/lib/domain/change";
import type { PublicNotice } from "@/lib/domain/notices";
import type { ConnectionState } from "./live-types";

/** From the page to the live worker. */
export type ToLiveWorker =
  | { type: "start"; initialSeq: number; online: boolean }
  /** The page's online/offline events: a worker does not reliably get its own. */
  | { type: "network"; online: boolean }
  /** The answer to a `refetch` request: the seq of the reloaded statuses, or why it failed. */
  | { type: "refetched"; id: number; seq: number }
  | { type: "refetch-failed"; id: number; message: string }
  | { type: "stop" };

/** From the live worker to the page: payloads it has already parsed with the protocol schemas. */
export type FromLiveWorker =
  | { type: "changes"; changes: Change[] }
  | { type: "notices"; notices: PublicNotice[] }
  | { type: "state"; state: ConnectionState }
  | { type: "synced" }
  /** Too far behind to catch up change by change: the page reloads every status. */
  | { type: "refetch"; id: number };
