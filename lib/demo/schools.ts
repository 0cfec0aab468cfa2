import type { Asset } from "../domain/assets";
import { DEMO_WARDS, isWellInside, randomPointInBorough, wardAt } from "./borough";
import { createPlaceNamer, createStreetNamer, postcodeIn, schoolName, type SchoolPhase } from "./names";
import { toPosition, type Vec } from "./plane";
import { splitByShares, type Random } from "./random";

// Roughly the mix of an English borough: mostly primaries, a handful of each of the rest.
const PHASE_SHARES: ReadonlyArray<readonly [SchoolPhase, number]> = [
  ["Primary", 0.65],
  ["Secondary", 0.17],
  ["Special", 0.07],
  ["Nursery", 0.07],
  ["All-through", 0.04],
];
// Most schools sit in the built-up middle of a ward; the rest are anywhere.
const SHARE_NEAR_WARD_CENTRE = 0.7;
const WARD_SPREAD_KM = 1.2;

export function buildSchools(random: Random, count: number): Asset[] {
  const phases = random.shuffle(splitByShares(count, PHASE_SHARES));
  const nextPlace = createPlaceNamer(random.fork("school names"));
  const nextStreet = createStreetNamer(random.fork("school streets"));
  return phases.map((phase, index): Asset => {
    const location = schoolLocation(random);
    const ward = wardAt(location);
    const postcode = postcodeIn(random, ward);
    return {
      id: `school-${String(index + 1).padStart(3, "0")}`,
      layer: "schools",
      name: schoolName(random, nextPlace(), phase),
      geometry: { type: "Point", coordinates: toPosition(location) },
      attributes: { phase, ward: ward.name, address: `${random.int(1, 180)} ${nextStreet()}, ${postcode}`, postcode },
    };
  });
}

function schoolLocation(random: Random): Vec {
  if (random.next() >= SHARE_NEAR_WARD_CENTRE) return randomPointInBorough(random);
  const [cx, cy] = random.pick(DEMO_WARDS).centre;
  for (;;) {
    const point: Vec = [cx + gaussian(random) * WARD_SPREAD_KM, cy + gaussian(random) * WARD_SPREAD_KM];
    if (isWellInside(point)) return point;
  }
}

// Box–Muller: one standard normal draw.
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}
