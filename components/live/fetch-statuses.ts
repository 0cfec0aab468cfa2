import type { PublicAssetStatus, PublicStatusList } from "@/lib/api/public-statuses";

export type { PublicAssetStatus };

/** GET /api/v1/statuses: every status (or some ids) without shapes, with the seq they reflect. */
export async function fetchStatuses(filter: { ids?: readonly string[] } = {}): Promise<PublicStatusList> {
  const query = filter.ids ? `?ids=${encodeURIComponent(filter.ids.join(","))}` : "";
  const res = await fetch(`/api/v1/statuses${query}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load statuses (${res.status})`);
  return (await res.json()) as PublicStatusList;
}
