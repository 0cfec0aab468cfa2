import type { Geometry, Position } from "../domain/geometry";
import type { Layer } from "../domain/layers";
import { lineLengthKm } from "../demo/line-length";
import type { Attributes } from "./attributes";
import { findField } from "./field-names";
import { priorityFrom } from "./field-profiles";

/**
 * Attributes the console and the public pages read whatever the source: `lengthKm` of a route, and
 * a gritting `priority` as a number (1 first) from a council's priority field, the most urgent
 * when merged features differ. The source fields are kept as they were.
 */
export function deriveAttributes(layer: Layer, geometry: Geometry, parts: Attributes[]): Attributes {
  const derived: Attributes = {};
  const lines: Position[][] =
    geometry.type === "LineString" ? [geometry.coordinates] : geometry.type === "MultiLineString" ? geometry.coordinates : [];
  if (lines.length) derived.lengthKm = Math.round(lines.reduce((sum, line) => sum + lineLengthKm(line), 0) * 100) / 100;
  if (layer === "gritting") {
    const field = findField(parts.flatMap((p) => Object.keys(p)), ["priority"]);
    const priorities = field ? parts.map((p) => priorityFrom(p[field])).filter((p): p is number => p !== null) : [];
    if (priorities.length) derived.priority = Math.min(...priorities);
  }
  return derived;
}
