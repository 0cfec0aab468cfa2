import type { PublicStatus } from "@/lib/domain/status";
import { formatDateTime } from "./format-time";
import { styleFor } from "./status-style";

/** A status as words: label, officer message (always as plain text), times. Used by popups and lists. */
export function StatusDetails({ status }: { status: PublicStatus }) {
  return (
    <div className="status-details">
      <p className={`status-badge status-badge--${status.category}`}>
        <span aria-hidden="true">{styleFor(status.code).glyph} </span>
        {status.label}
      </p>
      {status.message ? <p className="status-message">{status.message}</p> : null}
      <p className="status-times">
        {status.from ? <>From {formatDateTime(status.from)}. </> : null}
        {status.until ? <>Until {formatDateTime(status.until)}. </> : null}
        Updated {formatDateTime(status.setAt)}.
      </p>
      {status.upcoming ? (
        <p className="status-upcoming">
          Upcoming: {status.upcoming.label}
          {status.upcoming.from ? ` from ${formatDateTime(status.upcoming.from)}` : ""}
          {status.upcoming.message ? ` — ${status.upcoming.message}` : ""}
        </p>
      ) : null}
    </div>
  );
}
