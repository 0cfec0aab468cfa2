// /embed.js: `<script src="https://…/embed.js" data-layers="schools" data-view="list" async></script>`
// puts the live widget in an iframe where the tag stands and keeps the iframe as tall as its
// content. Every tag on a page runs this once for itself; nothing is left on `window`.
import { HEIGHT_MESSAGE } from "./height-message";

const SETTINGS = ["layers", "ids", "area", "view", "only", "theme", "limit"] as const;

function mount(script: HTMLScriptElement): void {
  if (script.dataset.snowlineMounted) return;
  script.dataset.snowlineMounted = "1";
  const origin = new URL(script.src).origin;
  const query = new URLSearchParams();
  for (const name of SETTINGS) {
    const value = script.dataset[name];
    if (value) query.set(name, value);
  }
  const frame = document.createElement("iframe");
  const search = query.toString();
  frame.src = `${origin}/embed${search ? `?${search}` : ""}`;
  frame.title = script.dataset.title || "Live winter service status";
  frame.loading = "lazy";
  frame.setAttribute("scrolling", "no");
  frame.style.cssText = "display:block;width:100%;max-width:100%;border:0;overflow:hidden;height:" + (script.dataset.height || "200") + "px";
  script.after(frame);

  window.addEventListener("message", (event: MessageEvent) => {
    // Only our own widget, in this very iframe, may resize it.
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data as { type?: unknown; height?: unknown } | null;
    if (!data || data.type !== HEIGHT_MESSAGE || typeof data.height !== "number" || !(data.height >= 0 && data.height < 20_000)) return;
    frame.style.height = `${Math.ceil(data.height)}px`;
  });
}

const current = document.currentScript;
if (current instanceof HTMLScriptElement) mount(current);
else document.querySelectorAll<HTMLScriptElement>('script[src*="/embed.js"]').forEach(mount);
