import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postImport } from "../../../test/support/admin-api";
import { startTestServer, type TestServer } from "../../../test/support/test-server";

/** Bytes that look like nothing, the same on every run. */
function garbage(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

const nestedCollections = (depth: number) =>
  '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ROUTEID":"1"},"geometry":' +
  '{"type":"GeometryCollection","geometries":['.repeat(depth) +
  "]}".repeat(depth) +
  "}]}";

type ErrorBody = { error: { status: number; message: string; fieldErrors?: { path: string; message: string }[] } };

// Each case sends megabytes to a worker; on a busy machine that is more than the default 20 s.
describe("imports of malformed or oversized files", { timeout: 90_000 }, () => {
  let t: TestServer;
  let before: number;
  beforeAll(async () => {
    t = await startTestServer();
    before = await t.store.countAssets();
  });
  afterAll(async () => {
    // Whatever was sent, with dryRun=false, nothing was stored.
    expect(await t.store.countAssets()).toBe(before);
    await t.close();
  });

  const send = async (query: Record<string, string>, raw: string | Uint8Array, contentType = "application/octet-stream") => {
    const res = await postImport(t, { dryRun: "false", ...query }, { raw, contentType });
    return { status: res.status, body: (await res.json()) as ErrorBody };
  };
  const paths = (body: ErrorBody) => body.error.fieldErrors?.map((f) => f.path);

  it("refuses a 0.3 MB CSV of 100,000 columns at its header with 413 naming the column cap (it took 27 s and scaled worse than linearly)", async () => {
    const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",");
    const { status, body } = await send({ layer: "schools", format: "csv" }, `${header}\n`);
    expect(status).toBe(413);
    expect(paths(body)).toEqual(["file.columns"]);
    expect(body.error.message).toBe("The file has 100,000 columns; an import may have at most 1,000.");
  });

  it("refuses a CSV of a million rows with 413 naming the row cap (it blocked the server for 22 s)", async () => {
    const csv = "URN,lat,lon\n" + "1,53.4,-2.3\n".repeat(1_000_000);
    const { status, body } = await send({ layer: "schools", format: "csv" }, csv);
    expect(status).toBe(413);
    expect(paths(body)).toEqual(["file.rows"]);
    expect(body.error.message).toMatch(/more than 100,000 rows/);
  });

  it("refuses a CSV with a 2 MB cell with 413 naming the cell cap", async () => {
    const { status, body } = await send({ layer: "schools", format: "csv" }, `URN,name,lat,lon\n1,${"x".repeat(2_000_000)},53.4,-2.3\n`);
    expect(status).toBe(413);
    expect(paths(body)).toEqual(["file.cellChars"]);
  });

  it("refuses a KML of 1.1 million positions with 413 naming the vertex cap", async () => {
    const kml = `<kml><Document><Placemark><name>R</name><LineString><coordinates>${"-2.3,53.4 ".repeat(1_100_000)}</coordinates></LineString></Placemark></Document></kml>`;
    const { status, body } = await send({ layer: "gritting", format: "kml" }, kml);
    expect(status).toBe(413);
    expect(paths(body)).toEqual(["file.vertices"]);
  });

  it.each([
    ["GeometryCollections nested 10,000 deep", nestedCollections(10_000)],
    ["coordinates nested 1,000,000 deep", `{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}}}`],
    ["properties nested 100,000 deep", `{"type":"Feature","geometry":null,"properties":${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}}`],
  ])("refuses GeoJSON with %s with 400 naming the depth cap (it answered 500)", async (_what, geojson) => {
    const { status, body } = await send({ layer: "gritting", format: "geojson" }, geojson);
    expect(status).toBe(400);
    expect(paths(body)).toEqual(["file.depth"]);
    expect(body.error.message).toMatch(/nested more than 32 levels deep/);
  });

  it("refuses KML nested 100,000 elements deep with 400 naming the depth cap", async () => {
    const kml = `<kml>${"<Folder>".repeat(100_000)}${"</Folder>".repeat(100_000)}</kml>`;
    const { status, body } = await send({ layer: "gritting", format: "kml" }, kml);
    expect(status).toBe(400);
    expect(paths(body)).toEqual(["file.depth"]);
  });

  it.each(["csv", "geojson", "kml"])("refuses 1 MB of binary garbage sent as %s with 400 and a message about the file", async (format) => {
    const { status, body } = await send({ layer: "schools", format }, garbage(1024 * 1024, 7));
    expect(status).toBe(400);
    expect(paths(body)?.[0]).toMatch(/^file/);
    expect(body.error.message).not.toMatch(/went wrong on our side/);
  });

  it("refuses binary garbage as a shapefile with 400", async () => {
    const res = await postImport(t, { layer: "gritting", dryRun: "false" }, [
      { name: "routes.shp", data: garbage(64 * 1024, 11) },
      { name: "routes.dbf", data: garbage(4 * 1024, 12) },
    ]);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^The shapefile could not be read/);
  });

  it.each([
    ["CSV sent as GeoJSON", "geojson", "URN,lat,lon\n1,53.4,-2.3\n", /^The file is not valid JSON/],
    ["GeoJSON sent as KML", "kml", '{"type":"FeatureCollection","features":[]}', /^The KML file is not well-formed XML|^The file is XML but not KML/],
    ["KML sent as CSV", "csv", "<kml><Document></Document></kml>", /^The CSV file has no header row|^The CSV has no geometry columns/],
  ])("refuses a %s with 400", async (_what, format, text, message) => {
    const { status, body } = await send({ layer: "schools", format }, text);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(message);
  });
});
