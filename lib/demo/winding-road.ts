import { distance, lerp, type Vec } from "./plane";
import type { Random } from "./random";

const HARMONICS = 7;

/**
 * A road-like line from `from` to `to` with exactly `vertexCount` vertices. The sideways offset is a
 * sum of a few sine waves (long sweeping bends plus smaller kinks), pinned to zero at both ends;
 * vertices are then spaced unevenly along it, as surveyed road centrelines are.
 * `wiggle` scales the widest bend as a share of the straight-line distance.
 */
export function windingRoad(random: Random, from: Vec, to: Vec, vertexCount: number, wiggle: number): Vec[] {
  if (vertexCount < 2) throw new RangeError(`A road needs at least 2 vertices, not ${vertexCount}`);
  const straight = distance(from, to);
  const along: Vec = straight === 0 ? [1, 0] : [(to[0] - from[0]) / straight, (to[1] - from[1]) / straight];
  const sideways: Vec = [-along[1], along[0]];
  const waves = Array.from({ length: HARMONICS }, (_, index) => ({
    frequency: index + 1,
    // Falling amplitude keeps the shape smooth: big bends, small kinks, no zigzag. The floor on
    // each keeps a road from coming out as a near-straight line by chance.
    amplitude: (straight * wiggle * (random.next() < 0.5 ? -1 : 1) * random.between(0.3, 1)) / (index + 1) ** 1.4,
    phase: random.between(0, Math.PI * 2),
  }));
  const offsetAt = (t: number) =>
    Math.sin(Math.PI * t) * waves.reduce((sum, wave) => sum + wave.amplitude * Math.sin(Math.PI * wave.frequency * t + wave.phase), 0);

  const sampleCount = Math.max(vertexCount * 2, 128);
  const dense: Vec[] = [];
  for (let i = 0; i <= sampleCount; i++) {
    const t = i / sampleCount;
    const [x, y] = lerp(from, to, t);
    const offset = offsetAt(t);
    dense.push([x + sideways[0] * offset, y + sideways[1] * offset]);
  }
  return resampleUnevenly(random, dense, vertexCount);
}

function resampleUnevenly(random: Random, dense: Vec[], vertexCount: number): Vec[] {
  const cumulative = [0];
  for (let i = 1; i < dense.length; i++) cumulative.push(cumulative[i - 1]! + distance(dense[i - 1]!, dense[i]!));
  const total = cumulative[cumulative.length - 1]!;

  const gaps = Array.from({ length: vertexCount - 1 }, () => random.between(0.4, 1.6));
  const gapTotal = gaps.reduce((sum, gap) => sum + gap, 0);
  const result: Vec[] = [dense[0]!];
  let reached = 0;
  let segment = 1;
  for (const gap of gaps.slice(0, -1)) {
    reached += (gap / gapTotal) * total;
    while (segment < dense.length - 1 && cumulative[segment]! < reached) segment++;
    const start = cumulative[segment - 1]!;
    const length = cumulative[segment]! - start;
    result.push(lerp(dense[segment - 1]!, dense[segment]!, length === 0 ? 0 : (reached - start) / length));
  }
  result.push(dense[dense.length - 1]!);
  return result;
}
