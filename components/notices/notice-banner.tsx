"use client";

import { useEffect, useState } from "react";
import { nextNoticeChange, noticesShowing } from "@/lib/board/notice-schedule";
import type { NoticeLevel, PublicNotice } from "@/lib/domain/notices";
import { formatDateTime } from "../status/format-time";

const LEVEL_LABELS: Record<NoticeLevel, { label: string; glyph: string }> = {
  severe: { label: "Severe warning", glyph: "⚠" },
  warning: { label: "Warning", glyph: "!" },
  info: { label: "Information", glyph: "i" },
};

// setTimeout misbehaves beyond ~24.8 days; re-check at least daily instead.
const MAX_WAIT_MS = 86_400_000;

/**
 * Council-wide notices showing now. The server sends upcoming ones too, so the banner re-checks
 * at each notice's start or end time without waiting for a message.
 */
export function NoticeBanner({ notices, renderedAt }: { notices: PublicNotice[]; renderedAt: number }) {
  const [now, setNow] = useState(renderedAt);

  useEffect(() => {
    const next = nextNoticeChange(notices, now);
    if (next === null) return;
    // A change already due (the page was rendered a while ago) fires at once.
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, Math.min(next - Date.now() + 50, MAX_WAIT_MS)));
    return () => clearTimeout(timer);
  }, [notices, now]);

  const showing = noticesShowing(notices, now);
  if (!showing.length) return null;
  return (
    <section className="notices" aria-label="Council notices" data-testid="notices">
      {showing.map((notice) => {
        const { label, glyph } = LEVEL_LABELS[notice.level];
        return (
          <div key={notice.id} className={`notice notice--${notice.level}`} data-notice-id={notice.id}>
            <p className="notice__level">
              <span className="notice__glyph" aria-hidden="true">
                {glyph}
              </span>
              {label}
            </p>
            <p className="notice__text">{notice.text}</p>
            {notice.until ? <p className="notice__until">Until {formatDateTime(notice.until)}</p> : null}
          </div>
        );
      })}
    </section>
  );
}
