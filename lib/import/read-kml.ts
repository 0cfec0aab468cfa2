import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import { checkXmlShape, DEFAULT_IMPORT_LIMITS, type ImportLimits } from "./import-limits";
import { ImportFileError } from "./import-report";
import { tableFromHtml, textFromHtml } from "./kml-description";
import { decodeText, type RawFeature, type RawFeatureSet } from "./raw-features";
import { valueFromText } from "./text-values";

// togeojson turns KML styles into simplestyle properties; they say how a line was drawn, not what it is.
const STYLE_PROPERTY = /^(stroke|fill|icon|label|marker)(-|$)|^(styleUrl|styleHash|styleMapHash|visibility|open)$/;

/** Reads KML (any version; a BOM is fine) into features. KML is always WGS84 longitude/latitude. */
export function readKml(bytes: Uint8Array, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): RawFeatureSet {
  const warnings: string[] = [];
  const text = decodeText(bytes, warnings);
  checkXmlShape(text, limits);
  const problems: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") problems.push(message.split("\n")[0]!.trim());
      },
    }).parseFromString(text, "text/xml") as unknown as Document;
  } catch {
    // xmldom throws on fatal errors after reporting them through onError.
  }
  if (problems.length) throw new ImportFileError(`The KML file is not well-formed XML: ${problems[0]}`);
  if (document!.documentElement?.localName !== "kml") {
    throw new ImportFileError(`The file is XML but not KML (its root element is <${document!.documentElement?.nodeName ?? "none"}>)`);
  }
  const collection = kml(document!);
  const features = collection.features.map((feature, index): RawFeature => ({
    row: index + 1,
    geometry: feature.geometry,
    properties: kmlProperties(feature.properties ?? {}),
  }));
  return { features, declaredCrs: "CRS84", rowKind: "feature", geometryFields: [], coordinateFields: null, warnings };
}

function kmlProperties(raw: Record<string, unknown>): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (STYLE_PROPERTY.test(key) || key === "description") continue;
    properties[key] = typeof value === "string" ? valueFromText(value) : value;
  }
  const description = descriptionText(raw.description);
  if (description) {
    // MapInfo and ArcGIS put a feature's attributes in an HTML table in its description.
    const table = tableFromHtml(description);
    if (table.length) {
      for (const [key, value] of table) if (!(key in properties)) properties[key] = valueFromText(value);
    } else {
      properties.description = textFromHtml(description);
    }
  }
  return properties;
}

function descriptionText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null && typeof (value as { value?: unknown }).value === "string") {
    return (value as { value: string }).value;
  }
  return null;
}
