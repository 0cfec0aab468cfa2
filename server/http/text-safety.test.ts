import { DOMParser } from "@xmldom/xmldom";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postImport } from "../../test/support/admin-api";
import { sampleAssets, T0 } from "../../test/support/fixtures";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { assertWellFormedXml } from "../../test/support/xml-schema";

/** Parses a document after xmllint has found it well-formed (xmldom alone lets forbidden characters and `]]>` through). */
function parseStrictXml(xml: string): Document {
  assertWellFormedXml(xml);
  const document = new DOMParser({
    // XML 1.0 turns only CR and CRLF into LF; xmldom would also turn U+0085, U+2028 and U+2029 (XML 1.1).
    normalizeLineEndings: (text: string) => text.replace(/\r\n?/g, "\n"),
    // xmldom warns about U+FFFD (a hint of mis-decoding); here it is what we wrote on purpose.
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
  return document as unknown as Document;
}

const dataValue = (kml: Document, name: string) =>
  [...kml.getElementsByTagName("Data")].find((d) => d.getAttribute("name") === name)?.getElementsByTagName("value")[0]?.textContent;

describe("feeds stay well-formed whatever officers type (finding 2)", () => {
  let t: TestServer;
  beforeEach(async () => (t = await startTestServer()));
  afterEach(async () => t.close());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}${path}`, { headers });
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const feedPaths = async () => {
    const { changes } = (await (await fetch(`${t.url}/api/v1/changes`)).json()) as { changes: { seq: number }[] };
    return ["/feeds/changes.atom", "/feeds/changes/schools.atom", "/feeds/alerts.cap", "/feeds/alerts.atom", ...changes.map((c) => `/feeds/alerts/${c.seq}.cap`)];
  };

  it("refuses a status message holding U+FFFE with 400, stores nothing, and the feeds still parse", async () => {
    const before = await t.store.getAsset("school-1");
    const res = await t.post({ changes: [{ assetId: "school-1", status: { code: "closed", message: "Closed\uFFFE today" } }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors[0]).toMatchObject({ path: "changes.0.status.message", message: expect.stringContaining("U+FFFE") });
    expect(await t.store.getAsset("school-1")).toEqual(before);
    for (const path of await feedPaths()) parseStrictXml(await get(path));
  });

  it.each([
    ["U+FFFF", "\uFFFF"],
    ["U+1FFFE", "\u{1FFFE}"],
    ["U+FDD0", "\uFDD0"],
    ["a lone high surrogate", "\uD83D"],
    ["a lone low surrogate", "\uDE00"],
    ["U+0001", "\u0001"],
    ["U+0085", "\u0085"],
  ])("refuses %s in a notice with 400 and keeps no notice", async (_name, character) => {
    const headers = { ...(await t.adminHeaders()), "content-type": "application/json" };
    const res = await fetch(`${t.url}/api/v1/notices`, { method: "POST", headers, body: JSON.stringify({ level: "warning", text: `Roads ${character} icy` }) });
    expect(res.status).toBe(400);
    expect(await (await fetch(`${t.url}/api/v1/notices`)).json()).toEqual({ notices: [] });
  });

  it("keeps `]]>`, markup, emoji and right-to-left text as typed, and the KML export stays well-formed", async () => {
    const message = "Closed ]]> <b>&amp;</b> ❄️😀 مغلق";
    const res = await t.post({ changes: [{ assetId: "school-1", status: { code: "closed", message } }] });
    expect(res.status).toBe(201);
    const kml = parseStrictXml(await get("/api/v1/admin/exports?layer=schools&format=kml", await t.adminHeaders()));
    expect(dataValue(kml, "status_message")).toBe(message);
    for (const path of await feedPaths()) parseStrictXml(await get(path));
  });

  // Found by the property test: xmlbuilder2 leaves an `&` that looks like the start of an entity unescaped.
  it("keeps text that looks like an XML entity (&amp; &nbsp; &#60;) as typed in Atom and CAP", async () => {
    const message = "Fish &amp; chips &nbsp; &#60;b&#62; & more";
    const res = await t.post({ changes: [{ assetId: "school-1", status: { code: "closed", message } }] });
    expect(res.status).toBe(201);
    const { seq } = await res.json();
    const atom = parseStrictXml(await get("/feeds/changes.atom"));
    expect(atom.getElementsByTagName("content")[0]?.textContent).toBe(message);
    for (const path of ["/feeds/alerts.cap", `/feeds/alerts/${seq}.cap`]) {
      const cap = parseStrictXml(await get(path));
      expect(cap.getElementsByTagNameNS("urn:oasis:names:tc:emergency:cap:1.2", "description")[0]?.textContent).toBe(message);
    }
    const index = parseStrictXml(await get("/feeds/alerts.atom"));
    expect(index.getElementsByTagName("summary")[0]?.textContent?.endsWith(`: ${message}`)).toBe(true);
  });

  it("drops characters XML forbids from an imported name and attributes, keeping the rest", async () => {
    const csv = "URN,name,lat,lon,note\n900001,Ash\uFFFEdown\u0001 Primary,53.42,-2.32,a\uFDD0b ]]> c\n";
    const res = await postImport(t, { layer: "schools", dryRun: "false" }, [{ name: "schools.csv", data: csv }]);
    expect(res.status).toBe(200);
    expect(await t.store.getAsset("urn-900001")).toMatchObject({ name: "Ashdown Primary", attributes: { note: "ab ]]> c" } });
    const kml = parseStrictXml(await get("/api/v1/admin/exports?layer=schools&format=kml", await t.adminHeaders()));
    expect(dataValue(kml, "note")).toBe("ab ]]> c");
  });

  it("still writes well-formed feeds for text stored before these rules (U+FFFE shown as U+FFFD)", async () => {
    const [school] = sampleAssets();
    await t.store.upsertAssets([{ ...school!, name: "Old\uFFFE name\u0002" }], T0);
    const res = await t.post({ changes: [{ assetId: school!.id, status: { code: "closed" } }] });
    expect(res.status).toBe(201);
    for (const path of await feedPaths()) parseStrictXml(await get(path));
    const kml = parseStrictXml(await get(`/api/v1/admin/exports?layer=${school!.layer}&format=kml`, await t.adminHeaders()));
    const placemark = [...kml.getElementsByTagName("Placemark")].find((p) => p.getAttribute("id") === school!.id);
    expect(placemark?.getElementsByTagName("name")[0]?.textContent).toBe("Old\uFFFD name\uFFFD");
  });
});
