import type { Layer } from "../domain/layer-names";

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : null);

/** A short second line for a list row or popup from the attributes a layer usually has ("Priority 1 · 8.2 km"). */
export function describeAsset(layer: Layer, attributes: Record<string, unknown>): string {
  const parts: (string | null)[] = [];
  switch (layer) {
    case "schools":
      parts.push(text(attributes.phase), text(attributes.ward));
      break;
    case "gritting": {
      const priority = text(attributes.priority);
      const length = text(attributes.lengthKm);
      parts.push(priority && `Priority ${priority} route`, length && `${length} km`);
      break;
    }
    case "bins": {
      const day = text(attributes.collectionDay);
      parts.push(day && `${day} collections`, text(attributes.ward));
      break;
    }
  }
  return parts.filter(Boolean).join(" · ");
}
