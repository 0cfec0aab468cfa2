import { DOMParser } from "@xmldom/xmldom";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { parseDocument } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderEmbedPage } from "../components/embed/render-embed-page";
import { toEmbedStatus, type EmbedState } from "../components/embed/embed-state";
import { assetSchema } from "../lib/domain/assets";
import type { ManualClock } from "../lib/domain/clock";
import { forbiddenCharacterIn, normaliseLineBreaks, toSafeText } from "../lib/domain/safe-text";
import { NOTICE_TEXT_MAX_LENGTH } from "../lib/domain/notices";
import { MESSAGE_MAX_LENGTH, type AssetWithStatus } from "../lib/domain/status";
import { restoreFormula } from "../lib/export/csv-cell";
import { sampleAssets, T0 } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/test-server";
import { assertWellFormedXml } from "./support/xml-schema";

/*
 * Generated text goes in through the same doors as officers' and imports' text (the changes API for
 * a status message, the asset schema the import uses for a name and an attribute) and comes out
 * of every output: Atom, CAP, the CAP snapshot and index, KML, the three CSVs, GeoJSON, oEmbed and
 * the embed widget's HTML. Each must stay well-formed and show the text as accepted (after the
 * normaliser), or the input must have been refused with a 400 that changed nothing.
 *
 * Not covered here: the Next.js pages (home, asset page, share card) need a production build; the
 * e2e suite checks them with its own officer text.
 */

const CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
const SCHOOL = sampleAssets()[0]!;

const PIECES = [
  "]]>", "]]", ">", "<script>alert(1)</script>", "</script>", "<!--", "&amp;", "&", '"', "'", "`", "\\",
  "=", "+", "-", "@", "＝1+1", ",", ";", "\t", "\n", "\r", "\r\n", " ", "\u00A0", "\u2028", "\u202E", "\u200F",
  "\uFFFE", "\uFFFF", "\u{1FFFE}", "\u{10FFFF}", "\uFDD0", "\uFDEF", "\u0000", "\u0001", "\u001F", "\u007F", "\u0085",
  "😀", "❄️", "👩‍👩‍👧", "مغلق بسبب الثلج", "סגור היום", "Ashdown", "Closed due to snow",
];
const SAFE_PIECES = PIECES.filter((piece) => forbiddenCharacterIn(piece) === null);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const planeNoncharacter = fc.tuple(fc.integer({ min: 0, max: 16 }), fc.constantFrom(0xfffe, 0xffff)).map(([plane, low]) => String.fromCodePoint(plane * 0x10000 + low));
const anyUnit = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 3 }), loneSurrogate, planeNoncharacter);

/** Full Unicode (astral included), controls, noncharacters, lone surrogates, markup, formulas and RTL; a third of it acceptable by construction. */
const officerText = fc.oneof(
  fc.array(anyUnit, { maxLength: 16 }).map((units) => units.join("")),
  fc.array(fc.oneof(fc.constantFrom(...SAFE_PIECES), fc.string({ unit: "grapheme", maxLength: 4 })), { maxLength: 16 }).map((units) => units.join("")),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** Parses documents xmllint has already found well-formed. */
function readXml(xml: string): Document {
  // xmldom warns about U+FFFD (a hint of mis-decoding), which is fine here.
  const onError = (level: string, message: string) => {
    if (level !== "warning") throw new Error(`XML ${level}: ${message}`);
  };
  // XML 1.0 turns only CR and CRLF into LF; xmldom would also turn U+0085, U+2028 and U+2029 (XML 1.1).
  return new DOMParser({ onError, normalizeLineEndings: (text: string) => text.replace(/\r\n?/g, "\n") }).parseFromString(xml, "text/xml") as unknown as Document;
}
const texts = (document: Document, name: string, ns?: string) =>
  [...(ns ? document.getElementsByTagNameNS(ns, name) : document.getElementsByTagName(name))].map((e) => e.textContent ?? "");
const csvRows = (csv: string): Record<string, string>[] => parseCsv(csv, { columns: true, bom: true });

describe("officer and imported text stays intact and every output well-formed (property)", () => {
  let t: TestServer;
  let admin: Record<string, string>;
  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.adminHeaders();
  });
  afterAll(async () => t.close());

  const text = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}${path}`, { headers });
    expect(res.status, path).toBe(200);
    return res.text();
  };

  it("through the changes API and the import's asset schema into feeds, exports, oEmbed and the embed", { timeout: 300_000 }, async () => {
    let published = 0;
    await fc.assert(
      fc.asyncProperty(officerText, officerText, async (typedMessage, typedName) => {
        // The name as an import would bring it: the asset schema drops what XML cannot hold. Each run
        // starts from its own name, so a counterexample stands on its own.
        const asset = assetSchema.safeParse({ ...SCHOOL, name: typedName, attributes: { ward: "Sale West", note: typedName } });
        if (!asset.success) expect(toSafeText(typedName).trim() === "" || typedName.length > 200, JSON.stringify(asset.error.issues)).toBe(true);
        const stored = asset.success ? asset.data : SCHOOL;
        expect(forbiddenCharacterIn(stored.name)).toBeNull();
        await t.store.upsertAssets([stored], T0);
        const name = stored.name;

        const before = await t.store.getAsset(SCHOOL.id);
        const res = await t.post({ changes: [{ assetId: SCHOOL.id, status: { code: "closed", message: typedMessage } }] });
        const message = normaliseLineBreaks(typedMessage);
        if (forbiddenCharacterIn(message) !== null || typedMessage.length > MESSAGE_MAX_LENGTH) {
          expect(res.status).toBe(400);
          expect((await t.store.getAsset(SCHOOL.id))!.status).toEqual(before!.status);
          return;
        }
        expect(res.status).toBe(201);
        const { seq } = (await res.json()) as { seq: number };
        published++;
        const shown = message || "Closed";

        // JSON: the public asset, the GeoJSON files and oEmbed.
        const detail = JSON.parse(await text(`/api/v1/assets/${SCHOOL.id}`)) as { properties: { name: string; status: AssetWithStatus["status"] } };
        expect(detail.properties).toMatchObject({ name, status: { message } });
        const geojson = JSON.parse(await text("/api/v1/assets.geojson?layer=schools")) as { features: { id: string; properties: { name: string; status: { message: string } } }[] };
        expect(geojson.features.find((f) => f.id === SCHOOL.id)!.properties).toMatchObject({ name, status: { message } });
        const exported = JSON.parse(await text("/api/v1/admin/exports?layer=schools&format=geojson", admin)) as { features: { id: string; properties: Record<string, unknown> }[] };
        expect(exported.features.find((f) => f.id === SCHOOL.id)!.properties).toMatchObject({ name, status_message: message });
        const oembed = JSON.parse(await text(`/oembed?url=${encodeURIComponent(`${t.url}/assets/${SCHOOL.id}`)}`)) as { title: string };
        expect(oembed.title).toBe(`${name}: Closed`);

        // XML: the change feed, the CAP alert, snapshot and index, the KML export.
        const xml = {
          atom: await text("/feeds/changes.atom"),
          cap: await text(`/feeds/alerts/${seq}.cap`),
          snapshot: await text("/feeds/alerts.cap"),
          index: await text("/feeds/alerts.atom"),
          kml: await text("/api/v1/admin/exports?layer=schools&format=kml", admin),
        };
        assertWellFormedXml(...Object.values(xml));
        const atom = readXml(xml.atom);
        const entry = [...atom.getElementsByTagName("entry")].find((e) => e.getElementsByTagName("id")[0]!.textContent!.endsWith(`#change-${seq}`))!;
        expect(entry.getElementsByTagName("title")[0]!.textContent).toBe(`${name}: Closed`);
        expect(entry.getElementsByTagName("content")[0]?.textContent ?? "").toBe(message);
        const cap = readXml(xml.cap);
        expect(texts(cap, "headline", CAP_NS)).toEqual([`${name}: Closed`]);
        expect(texts(cap, "description", CAP_NS)).toEqual([shown]);
        expect(texts(cap, "areaDesc", CAP_NS)).toEqual([`${name}, Sale West`]);
        const snapshot = readXml(xml.snapshot);
        expect(texts(snapshot, "description", CAP_NS)).toContain(shown);
        const index = readXml(xml.index);
        expect(texts(index, "summary").some((summary) => summary.endsWith(`:change:${seq}: ${shown}`))).toBe(true);
        const kml = readXml(xml.kml);
        const placemark = [...kml.getElementsByTagName("Placemark")].find((p) => p.getAttribute("id") === SCHOOL.id)!;
        expect(placemark.getElementsByTagName("name")[0]!.textContent).toBe(name);
        const data = Object.fromEntries([...placemark.getElementsByTagName("Data")].map((d) => [d.getAttribute("name"), d.getElementsByTagName("value")[0]!.textContent]));
        expect(data.status_message ?? "").toBe(message);

        // CSV: every writer, read back with the one rule's inverse.
        const publicRow = csvRows(await text("/api/v1/assets.csv?layer=schools")).find((r) => r.id === SCHOOL.id)!;
        expect([restoreFormula(publicRow.name!), restoreFormula(publicRow.status_message!)]).toEqual([name, message]);
        const adminRow = csvRows(await text("/api/v1/admin/exports?layer=schools&format=csv", admin)).find((r) => r.id === SCHOOL.id)!;
        expect([restoreFormula(adminRow.name!), restoreFormula(adminRow.status_message!)]).toEqual([name, message]);
        const auditRow = csvRows(await text("/api/v1/audit.csv", admin)).find((r) => r.seq === String(seq))!;
        expect([restoreFormula(auditRow.asset_name!), restoreFormula(auditRow.after_message!)]).toEqual([name, message]);

        // HTML: the embed widget's page, rendered as its route does.
        const state: EmbedState = {
          seq,
          params: { view: "list", theme: "light", limit: 50 },
          layers: ["schools"],
          title: name,
          mapUrl: `${t.url}/`,
          updatedAt: new Date(T0).toISOString(),
          licence: { name: "Open Government Licence v3.0", url: "https://licence.example/ogl" },
          assets: [{ id: SCHOOL.id, layer: "schools", name, status: toEmbedStatus(detail.properties.status) }],
        };
        const page = parseDocument(renderEmbedPage(state, { js: "/embed-assets/widget.js" }));
        const elements = (tag: string) => findAll(page, tag);
        expect(elements("script").map((s) => s.attribs.src)).toEqual(["/embed-assets/widget.js"]);
        expect(elements("title").map(textOf)).toEqual([name]);
        expect(JSON.parse(elements("div").find((d) => d.attribs.id === "snowline-embed")!.attribs["data-state"]!)).toEqual(state);
        const body = textOf(elements("body")[0]!);
        expect(body).toContain(name);
        if (message) expect(body).toContain(message);
      }),
      { numRuns: 100 },
    );
    // The property must have reached the outputs, not only the refusals.
    expect(published).toBeGreaterThanOrEqual(20);
  });

  it("through the notices API into the public notices and the audit CSV", { timeout: 120_000 }, async () => {
    const headers = { ...admin, "content-type": "application/json" };
    let published = 0;
    await fc.assert(
      fc.asyncProperty(officerText, async (typed) => {
        // Each run starts with no notice showing, so a counterexample stands on its own.
        for (const shown of (JSON.parse(await text("/api/v1/notices")) as { notices: { id: string }[] }).notices) {
          await fetch(`${t.url}/api/v1/notices/${shown.id}/end`, { method: "POST", headers });
        }
        // A second apart, so the audit CSV (newest first) lists this run's notice first.
        (t.clock as ManualClock).advance(1000);
        const res = await fetch(`${t.url}/api/v1/notices`, { method: "POST", headers, body: JSON.stringify({ level: "warning", text: typed }) });
        const normalised = normaliseLineBreaks(typed);
        const expected = normalised.trim();
        // Checked before trimming: a forbidden character at either end is refused, not trimmed away.
        if (forbiddenCharacterIn(normalised) !== null || expected === "" || typed.length > NOTICE_TEXT_MAX_LENGTH) {
          expect(res.status).toBe(400);
          expect(JSON.parse(await text("/api/v1/notices"))).toEqual({ notices: [] });
          return;
        }
        expect(res.status).toBe(201);
        published++;
        const { notice } = (await res.json()) as { notice: { id: string } };
        expect(JSON.parse(await text("/api/v1/notices"))).toMatchObject({ notices: [{ id: notice.id, text: expected }] });
        const row = csvRows(await text("/api/v1/audit.csv", admin)).find((r) => r.entry === "notice" && r.action === "notice created")!;
        expect(restoreFormula(row.notice_text!)).toBe(expected);
        expect((await fetch(`${t.url}/api/v1/notices/${notice.id}/end`, { method: "POST", headers })).status).toBe(200);
      }),
      { numRuns: 100 },
    );
    expect(published).toBeGreaterThanOrEqual(20);
  });
});

type HtmlNode = { type: string; name?: string; data?: string; attribs: Record<string, string | undefined>; children?: HtmlNode[] };
function findAll(node: unknown, tag: string): HtmlNode[] {
  const n = node as HtmlNode;
  const own = n.name === tag ? [n] : [];
  return own.concat((n.children ?? []).flatMap((child) => findAll(child, tag)));
}
function textOf(node: HtmlNode): string {
  if (node.type === "text") return node.data ?? "";
  return (node.children ?? []).map(textOf).join("");
}
