import type { Layer } from "../domain/layers";

/**
 * Where an asset's id comes from. `key` starts the id (`urn-106167`), so two spellings of one
 * field (URN in one file, unique_reference_number in another) give the same ids; `verbatim`
 * ids are used as they are (Snowline's own exports, or a file whose `id` is already one).
 */
export interface IdCandidate {
  key: string;
  names: readonly string[];
  verbatim?: boolean;
}

const GENERIC_ID: IdCandidate = { key: "id", names: ["id"], verbatim: true };
/** GIS row ids: an asset's id when nothing better exists, dropped when features sharing a better id are merged. */
export const PART_ID_FIELDS = ["OBJECTID", "FID"] as const;
const OBJECT_ID: IdCandidate = { key: "objectid", names: PART_ID_FIELDS };

/**
 * Id columns tried in order, per layer. Schools: the DfE unique reference number. Gritting: a
 * route id first (features sharing it are merged into one route), then the street's USRN (the
 * national street id, so a street's segments become one asset), then a GIS row id.
 */
export const ID_CANDIDATES: Record<Layer, readonly IdCandidate[]> = {
  schools: [{ key: "urn", names: ["URN", "unique_reference_number"] }, GENERIC_ID],
  gritting: [{ key: "routeid", names: ["ROUTEID", "route_id", "route_ref"] }, { key: "usrn", names: ["USRN"] }, OBJECT_ID, GENERIC_ID],
  bins: [{ key: "round", names: ["round_id", "ROUNDID", "round_ref"] }, OBJECT_ID, GENERIC_ID],
};

export const NAME_CANDIDATES: Record<Layer, readonly string[]> = {
  schools: ["name", "school_name", "establishment_name", "EstablishmentName", "school", "title"],
  gritting: ["name", "route_name", "street_name", "STREET_NAM", "road_name", "street", "road", "title"],
  bins: ["name", "round_name", "round", "title"],
};

/** Names that tools write when a feature has none (MapInfo's KML export names every placemark so). */
export const PLACEHOLDER_NAMES = new Set(["mapinfo saved objects", "untitled placemark", "untitled path", "untitled polygon"]);

/** Fields that say nothing about the asset: ESRI's length/area in the old CRS, and the columns Snowline's exports add. */
export function isDroppedField(name: string): boolean {
  return /^shape_{1,2}(len|leng|length|area|stle|star|stlength|starea)$/i.test(name) || EXPORT_COLUMNS.has(name);
}

/** Columns that Snowline's exports add to each asset's attributes; an import reads them back as nothing. */
export const EXPORT_STATUS_COLUMNS = [
  "status",
  "status_label",
  "status_category",
  "status_message",
  "status_from",
  "status_until",
  "status_set_at",
  "status_version",
  "upcoming_status",
  "upcoming_from",
  "upcoming_until",
  "upcoming_message",
] as const;
const EXPORT_COLUMNS = new Set<string>(EXPORT_STATUS_COLUMNS);

/** Gritting priorities as numbers (1 = first treated), from words councils use. */
export function priorityFrom(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1 && value <= 5 ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim().toLowerCase();
  if (/^[1-5]$/.test(text)) return Number(text);
  if (/^(p1|primary|priority 1|main)\b/.test(text)) return 1;
  if (/^(p2|secondary|priority 2)\b/.test(text)) return 2;
  if (/^(p3|tertiary|community|priority 3)\b/.test(text)) return 3;
  return null;
}
