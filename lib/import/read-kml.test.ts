import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-report";
import { readKml } from "./read-kml";

const utf8 = (text: string) => new TextEncoder().encode(text);
const kml = (placemarks: string) =>
  `<?xml version="1.0" encoding="utf-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${placemarks}</Document></kml>`;

describe("readKml", () => {
  it("reads a file that starts with a BOM, as MapInfo writes them", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(kml("<Placemark><name>A</name><Point><coordinates>-2.3,53.4,0</coordinates></Point></Placemark>"))]);
    const set = readKml(bytes);
    expect(set.features).toHaveLength(1);
    expect(set.features[0]!.geometry).toEqual({ type: "Point", coordinates: [-2.3, 53.4, 0] });
    expect(set.declaredCrs).toBe("CRS84");
  });

  it("takes attributes from a description's HTML table (even an unclosed one) and drops drawing styles", () => {
    const set = readKml(
      utf8(
        kml(`<Placemark><name>MapInfo Saved Objects</name>
          <description><![CDATA[<br><br><table border="1"><tr><td>ROUTEID</td><td>3</td></tr><tr><td>Depot</td><td>Sale &amp; Ashton</td></tr>]]></description>
          <Style><LineStyle><color>FF0000FF</color><width>2</width></LineStyle></Style>
          <LineString><coordinates>-2.3,53.4 -2.2,53.5</coordinates></LineString></Placemark>`),
      ),
    );
    expect(set.features[0]!.properties).toEqual({ name: "MapInfo Saved Objects", ROUTEID: 3, Depot: "Sale & Ashton" });
  });

  it("keeps a description without a table as plain text, and types ExtendedData", () => {
    const set = readKml(
      utf8(
        kml(`<Placemark><name>B</name><description><![CDATA[<p>See <b>the map</b></p>]]></description>
          <ExtendedData><Data name="priority"><value>2</value></Data><Data name="code"><value>007</value></Data></ExtendedData>
          <Point><coordinates>-2.3,53.4</coordinates></Point></Placemark>`),
      ),
    );
    expect(set.features[0]!.properties).toEqual({ name: "B", description: "See the map", priority: 2, code: "007" });
  });

  it("turns MultiGeometry into a geometry collection for the mapper to merge", () => {
    const set = readKml(
      utf8(kml(`<Placemark><MultiGeometry><LineString><coordinates>0,50 1,51</coordinates></LineString><LineString><coordinates>1,51 2,52</coordinates></LineString></MultiGeometry></Placemark>`)),
    );
    expect(set.features[0]!.geometry?.type).toBe("GeometryCollection");
  });

  it.each([
    ["a truncated file", kml("<Placemark><name>A</name>").slice(0, -20), /not well-formed XML/],
    ["mismatched tags", "<kml><Document></kml>", /not well-formed XML: .*mismatch/i],
    ["text that is not XML", "route 1, route 2", /not well-formed XML/],
    ["XML that is not KML", "<gpx><trk/></gpx>", /not KML \(its root element is <gpx>\)/],
  ])("refuses %s with a clear message", (_what, text, message) => {
    expect(() => readKml(utf8(text))).toThrow(ImportFileError);
    expect(() => readKml(utf8(text))).toThrow(message);
  });
});
