import type { Asset } from "../domain/assets";
import { DEMO_WARDS, wardAt } from "./borough";
import { createStreetNamer, postcodeIn } from "./names";
import { partitionBorough, spreadSites } from "./partition";
import { toClosedRing } from "./plane";
import type { Random } from "./random";

export const COLLECTION_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] as const;

export function buildBinRounds(random: Random, count: number): Asset[] {
  const sites = spreadSites(random, count)
    .map((site) => ({ site, ward: wardAt(site) }))
    // Numbering ward by ward, north to south, puts neighbouring rounds next to each other in lists.
    .sort((a, b) => DEMO_WARDS.indexOf(a.ward) - DEMO_WARDS.indexOf(b.ward) || b.site[1] - a.site[1]);
  const cells = partitionBorough(sites.map(({ site }) => site));
  const nextStreet = createStreetNamer(random.fork("round streets"));
  const roundsInWard = new Map<string, number>();

  return sites.map(({ ward }, index): Asset => {
    const roundInWard = (roundsInWard.get(ward.name) ?? 0) + 1;
    roundsInWard.set(ward.name, roundInWard);
    // A whole ward goes out on the same day, as crews usually work one patch a day.
    const collectionDay = COLLECTION_DAYS[DEMO_WARDS.indexOf(ward) % COLLECTION_DAYS.length]!;
    const sector = random.pick(ward.postcodeSectors);
    const postcodes = new Set<string>();
    const postcodeCount = random.int(2, 6);
    while (postcodes.size < postcodeCount) postcodes.add(postcodeIn(random, ward, sector));
    return {
      id: `round-${String(index + 1).padStart(2, "0")}`,
      layer: "bins",
      name: `${ward.name} ${collectionDay} round ${roundInWard}`,
      geometry: { type: "Polygon", coordinates: [toClosedRing(cells[index]!)] },
      attributes: {
        collectionDay,
        ward: ward.name,
        streets: Array.from({ length: random.int(5, 15) }, nextStreet),
        postcodes: [...postcodes].sort(),
      },
    };
  });
}
