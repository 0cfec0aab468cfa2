import type { Asset } from "../domain/assets";
import type { Change, ChangeKind } from "../domain/change";
import type { Layer } from "../domain/layers";
import type { AssetState, StatusRecord } from "../domain/status";
import { nextDueAt } from "../domain/transitions";
import type { AssetStatusTable, AssetsTable, ChangesTable } from "./database";

/** Conversions between table rows and domain types, in one place for both dialects. */

// PostgreSQL returns bigint columns as strings unless told otherwise; SQLite returns numbers.
export const num = (value: number | string): number => (typeof value === "number" ? value : Number(value));
const numOrNull = (value: number | string | null): number | null => (value === null ? null : num(value));

export function assetFromRow(row: AssetsTable): Asset {
  return {
    id: row.id,
    layer: row.layer as Layer,
    name: row.name,
    geometry: JSON.parse(row.geometry),
    attributes: JSON.parse(row.attributes),
  };
}

export function stateFromRow(row: AssetStatusTable): AssetState {
  return {
    current: {
      code: row.code,
      message: row.message,
      from: numOrNull(row.from_ms),
      until: numOrNull(row.until_ms),
      setAt: num(row.set_at),
    },
    upcoming: row.upcoming === null ? null : (JSON.parse(row.upcoming) as StatusRecord),
    version: num(row.version),
    lastSeq: num(row.last_seq),
  };
}

export function stateToRow(assetId: string, state: AssetState): AssetStatusTable {
  return {
    asset_id: assetId,
    code: state.current.code,
    message: state.current.message,
    from_ms: state.current.from,
    until_ms: state.current.until,
    set_at: state.current.setAt,
    upcoming: state.upcoming === null ? null : JSON.stringify(state.upcoming),
    version: state.version,
    last_seq: state.lastSeq,
    due_at: nextDueAt(state),
  };
}

export function changeFromRow(row: Pick<ChangesTable, "seq" | "asset_id" | "layer" | "kind" | "at" | "status">): Change {
  return {
    seq: num(row.seq),
    assetId: row.asset_id,
    layer: row.layer as Layer,
    kind: row.kind as ChangeKind,
    at: new Date(num(row.at)).toISOString(),
    status: JSON.parse(row.status),
  };
}
