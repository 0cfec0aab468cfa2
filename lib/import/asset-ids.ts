import { createHash } from "node:crypto";
import { assetIdSchema } from "../domain/assets";
import type { Geometry } from "../domain/geometry";

const ID_MAX = 120;
const shortHash = (text: string, length: number) => createHash("sha256").update(text).digest("hex").slice(0, length);

/** An id value as text: integral floats (a USRN stored as 2.45000340000e+007) become whole numbers. */
export function idText(value: unknown): string | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    const whole = Math.round(value);
    return Math.abs(value - whole) < 1e-6 ? String(whole) : String(value);
  }
  if (typeof value === "string") return value.trim() || null;
  if (typeof value === "bigint") return value.toString();
  return null;
}

/** Keeps the characters an asset id may hold; when anything had to change, a hash of the original keeps ids distinct. */
function safePart(text: string, room: number): string {
  const cleaned = text.replace(/[^A-Za-z0-9._:-]+/g, "-").replace(/^[^A-Za-z0-9]+|-+$/g, "");
  if (cleaned === text && cleaned.length <= room) return cleaned;
  return `${cleaned.slice(0, room - 9)}${cleaned ? "-" : ""}${shortHash(text, 8)}`;
}

/** The asset id for an id value: `key-value` (urn-106167, routeid-1, usrn-24500034), or the value itself when verbatim. */
export function assetIdFor(key: string, text: string, verbatim: boolean): string {
  if (verbatim && assetIdSchema.safeParse(text).success) return text;
  return verbatim ? safePart(text, ID_MAX) : `${key}-${safePart(text, ID_MAX - key.length - 1)}`;
}

/** Only for files with no id field at all: stable while the feature's geometry and name stay the same. */
export function hashAssetId(geometry: Geometry, name: string | null): string {
  return `geo-${shortHash(JSON.stringify([name ?? "", geometry]), 16)}`;
}
