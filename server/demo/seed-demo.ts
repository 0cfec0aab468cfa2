import { SYSTEM_ACTOR } from "../../lib/domain/change";
import type { ChangeInput } from "../../lib/domain/status";
import { generateDemoCouncil } from "../../lib/demo/generate-demo-council";
import type { Polygon } from "../../lib/domain/geometry";
import type { Store } from "../../lib/store/store";

const HOUR = 3_600_000;

/**
 * Loads the made-up demo council into an empty store, with a snow morning's worth of statuses
 * so the map has something to show. Does nothing if any asset exists.
 */
export async function seedDemoIfEmpty(
  store: Store,
  now: number,
  options: { schools?: number } = {},
): Promise<{ seeded: boolean; councilName: string; boundary: Polygon }> {
  const { council, assets } = generateDemoCouncil({ schools: options.schools });
  const result = { councilName: council.name, boundary: council.boundary };
  if ((await store.countAssets()) > 0) return { seeded: false, ...result };
  await store.upsertAssets(assets, now);

  const endOfDay = new Date(now);
  endOfDay.setUTCHours(23, 59, 0, 0);
  const until = endOfDay.getTime() > now + HOUR ? endOfDay.toISOString() : new Date(now + 12 * HOUR).toISOString();
  const byLayer = (layer: string) => assets.filter((a) => a.layer === layer);
  const pick = <T>(items: T[], every: number) => items.filter((_, i) => i % every === 0);

  const changes: ChangeInput[] = [
    ...pick(byLayer("schools"), 7).map((a) => ({
      assetId: a.id,
      status: { code: "closed", message: "Closed due to snow. Check back at 7am for tomorrow.", until },
    })),
    ...pick(byLayer("schools").filter((_, i) => i % 7 !== 0).slice(3), 11).map((a) => ({
      assetId: a.id,
      status: { code: "late_opening", message: "Opening at 10:00 so that staff can travel safely.", until },
    })),
    ...pick(byLayer("gritting"), 2).map((a) => ({ assetId: a.id, status: { code: "completed", message: "Treated before 05:00." } })),
    ...pick(byLayer("gritting").slice(1), 4).map((a) => ({ assetId: a.id, status: { code: "in_progress", message: "" } })),
    ...pick(byLayer("bins"), 9).map((a) => ({
      assetId: a.id,
      status: { code: "delayed", message: "Collections running a day late because of icy roads.", until },
    })),
  ];
  await store.appendChanges(changes, { actor: SYSTEM_ACTOR, ip: null, now });
  await store.notices.create(
    {
      level: "warning",
      text: "Snow and ice across the borough this morning. Allow extra time, and check your school and bin round before you set out.",
      until,
    },
    { actor: SYSTEM_ACTOR, ip: null, now },
  );
  return { seeded: true, ...result };
}
