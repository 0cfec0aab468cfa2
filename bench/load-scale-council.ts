// Loads the benchmark-scale demo council (SCALE_PRESET: 2,000 schools, 300 routes of 200
// vertices, 600 bin rounds) into a fresh SQLite database, with a snow morning's disruptions.
//   node --import tsx bench/load-scale-council.ts DATA_DIR
import { SYSTEM_ACTOR } from "../lib/domain/change";
import type { ChangeInput } from "../lib/domain/status";
import { generateDemoCouncil, SCALE_PRESET } from "../lib/demo/generate-demo-council";
import { openSqliteStore } from "../lib/store/sqlite-store";

async function main(dir: string): Promise<void> {
  const store = await openSqliteStore(dir);
  try {
    if ((await store.countAssets()) > 0) throw new Error(`${dir} already holds assets; give an empty folder`);
    const { assets } = generateDemoCouncil(SCALE_PRESET);
    const now = Date.now();
    await store.upsertAssets(assets, now);
    const of = (layer: string) => assets.filter((a) => a.layer === layer);
    const every = <T>(items: T[], n: number) => items.filter((_, i) => i % n === 0);
    const changes: ChangeInput[] = [
      ...every(of("schools"), 7).map((a) => ({ assetId: a.id, status: { code: "closed", message: "Closed due to snow." } })),
      ...every(of("schools").filter((_, i) => i % 7 !== 0).slice(3), 11).map((a) => ({ assetId: a.id, status: { code: "late_opening", message: "Opening at 10:00." } })),
      ...every(of("gritting"), 2).map((a) => ({ assetId: a.id, status: { code: "completed", message: "Treated before 05:00." } })),
      ...every(of("bins"), 9).map((a) => ({ assetId: a.id, status: { code: "delayed", message: "A day late." } })),
    ];
    for (let i = 0; i < changes.length; i += 1000) {
      await store.appendChanges(changes.slice(i, i + 1000), { actor: SYSTEM_ACTOR, ip: null, now });
    }
    console.log(`Loaded ${assets.length} assets and ${changes.length} changes into ${dir}`);
  } finally {
    await store.close();
  }
}

main(process.argv[2] ?? "").catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error, (error as { fieldErrors?: unknown }).fieldErrors ?? "");
  process.exit(1);
});
