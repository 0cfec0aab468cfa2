/**
 * Shown when the page was built from what Snowline last knew because its database could not be
 * reached: residents must not mistake it for the live picture.
 */
export function StaleDataNotice({ outageSince, renderedAt }: { outageSince: number | null; renderedAt: number }) {
  if (outageSince === null) return null;
  const minutes = Math.max(1, Math.round((renderedAt - outageSince) / 60_000));
  return (
    <div className="notice notice--warning" role="status">
      <p className="notice__level">These statuses may be out of date</p>
      <p className="notice__text">
        Snowline cannot read its latest data just now (for about {minutes} minute{minutes === 1 ? "" : "s"}), so this page shows what it
        last knew. It will update by itself when the data is back.
      </p>
    </div>
  );
}
