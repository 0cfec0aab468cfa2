import { toKML } from "@placemarkio/tokml";
import type { Feature, Geometry } from "geojson";
import { replaceForbiddenCharacters } from "../domain/safe-text";
import type { AssetWithStatus } from "../domain/status";
import { cellText, exportProperties } from "./export-properties";

/**
 * KML 2.2 built by tokml (an XML tree serialised by xast-util-to-xml, so officer text is escaped,
 * never concatenated): the placemark's name is the asset's name, its description the asset's
 * `description` attribute (as the import reads it), and every other column, the status ones
 * included, is ExtendedData, which Google Earth shows as a table.
 */
export function assetsToKml(assets: AssetWithStatus[]): string {
  const features = assets.map((asset): Feature<Geometry> => {
    const properties: Record<string, string> = {};
    for (const [key, value] of Object.entries(exportProperties(asset))) {
      // Characters XML cannot hold (in text stored before input was checked) become U+FFFD.
      if (value !== null && value !== "") properties[replaceForbiddenCharacters(key)] = replaceForbiddenCharacters(cellText(value));
    }
    return { type: "Feature", id: asset.id, geometry: asset.geometry as Geometry, properties };
  });
  // xast-util-to-xml escapes `<` and `&` in text but not `>`, and `]]>` may not appear in XML
  // content, so a message holding it made the whole file unreadable. We give tokml only strings
  // (never its `{ "@type": "html" }` CDATA form) and it writes no comments, so every `]]>` in its
  // output is text or an attribute value, where `]]&gt;` reads back as the same characters.
  return toKML({ type: "FeatureCollection", features }).replaceAll("]]>", "]]&gt;");
}
