import type { Position } from "../domain/geometry";

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle length of a line, so `lengthKm` agrees with what a map's measuring tool shows. */
export function lineLengthKm(line: readonly Position[]): number {
  let total = 0;
  for (let i = 1; i < line.length; i++) total += haversineKm(line[i - 1]!, line[i]!);
  return total;
}

function haversineKm([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const toRadians = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRadians;
  const dLon = (lon2 - lon1) * toRadians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * toRadians) * Math.cos(lat2 * toRadians) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
