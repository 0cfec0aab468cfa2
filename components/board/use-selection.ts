"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import type { Selection } from "../map/status-map";

/**
 * The asset open on the map lives in the URL (`?asset=`), so it can be shared and the back
 * button closes or reopens it. Changing it pushes history without asking the server for the page.
 */
export function useSelection() {
  const selectedId = useSearchParams().get("asset");
  const [meta, setMeta] = useState<Omit<Selection, "id"> & { id: string | null }>({ id: null, takeFocus: false, reveal: false });
  const trigger = useRef<HTMLElement | null>(null);

  const selection = useMemo<Selection | null>(() => {
    if (!selectedId) return null;
    // Arrived by a link or the back button: show it, but leave the focus where it is.
    if (meta.id !== selectedId) return { id: selectedId, takeFocus: false, reveal: true };
    return { id: selectedId, at: meta.at, takeFocus: meta.takeFocus, reveal: meta.reveal };
  }, [selectedId, meta]);

  const select = useCallback(
    (id: string | null, options: { trigger?: HTMLElement | null; at?: [number, number]; reveal?: boolean } = {}) => {
      const params = new URLSearchParams(window.location.search);
      const isOpen = (params.get("asset") ?? null) === id;
      if (isOpen && !options.reveal) return;
      if (id) {
        trigger.current = options.trigger ?? null;
        setMeta({ id, at: options.at, takeFocus: true, reveal: options.reveal ?? false });
        params.set("asset", id);
      } else {
        params.delete("asset");
        const back = trigger.current;
        trigger.current = null;
        if (back?.isConnected) requestAnimationFrame(() => back.focus());
      }
      // Showing the open asset again moves the map to it, but is not a new history entry.
      if (isOpen) return;
      const query = params.toString();
      window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
    },
    [],
  );

  return { selection, select };
}
