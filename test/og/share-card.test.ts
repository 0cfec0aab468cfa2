import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderShareCard } from "../../app/_og/render-share-card";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const card = (title: string, message: string) => ({
  council: "Snowline Borough Council",
  title,
  status: { text: "CLOSED today", category: "closed" as const },
  lines: [message],
  footer: "Live status, updated as it changes",
});

describe("share cards render without the internet", () => {
  // The renderer runs in this process: every fetch it makes passes through here.
  const realFetch = globalThis.fetch;
  let fetched: string[];
  beforeEach(() => {
    fetched = [];
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it.each([
    ["Latin", "St Anne’s Primary", "Closed due to snow — reopening Tuesday"],
    ["emoji", "❄️ Snow day ☃️", "Closed 🚸🏫 stay safe 👨‍👩‍👧 🇬🇧"],
    ["Chinese and Japanese", "圣安妮小学", "因大雪关闭。雪のため休校です"],
    ["Arabic (right to left)", "مدرسة القديسة آن", "مغلقة بسبب الثلوج"],
    ["Hebrew (right to left)", "בית ספר סנט אן", "סגור בגלל שלג"],
    ["mixed scripts and symbols", "Ünïcödé Ω Привет ગુજરાતી ไทย", "⚠ ✓ ∑ 𝔘 \u200b\ufffd"],
  ])("renders a PNG for %s text and fetches nothing", async (_script, title, message) => {
    const png = new Uint8Array(await renderShareCard(card(title, message)));
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    // 1200 x 630, from the IHDR chunk.
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630]);
    expect(fetched).toEqual([]);
  });
});
