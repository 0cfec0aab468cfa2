import { expect, test } from "./fixtures";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// The servers here cannot reach the internet: a card that fetched fonts or emoji would fail.
test("an asset's share card renders any text (emoji, Chinese, Arabic, Hebrew) as a PNG without the internet", async ({ request, api }) => {
  const school = await api.assetAt("schools", 7);
  await api.postChanges([{ assetId: school.id, status: { code: "closed", message: "❄️☃️ 👨‍👩‍👧 🇬🇧 因大雪关闭 مغلقة بسبب الثلوج סגור בגלל שלג" } }]);
  try {
    const card = await request.get(`/assets/${school.id}/opengraph-image`);
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/png");
    const png = await card.body();
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  } finally {
    await api.postChanges([{ assetId: school.id, status: { code: "open" } }]);
  }
});
