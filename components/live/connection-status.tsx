import { OUTDATED_PAGE_MESSAGE } from "@/lib/realtime/protocol-version";
import { formatTime } from "../status/format-time";
import type { ConnectionState } from "./live-types";

const LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline",
  outdated: OUTDATED_PAGE_MESSAGE,
};

/**
 * Whether what the resident sees is current. Only the state is a live region: the time changes
 * with every heartbeat and would be read out each time.
 */
export function ConnectionStatus({ connection, lastUpdated }: { connection: ConnectionState; lastUpdated: Date | null }) {
  return (
    <p className={`connection connection--${connection}`} data-testid="connection-state">
      <span className="connection__dot" aria-hidden="true" />
      <span role="status" className="connection__state">
        {LABELS[connection]}
      </span>
      {lastUpdated ? (
        <span className="connection__time">
          {" "}
          · last updated <time dateTime={lastUpdated.toISOString()}>{formatTime(lastUpdated)}</time>
        </span>
      ) : null}
      {connection === "offline" ? <span className="connection__hint"> · showing what we had; it updates when you are back online</span> : null}
    </p>
  );
}
