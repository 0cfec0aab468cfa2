"use client";

import { useEffect, useState } from "react";

/**
 * The time, refreshed every `everyMs`: presets such as "until 07:00 tomorrow" must not go stale
 * on a console left open overnight. Starts at the server's time so the first render matches.
 */
export function useNow(serverNow: number, everyMs = 30_000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [everyMs]);
  return now;
}
