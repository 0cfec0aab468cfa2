import { divIcon, type DivIcon } from "leaflet";
import type { PublicStatus } from "@/lib/domain/status";
import { styleFor } from "../status/status-style";

export const cssSafe = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, "_");

// Marker content is built as DOM nodes with textContent: names are data, never markup.
function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * A status marker: colour plus a glyph, and a hidden name so the focusable marker (Leaflet gives
 * it role=button and a tab stop) is announced as "Oak Primary: Closed".
 */
export function statusIcon(id: string, name: string, status: PublicStatus | undefined, isSelected: boolean): DivIcon {
  const style = styleFor(status?.code ?? "");
  const pin = element("span", "asset-marker__pin");
  pin.style.background = style.colour;
  const glyph = element("span", "asset-marker__glyph", style.glyph);
  glyph.setAttribute("aria-hidden", "true");
  pin.append(glyph, element("span", "visually-hidden", `${name}: ${status?.label ?? "status loading"}`));
  return divIcon({
    html: pin,
    className: `asset-marker asset-${cssSafe(id)} status-${status?.code ?? "unknown"}${isSelected ? " is-selected" : ""}`,
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -14],
  });
}

export interface ClusterCounts {
  closed: number;
  disrupted: number;
}

/** A cluster says how many schools it holds and how many are closed, so no closure hides in a bubble. */
export function clusterIcon(count: number, counts: ClusterCounts): DivIcon {
  const worst = counts.closed ? "closed" : counts.disrupted ? "disrupted" : "ok";
  const bubble = element("span", "cluster__bubble");
  const total = element("span", "cluster__count", String(count));
  total.setAttribute("aria-hidden", "true");
  bubble.append(total);
  if (counts.closed) {
    const badge = element("span", "cluster__badge", `✕${counts.closed}`);
    badge.setAttribute("aria-hidden", "true");
    bubble.append(badge);
  }
  const parts = [`${count} schools here`];
  if (counts.closed) parts.push(`${counts.closed} closed`);
  if (counts.disrupted) parts.push(`${counts.disrupted} partly open or changed hours`);
  bubble.append(element("span", "visually-hidden", `${parts.join(", ")}. Zoom in`));
  const size = count < 10 ? 34 : count < 100 ? 40 : 46;
  return divIcon({ html: bubble, className: `cluster cluster--${worst}`, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

/**
 * Leaflet gives markers role=button and a tab stop but opens nothing on Enter unless a popup is
 * bound to them; ours are not (one popup follows the selection), so keys act as a click here.
 */
export function onActivateKey(activate: (element: HTMLElement | null) => void) {
  return (event: { originalEvent: KeyboardEvent; target: unknown }) => {
    const key = event.originalEvent.key;
    if (key !== "Enter" && key !== " ") return;
    event.originalEvent.preventDefault();
    activate((event.target as { getElement(): HTMLElement | undefined }).getElement() ?? null);
  };
}
