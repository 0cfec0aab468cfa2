import { parse as parseCsv } from "csv-parse/sync";
import Parser from "rss-parser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { create } from "xmlbuilder2";
import { restoreFormula } from "../../lib/export/csv-cell";
import { startTestServer, type TestServer } from "../../test/support/test-server";
import { CAP_XSD, validateWithXsd } from "../../test/support/xml-schema";

const NASTY = `<script>&"'`;
const CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";

type XmlNode = Record<string, unknown>;
/** Reads a CAP document into plain objects with xmlbuilder2's parser. */
function readCap(xml: string): XmlNode {
  return (create(xml).end({ format: "object" }) as { alert: XmlNode }).alert;
}
/** Text of the first CAP element of this name, read through the DOM (so entities are decoded). */
function capText(xml: string, name: string): string | null {
  const document = create(xml).node as unknown as { getElementsByTagNameNS(ns: string, name: string): ArrayLike<{ textContent: string | null }> };
  return document.getElementsByTagNameNS(CAP_NS, name)[0]?.textContent ?? null;
}
const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe("open data feeds", () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => t.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.url}${path}`, { headers });
  async function post(changes: unknown[]) {
    const res = await t.post({ changes });
    expect(res.status, await res.clone().text()).toBe(201);
    return res.json();
  }

  it("round-trips officer text exactly through JSON, CSV, Atom and CAP", async () => {
    await post([{ assetId: "school-1", status: { code: "closed", message: NASTY } }]);

    const json = await (await get("/api/v1/assets.geojson")).json();
    expect(json.features.find((f: { id: string }) => f.id === "school-1").properties.status.message).toBe(NASTY);

    const csv = await (await get("/api/v1/assets.csv")).text();
    const rows: Record<string, string>[] = parseCsv(csv, { columns: true, bom: true });
    expect(restoreFormula(rows.find((r) => r.id === "school-1")!.status_message!)).toBe(NASTY);

    const atom = await new Parser().parseString(await (await get("/feeds/changes.atom")).text());
    expect(atom.items[0]!.content).toBe(NASTY);

    expect(capText(await (await get("/feeds/alerts.cap")).text(), "description")).toBe(NASTY);
    const [message] = (await (await get("/api/v1/changes")).json()).changes;
    expect(capText(await (await get(`/feeds/alerts/${message.seq}.cap`)).text(), "description")).toBe(NASTY);
  });

  it("serves the CSV with one row per asset and neutralises spreadsheet formulas", async () => {
    const formula = `=HYPERLINK("http://evil.example","Click")`;
    await post([
      { assetId: "school-1", status: { code: "closed", message: formula } },
      { assetId: "school-2", status: { code: "closed", message: "-1+1" } },
      { assetId: "school-3", status: { code: "closed", message: "@SUM(A1)" } },
    ]);
    const res = await get("/api/v1/assets.csv?layer=schools");
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows: Record<string, string>[] = parseCsv(await res.text(), { columns: true, bom: true });
    expect(rows.map((r) => r.id)).toEqual(["school-1", "school-2", "school-3"]);
    const cells = rows.map((r) => r.status_message!);
    expect(cells).toEqual([`'${formula}`, "'-1+1", "'@SUM(A1)"]);
    expect(cells.map(restoreFormula)).toEqual([formula, "-1+1", "@SUM(A1)"]);
    expect(rows[0]).toMatchObject({ layer: "schools", name: "Ashdown Primary", status_code: "closed", longitude: "-2.32", latitude: "53.42" });
    expect(res.headers.get("link")).toContain('rel="license"');
  });

  it("publishes every public change in a valid Atom feed, newest first, with per-layer feeds", async () => {
    await post([{ assetId: "school-1", status: { code: "closed", message: "Snow" } }]);
    await post([{ assetId: "route-1", status: { code: "completed" } }]);
    const parser = new Parser();
    const all = await parser.parseString(await (await get("/feeds/changes.atom")).text());
    expect(all.items.map((i) => i.title)).toEqual(["Route 1: Washway Road: Gritted", "Ashdown Primary: Closed"]);
    expect(all.items[1]!.link).toBe(`${t.url}/assets/school-1`);

    const schools = await parser.parseString(await (await get("/feeds/changes/schools.atom")).text());
    expect(schools.items.map((i) => i.title)).toEqual(["Ashdown Primary: Closed"]);
    const byQuery = await (await get("/feeds/changes.atom?layer=gritting")).text();
    expect(byQuery).toContain("Route 1: Washway Road: Gritted");
    expect(byQuery).not.toContain("Ashdown");
    expect((await get("/feeds/changes/roads.atom")).status).toBe(400);
  });

  it("issues CAP 1.2 Alert, Update and Cancel messages that validate against the CAP 1.2 schema", async () => {
    const first = await post([
      { assetId: "school-1", status: { code: "closed", message: NASTY, until: "2026-12-01T23:00:00Z" } },
      { assetId: "route-1", status: { code: "suspended", message: "Gritters stuck" } },
      { assetId: "round-1", status: { code: "delayed" } },
    ]);
    const update = await post([{ assetId: "school-1", status: { code: "late_opening", message: "Open at 10" } }]);
    const end = await post([{ assetId: "school-1", status: { code: "open" } }]);

    const snapshot = await (await get("/feeds/alerts.cap")).text();
    expect(validateWithXsd(snapshot, CAP_XSD)).toMatchObject({ valid: true });
    const snapshotAlert = readCap(snapshot);
    expect(asArray(snapshotAlert.info as XmlNode[]).map((i) => i.event)).toEqual(["Bin collection disruption", "Gritting suspended"]);

    const index = await new Parser().parseString(await (await get("/feeds/alerts.atom")).text());
    const capLinks = index.items.map((i) => i.link!);
    expect(index.items.map((i) => i.title)).toEqual([
      "Cancel: Ashdown Primary: Open",
      "Alert: Monday round, Sale West: Delayed",
      "Alert: Route 1: Washway Road: Gritting suspended",
    ]);

    const documents = await Promise.all(capLinks.map(async (link) => (await fetch(link)).text()));
    for (const xml of documents) expect(validateWithXsd(xml, CAP_XSD)).toMatchObject({ valid: true, output: "- validates\n" });
    const cancel = readCap(documents[0]!);
    expect(cancel.msgType).toBe("Cancel");
    const references = String(cancel.references).split(" ");
    expect(references).toHaveLength(2);
    expect(references[0]).toMatch(new RegExp(`^snowline@127\\.0\\.0\\.1,snowline:127\\.0\\.0\\.1:\\d+:change:${first.changes[0].seq},2026-12-01T05:30:00-00:00$`));
    expect(references[1]).toContain(`:change:${update.changes[0].seq},`);
    expect(cancel.identifier).toContain(`:change:${end.changes[0].seq}`);

    const gritting = readCap(documents[2]!);
    const info = gritting.info as XmlNode;
    expect(info).toMatchObject({ event: "Gritting suspended", eventCode: { valueName: "snowline", value: "roadway.hazardousRoadConditions" } });
    expect((info.area as XmlNode).circle).toMatch(/^53\.42\d*,-2\.32\d* \d+(\.\d+)?$/);
    expect(info.expires).toBe("2026-12-02T05:30:00-00:00");
    const bins = readCap(documents[1]!);
    expect(((bins.info as XmlNode).area as XmlNode).polygon).toBe("53.41,-2.34 53.41,-2.33 53.42,-2.33 53.42,-2.34 53.41,-2.34");

    const updateDoc = readCap(await (await get(`/feeds/alerts/${update.changes[0].seq}.cap`)).text());
    expect(updateDoc).toMatchObject({ msgType: "Update", info: { description: "Open at 10" } });
    expect((await get(`/feeds/alerts/${first.changes[0].seq + 1000}.cap`)).status).toBe(404);
  });

  it("the schema used by these tests refuses what CAP 1.2 forbids", async () => {
    await post([{ assetId: "school-1", status: { code: "closed" } }]);
    const good = await (await get("/feeds/alerts.cap")).text();
    expect(validateWithXsd(good, CAP_XSD).valid).toBe(true);
    expect(validateWithXsd(good.replace(/-00:00<\/sent>/, "Z</sent>"), CAP_XSD).valid).toBe(false);
    expect(validateWithXsd(good.replace("<msgType>Alert", "<msgType>Warning"), CAP_XSD).valid).toBe(false);
    expect(validateWithXsd(good.replace(CAP_NS, "urn:example"), CAP_XSD).valid).toBe(false);
  });
});

describe("conditional GET on public data", () => {
  let t: TestServer;
  beforeEach(async () => {
    t = await startTestServer();
  });
  afterEach(async () => t.close());

  const PATHS = [
    "/api/v1/assets",
    "/api/v1/assets/school-1",
    "/api/v1/changes?since=0",
    "/api/v1/assets.geojson",
    "/api/v1/assets.csv",
    "/feeds/changes.atom",
    "/feeds/changes/schools.atom",
    "/feeds/alerts.cap",
    "/feeds/alerts.atom",
    "/oembed (an asset page)",
  ];

  it.each(PATHS)("%s answers 304 with the same ETag until a change, then 200 with a new one", async (path) => {
    const fixed = path.startsWith("/oembed") ? `${t.url}/oembed?url=${encodeURIComponent(`${t.url}/assets/school-1`)}&format=json` : `${t.url}${path}`;
    const first = await fetch(fixed);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+.*stale-while-revalidate=\d+/);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");

    const again = await fetch(fixed, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const weak = await fetch(fixed, { headers: { "if-none-match": `W/${etag}, "other"` } });
    expect(weak.status).toBe(304);

    const posted = await t.post({ changes: [{ assetId: "school-1", status: { code: "closed" } }] });
    expect(posted.status).toBe(201);
    const changed = await fetch(fixed, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("honours If-Modified-Since from the last change's time", async () => {
    await t.post({ changes: [{ assetId: "school-1", status: { code: "closed" } }] });
    const first = await fetch(`${t.url}/feeds/changes.atom`);
    const lastModified = first.headers.get("last-modified")!;
    expect(new Date(lastModified).toISOString()).toBe("2026-12-01T05:30:00.000Z");
    expect((await fetch(`${t.url}/feeds/changes.atom`, { headers: { "if-modified-since": lastModified } })).status).toBe(304);
    expect((await fetch(`${t.url}/feeds/changes.atom`, { headers: { "if-modified-since": "Mon, 30 Nov 2026 00:00:00 GMT" } })).status).toBe(200);
  });

  it("gives notices validators of their own and lets any origin send conditional requests", async () => {
    const first = await fetch(`${t.url}/api/v1/notices`);
    const etag = first.headers.get("etag")!;
    expect((await fetch(`${t.url}/api/v1/notices`, { headers: { "if-none-match": etag } })).status).toBe(304);
    await t.server.notices.create({ level: "warning", text: "Roads icy" }, { type: "token", id: "x", name: "x" }, null);
    expect((await fetch(`${t.url}/api/v1/notices`, { headers: { "if-none-match": etag } })).status).toBe(200);

    const preflight = await fetch(`${t.url}/feeds/changes.atom`, {
      method: "OPTIONS",
      headers: { origin: "https://news.example", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
  });
});
