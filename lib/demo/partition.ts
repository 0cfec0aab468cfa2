import { BOROUGH_BOX_RING, BOROUGH_RING, randomPointInBorough } from "./borough";
import { clipRingToConvex, clipRingToHalfPlane, distance, type Ring, type Vec } from "./plane";
import type { Random } from "./random";

const CANDIDATES_PER_SITE = 10;

/**
 * `count` points spread evenly but not in a grid (Mitchell's best candidate): each new site is the
 * candidate farthest from those already placed, so the cells around them come out of similar size.
 */
export function spreadSites(random: Random, count: number): Vec[] {
  const sites: Vec[] = [];
  while (sites.length < count) {
    let best: Vec | undefined;
    let bestGap = -1;
    for (let i = 0; i < CANDIDATES_PER_SITE; i++) {
      const candidate = randomPointInBorough(random);
      const gap = sites.reduce((nearest, site) => Math.min(nearest, distance(site, candidate)), Infinity);
      if (gap > bestGap) [best, bestGap] = [candidate, gap];
    }
    sites.push(best!);
  }
  return sites;
}

/**
 * Splits the borough into one cell per site, each holding the places nearest that site (a Voronoi
 * diagram cut to the outline). The cells tile the borough: no overlaps, no gaps.
 */
export function partitionBorough(sites: readonly Vec[]): Ring[] {
  return sites.map((site, index) => {
    const others = sites
      .map((other, otherIndex) => ({ other, otherIndex, gap: distance(site, other) }))
      .filter(({ otherIndex }) => otherIndex !== index)
      .sort((a, b) => a.gap - b.gap);
    let cell = BOROUGH_BOX_RING;
    for (const { other, gap } of others) {
      // A site more than twice the cell's reach away cannot cut it, nor can any farther one.
      if (gap > 2 * reach(site, cell)) break;
      const normal: Vec = [other[0] - site[0], other[1] - site[1]];
      const offset = (other[0] ** 2 + other[1] ** 2 - site[0] ** 2 - site[1] ** 2) / 2;
      cell = clipRingToHalfPlane(cell, normal, offset);
    }
    return clipRingToConvex(BOROUGH_RING, cell);
  });
}

function reach(site: Vec, cell: Ring): number {
  return cell.reduce((farthest, vertex) => Math.max(farthest, distance(site, vertex)), 0);
}
