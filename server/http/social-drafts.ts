import type { Context } from "hono";
import type { SocialPost } from "../../lib/api/contract/api-schemas";
import type { ChangeBatch } from "../../lib/domain/change";
import { draftSocialPost } from "../../lib/social/draft-social-post";
import type { HttpDeps } from "./context";
import { baseUrlOf } from "./public-get";

// A batch of hundreds is a bulk update, not something to post about asset by asset.
export const SOCIAL_DRAFTS_MAX = 20;

/** Ready-to-copy posts for the changes just published (the console shows them); none for big batches. */
export async function socialDraftsFor(batch: ChangeBatch, deps: HttpDeps, c: Context): Promise<SocialPost[]> {
  if (batch.changes.length > SOCIAL_DRAFTS_MAX) return [];
  const base = baseUrlOf(c, deps);
  const drafts = [];
  for (const change of batch.changes) {
    const asset = await deps.store.getAsset(change.assetId);
    if (asset) drafts.push({ assetId: change.assetId, seq: change.seq, text: draftSocialPost(change, asset, base) });
  }
  return drafts;
}
