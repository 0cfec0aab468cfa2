import { assetSchema, LAYER_GEOMETRIES, type Asset } from "../domain/assets";
import type { Geometry } from "../domain/geometry";
import { LAYER_LABELS, type Layer } from "../domain/layers";
import { AttributeNotes, mergeAttributes, sanitiseAttributes, type Attributes } from "./attributes";
import { assetIdFor, hashAssetId, idText } from "./asset-ids";
import type { Crs } from "./crs";
import { findField } from "./field-names";
import {
  EXPORT_STATUS_COLUMNS,
  ID_CANDIDATES,
  isDroppedField,
  NAME_CANDIDATES,
  PART_ID_FIELDS,
  PLACEHOLDER_NAMES,
  type IdCandidate,
} from "./field-profiles";
import type { ImportOptions } from "./import-options";
import { ImportFileError, type Rejection } from "./import-report";
import { deriveAttributes } from "./derived-attributes";
import { GeometryProblem, mergeGeometries, normaliseGeometry } from "./normalise-geometry";
import type { RawFeature, RawFeatureSet } from "./raw-features";

export interface MappedAsset {
  asset: Asset;
  rows: number[];
}

export interface MappedFeatures {
  assets: MappedAsset[];
  rejected: Rejection[];
  warnings: string[];
  idField: string | null;
  nameField: string | null;
}

interface Part {
  row: number;
  idValue: string | null;
  geometry: Geometry;
  name: string | null;
  attributes: Attributes;
}

type IdSource = { field: string; candidate: IdCandidate } | null;

/**
 * Turns features into assets of one layer: id from the id field (or a geometry hash when the file
 * has none), name from the name field, the rest as attributes. Features that share an id are merged
 * into one asset on line and area layers (a route drawn as many segments) and rejected as
 * duplicates on point layers. Every asset is checked against assetSchema; what fails is rejected
 * with its row and field, and the rest goes on.
 */
export function mapFeatures(set: RawFeatureSet, crs: Crs, options: ImportOptions): MappedFeatures {
  const { layer } = options;
  const fields = new Set(set.features.flatMap((f) => Object.keys(f.properties)));
  const idSource = chooseIdField(layer, fields, options.idField);
  const nameField = chooseField(fields, options.nameField, NAME_CANDIDATES[layer], "nameField");
  const notes = new AttributeNotes();
  const warnings = [...set.warnings];
  if (!idSource) {
    warnings.push(
      `No id field was found (looked for ${ID_CANDIDATES[layer].flatMap((c) => c.names).join(", ")}), so ids are a hash of each ` +
        "feature's geometry and name: moving or renaming one makes it a new asset. Choose a field with idField to avoid that.",
    );
  }
  const ignored = EXPORT_STATUS_COLUMNS.filter((c) => fields.has(c));
  if (ignored.length) warnings.push(`Ignored ${ignored.join(", ")}: an import never changes statuses.`);

  const exportedIdField = idSource && !idSource.candidate.verbatim ? findField(fields, ["id"]) : null;
  const skip = (field: string) =>
    field === nameField ||
    field === exportedIdField ||
    set.geometryFields.includes(field) ||
    isDroppedField(field) ||
    (field === idSource?.field && !!idSource.candidate.verbatim);
  const rejected: Rejection[] = [];
  const groups = new Map<string, Part[]>();
  for (const feature of set.features) {
    const part = toPart(feature, set, crs, nameField, skip, notes, rejected);
    if (!part) continue;
    let id: string;
    if (idSource) {
      part.idValue = idText(feature.properties[idSource.field]);
      const snowlineId = exportedIdField ? idText(feature.properties[exportedIdField]) : null;
      if (part.idValue !== null) id = assetIdFor(idSource.candidate.key, part.idValue, !!idSource.candidate.verbatim);
      // A Snowline export of a layer imported from several files: rows without this file's id field keep their own id.
      else if (snowlineId !== null) id = assetIdFor("id", snowlineId, true);
      else {
        rejected.push({ row: feature.row, field: idSource.field, message: `${idSource.field} is empty; it is needed so that re-imports update the same asset` });
        continue;
      }
    } else {
      id = hashAssetId(part.geometry, part.name);
    }
    const group = groups.get(id);
    if (!group) groups.set(id, [part]);
    else if (idSource && canMerge(layer, group[0]!, part)) group.push(part);
    else {
      const first = `${set.rowKind} ${group[0]!.row}`;
      rejected.push(
        idSource
          ? { row: feature.row, field: idSource.field, message: `${idSource.field} ${part.idValue} is also in ${first}; ids must be unique` }
          : { row: feature.row, field: "geometry", message: `A duplicate of ${first}: the same geometry and name` },
      );
    }
  }

  const assets: MappedAsset[] = [];
  for (const [id, parts] of groups) {
    const built = buildAsset(layer, id, parts, notes);
    if ("asset" in built) assets.push(built);
    else rejected.push(...built.rejections);
  }
  rejected.sort((a, b) => a.row - b.row);
  return { assets, rejected, warnings: [...warnings, ...notes.list()], idField: idSource?.field ?? null, nameField };
}

function chooseIdField(layer: Layer, fields: Set<string>, asked: string | undefined): IdSource {
  if (asked) {
    const field = chooseField(fields, asked, [], "idField")!;
    const candidate = ID_CANDIDATES[layer].find((c) => findField([field], c.names)) ?? { key: field.toLowerCase().replace(/[^a-z0-9]+/g, "_"), names: [field] };
    return { field, candidate };
  }
  for (const candidate of ID_CANDIDATES[layer]) {
    const field = findField(fields, candidate.names);
    if (field) return { field, candidate };
  }
  return null;
}

function chooseField(fields: Set<string>, asked: string | undefined, candidates: readonly string[], option: string): string | null {
  if (!asked) return findField(fields, candidates);
  const found = findField(fields, [asked]);
  if (!found) {
    const known = [...fields].slice(0, 40).join(", ") || "none";
    throw new ImportFileError(`The file has no field "${asked}" (given as ${option}); its fields are: ${known}`, option);
  }
  return found;
}

function toPart(
  feature: RawFeature,
  set: RawFeatureSet,
  crs: Crs,
  nameField: string | null,
  skip: (field: string) => boolean,
  notes: AttributeNotes,
  rejected: Rejection[],
): Part | null {
  if (feature.problem) {
    rejected.push({ row: feature.row, ...feature.problem });
    return null;
  }
  let geometry: Geometry;
  try {
    geometry = normaliseGeometry(feature.geometry, crs);
  } catch (error) {
    if (!(error instanceof GeometryProblem)) throw error;
    rejected.push({ row: feature.row, field: geometryField(feature, set), message: error.message });
    return null;
  }
  const rawName = nameField ? feature.properties[nameField] : null;
  const name = typeof rawName === "string" || typeof rawName === "number" ? String(rawName).trim() : "";
  return {
    row: feature.row,
    idValue: null,
    geometry,
    name: name && !PLACEHOLDER_NAMES.has(name.toLowerCase()) ? name : null,
    attributes: sanitiseAttributes(feature.properties, skip, notes),
  };
}

/** For CSV points, the column whose value is out of range; otherwise "geometry". */
function geometryField(feature: RawFeature, set: RawFeatureSet): string {
  if (!set.coordinateFields || feature.geometry?.type !== "Point") return set.geometryFields[0] ?? "geometry";
  const [, y] = feature.geometry.coordinates;
  return Math.abs(y ?? 0) > 90 ? set.coordinateFields.y : set.coordinateFields.x;
}

function canMerge(layer: Layer, first: Part, next: Part): boolean {
  const kind = (g: Geometry) => g.type.replace(/^Multi/, "");
  return layer !== "schools" && kind(first.geometry) !== "Point" && kind(first.geometry) === kind(next.geometry);
}

function buildAsset(
  layer: Layer,
  id: string,
  parts: Part[],
  notes: AttributeNotes,
): MappedAsset | { rejections: Rejection[] } {
  const rows = parts.map((p) => p.row);
  const geometry = mergeGeometries(parts.map((p) => p.geometry));
  const attributes = mergeAttributes(parts.map((p) => p.attributes), notes, (key) => findField([key], PART_ID_FIELDS) !== null);
  const name = parts.find((p) => p.name)?.name ?? `${LAYER_LABELS[layer].singular} ${parts[0]!.idValue ?? parts[0]!.row}`;
  const candidate = { id, layer, name, geometry, attributes: { ...attributes, ...deriveAttributes(layer, geometry, parts.map((p) => p.attributes)) } };
  if (parts.length > 1) candidate.attributes.segments = parts.length;
  const result = assetSchema.safeParse(candidate);
  if (result.success) return { asset: result.data, rows };
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join(".") || "(asset)";
  const allowed = LAYER_GEOMETRIES[layer].join(" or ");
  const message = field === "geometry.type" ? `A ${layer} asset needs ${allowed} geometry, not ${geometry.type}` : issue.message;
  return { rejections: rows.map((row) => ({ row, field, message })) };
}
