import type { AttributeValue } from "../domain/assets";
import type { AssetWithStatus } from "../domain/status";

export type ExportValue = AttributeValue;

/**
 * One asset as flat columns, the same in every export format: id, name, the current (and upcoming)
 * status, then its attributes. The status columns are the ones an import ignores, so an exported
 * file imports back onto the same assets, unchanged. An attribute whose name is taken is renamed
 * `attribute_<name>`.
 */
export function exportProperties(asset: AssetWithStatus): Record<string, ExportValue> {
  const { status } = asset;
  const properties: Record<string, ExportValue> = {
    id: asset.id,
    name: asset.name,
    status: status.code,
    status_label: status.label,
    status_category: status.category,
    status_message: status.message,
    status_from: status.from,
    status_until: status.until,
    status_set_at: status.setAt,
    status_version: status.version,
    upcoming_status: status.upcoming?.code ?? null,
    upcoming_from: status.upcoming?.from ?? null,
    upcoming_until: status.upcoming?.until ?? null,
    upcoming_message: status.upcoming?.message ?? null,
  };
  for (const [key, value] of Object.entries(asset.attributes)) {
    properties[key in properties ? `attribute_${key}` : key] = value;
  }
  return properties;
}

/** A value as one text cell (CSV, KML ExtendedData): lists as a JSON array (the import reads them back), null as nothing. */
export function cellText(value: ExportValue): string {
  if (value === null) return "";
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}
