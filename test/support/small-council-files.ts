import type { ShapefileParts } from "../../lib/import/read-shapefile";
import { BRITISH_NATIONAL_GRID_PRJ, writePolylineShapefile, type PolylineRecord } from "./shapefile-writer";

/**
 * A made-up council's files, small enough to read, shaped like the ones councils publish: schools
 * as GeoJSON and two CSVs (the id field spelt two ways), gritting routes in British National Grid
 * as GeoJSON, the same routes as a MapInfo KML, and street segments as a shapefile. The import
 * tests run on these everywhere; the real council files, where present, are tested on top.
 */

const text = (value: string) => new TextEncoder().encode(value);

export const SCHOOLS = [
  { urn: 900101, name: "Ashdown Primary School", type: "Local authority maintained schools", phase: "Primary", postcode: "M33 7AA", lon: -2.3212, lat: 53.4231 },
  { urn: 900102, name: "Brookfield High School", type: "Academies", phase: "Secondary", postcode: "M33 4BB", lon: -2.3105, lat: 53.4318 },
  { urn: 900103, name: "Cedar Lane Infants", type: "Local authority maintained schools", phase: "Primary", postcode: "M32 9CC", lon: -2.3021, lat: 53.4427 },
  { urn: 900104, name: "Dale Street Special School", type: "Special schools", phase: "All through", postcode: "M16 0DD", lon: -2.2783, lat: 53.4515 },
] as const;

export const SCHOOL_IDS = SCHOOLS.map((s) => `urn-${s.urn}`).sort();

/** GeoJSON in WGS84, the DfE's long field name for the id. */
export function schoolsGeoJson(): Uint8Array {
  return text(
    JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:OGC:1.3:CRS84" } },
      features: SCHOOLS.map((s) => ({
        type: "Feature",
        properties: { name: s.name, unique_reference_number: s.urn, type: s.type, postcode: s.postcode },
        geometry: { type: "Point", coordinates: [s.lon, s.lat] },
      })),
    }),
  );
}

/** The same schools as CSV with lon and lat columns. */
export function schoolsCsv(): string {
  return ["name,unique_reference_number,type,postcode,lon,lat", ...SCHOOLS.map((s) => `${s.name},${s.urn},${s.type},${s.postcode},${s.lon},${s.lat}`)].join("\n") + "\n";
}

/** Another CSV of the same schools, with the short id field name and a phase column. */
export function schoolsWithPhaseCsv(): string {
  return ["URN,name,type,phase,lon,lat", ...SCHOOLS.map((s) => `${s.urn},${s.name},${s.type},${s.phase},${s.lon},${s.lat}`)].join("\n") + "\n";
}

/** Gritting route segments in British National Grid (eastings, northings) and in WGS84; route 1 has two. */
export const ROUTE_SEGMENTS: { routeId: string; line: [number, number][]; wgs84: [number, number][] }[] = [
  {
    routeId: "1",
    line: [[375265.79, 387305.77], [375609.89, 387679.8], [376070.71, 387831.9]],
    wgs84: [[-2.373304, 53.382032], [-2.36816, 53.38541], [-2.361243, 53.386798]],
  },
  {
    routeId: "1",
    line: [[376494.72, 389239.87], [376144.72, 389106.36]],
    wgs84: [[-2.354974, 53.399472], [-2.360228, 53.398256]],
  },
  {
    routeId: "2",
    line: [[378012.4, 392050.1], [378530.2, 392410.6], [379044.9, 392633.3]],
    wgs84: [[-2.332347, 53.424781], [-2.324579, 53.428043], [-2.316848, 53.430066]],
  },
];

/** The routes as GeoJSON that declares EPSG:27700, one feature per segment sharing a ROUTEID. */
export function routesBritishNationalGridGeoJson(): Uint8Array {
  return text(
    JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::27700" } },
      features: ROUTE_SEGMENTS.map((s) => ({ type: "Feature", properties: { ROUTEID: s.routeId }, geometry: { type: "LineString", coordinates: s.line } })),
    }),
  );
}

/** The same routes as MapInfo exports KML: every placemark called "MapInfo Saved Objects", the id in a description table. */
export function routesKml(): Uint8Array {
  const placemarks = ROUTE_SEGMENTS.map(
    (s) =>
      `<Placemark><name><![CDATA[MapInfo Saved Objects]]></name><description><![CDATA[<br><table border="1"><tr><td>ROUTEID</td><td>${s.routeId}</td></tr>]]></description>` +
      `<LineString><coordinates>${s.wgs84.map(([lon, lat]) => `${lon},${lat},0`).join(" ")}</coordinates></LineString></Placemark>`,
  );
  return text(`<?xml version="1.0" encoding="utf-8"?><kml xmlns="http://earth.google.com/kml/2.1"><Folder>${placemarks.join("")}</Folder></kml>`);
}

/** Street segments: two share a USRN (one street), each a Shape_Leng that an import drops. */
const STREET_SEGMENTS: PolylineRecord[] = [
  {
    lines: [[[381972.99, 386136.99], [381961.0, 386124.0], [381911.0, 386081.0]]],
    values: { OBJECTID: 8090, USRN: 24500034, Priority: "Secondary Route", STREET_NAM: "Bailey Lane", Shape_Leng: 88.1 },
  },
  {
    lines: [[[381911.0, 386081.0], [381904.0, 386071.99], [381899.99, 386067.99]]],
    values: { OBJECTID: 8091, USRN: 24500034, Priority: "Secondary Route", STREET_NAM: "Bailey Lane", Shape_Leng: 17.3 },
  },
  {
    lines: [[[383520.5, 392860.2], [383610.7, 393020.4]], [[383610.7, 393020.4], [383655.1, 393140.9]]],
    values: { OBJECTID: 8120, USRN: 24500101, Priority: "Primary Route", STREET_NAM: "Palatine Road", Shape_Leng: 312.9 },
  },
];

export const STREET_IDS = ["usrn-24500034", "usrn-24500101"];

/** The street segments as a shapefile in British National Grid: .shp, .dbf and .prj. */
export function streetsShapefile(): ShapefileParts {
  const fields = [
    { name: "OBJECTID", type: "N", width: 10 },
    { name: "USRN", type: "N", width: 10 },
    { name: "Priority", type: "C", width: 20 },
    { name: "STREET_NAM", type: "C", width: 40 },
    { name: "Shape_Leng", type: "N", width: 12 },
  ] as const;
  return writePolylineShapefile([...fields], STREET_SEGMENTS, BRITISH_NATIONAL_GRID_PRJ);
}

/** Wards as bin rounds: two polygons in WGS84, named by area_name. */
export function wardsGeoJson(): Uint8Array {
  const square = (west: number, south: number) => [[[west, south], [west + 0.02, south], [west + 0.02, south + 0.015], [west, south + 0.015], [west, south]]];
  return text(
    JSON.stringify({
      type: "FeatureCollection",
      features: [
        { type: "Feature", properties: { OBJECTID: 1, area_name: "Sale West" }, geometry: { type: "Polygon", coordinates: square(-2.35, 53.41) } },
        { type: "Feature", properties: { OBJECTID: 2, area_name: "Ashton upon Mersey" }, geometry: { type: "Polygon", coordinates: square(-2.33, 53.425) } },
      ],
    }),
  );
}
