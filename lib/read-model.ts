import type { Change } from "./domain/change";
import type { Layer } from "./domain/layers";
import type { PublicNotice } from "./domain/notices";
import type { AssetSummaryWithStatus, AssetWithStatus } from "./domain/status";

export type { AssetSummaryWithStatus, AssetWithStatus };

/**
 * What public pages and the public API may read. It holds no authors and nothing unpublished.
 * Read `headSeq` before the assets: a change that lands in between is then replayed by a
 * client resuming from that seq, never missed.
 */
export interface ReadModel {
  headSeq(): Promise<number>;
  listAssets(filter?: { layer?: Layer }): Promise<AssetWithStatus[]>;
  /** The same without geometry, optionally only some ids: cheap enough to read on every page view. */
  listAssetSummaries(filter?: { layer?: Layer; ids?: readonly string[] }): Promise<AssetSummaryWithStatus[]>;
  getAsset(id: string): Promise<AssetWithStatus | null>;
  assetHistory(id: string, limit: number): Promise<Change[]>;
  changesSince(since: number, limit: number, layers?: readonly Layer[]): Promise<Change[]>;
  /** The changes after `since` and the head seq they lead up to, from one consistent read (for resumes). */
  changesSinceWithHead(since: number, limit: number, layers?: readonly Layer[]): Promise<{ seq: number; changes: Change[] }>;
  /** Notices showing at `now` or scheduled to show later. */
  publicNotices(now: number): Promise<PublicNotice[]>;
}
