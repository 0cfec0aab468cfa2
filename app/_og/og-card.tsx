import type { ReactNode } from "react";

export const OG_SIZE = { width: 1200, height: 630 };
/** The bundled font the card is drawn in (app/_og/render-share-card.tsx). */
export const OG_FONT_FAMILY = "Noto Sans";

const COLOURS = { ok: "#00703c", disrupted: "#a34f00", closed: "#c4271b" } as const;

/** The share card: council on top, one big line, a coloured status line, then details; drawn by Satori (render-share-card.tsx). */
export interface OgCardProps {
  council: string;
  title: string;
  status?: { text: string; category: keyof typeof COLOURS };
  lines: string[];
  footer: string;
}

export function OgCard(props: OgCardProps): ReactNode {
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: "#ffffff", color: "#0b0c0c", fontFamily: OG_FONT_FAMILY }}>
      <div style={{ display: "flex", background: "#0b0c0c", color: "#ffffff", padding: "28px 56px", fontSize: 34, fontWeight: 700 }}>{props.council}</div>
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, padding: "40px 56px", gap: 18 }}>
        <div style={{ display: "flex", fontSize: 64, fontWeight: 700, lineHeight: 1.1 }}>{props.title}</div>
        {props.status ? (
          <div style={{ display: "flex", fontSize: 56, fontWeight: 700, color: COLOURS[props.status.category] }}>{props.status.text}</div>
        ) : null}
        {props.lines.map((line, i) => (
          <div key={i} style={{ display: "flex", fontSize: 34, color: "#0b0c0c" }}>
            {line}
          </div>
        ))}
      </div>
      <div style={{ display: "flex", borderTop: "6px solid #1d70b8", padding: "20px 56px", fontSize: 28, color: "#505a5f" }}>{props.footer}</div>
    </div>
  );
}
