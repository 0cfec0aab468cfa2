import type { DemoWard } from "./borough";
import type { Random } from "./random";

// Invented stems and endings, so "Curlewgarth" reads as a place yet matches no real school or street.
const PLACE_STEMS = [
  "Larch", "Heron", "Kestrel", "Marl", "Fern", "Wren", "Lark", "Sorrel", "Teasel", "Yarrow", "Tansy", "Bracken",
  "Plover", "Curlew", "Linnet", "Sedge", "Alder", "Osier", "Withy", "Hollin", "Ellery", "Brindle", "Cressy", "Dunlin",
] as const;
const PLACE_ENDINGS = ["mere", "wick", "holme", "combe", "garth", "gate", "thwaite", "dene", "shaw", "stead", "worth", "side", "field", "brook"] as const;
const PLACE_QUALIFIERS = ["Park", "Green", "Vale", "Heath", "Hill", "Bank", "Moor", "Lane", "Brow"] as const;

// Stems that already sound finished ("Whitley") take no ending, or they read as "Whitleyley".
const FINISHED_STREET_STEMS = [
  "Cotton", "Weaver", "Canal", "Lock", "Barge", "Tanner", "Cooper", "Fletcher", "Orchard", "Meadow", "Rydal", "Ellerby",
  "Kirkham", "Whitley", "Thornley", "Marbury",
] as const;
const STREET_STEM_ENDINGS = ["", "field", "mere", "dale", "bank", "side"] as const;
const STREET_STEMS = [
  ...PLACE_STEMS.flatMap((stem) => STREET_STEM_ENDINGS.map((ending) => `${stem}${ending}`)),
  ...FINISHED_STREET_STEMS,
];
const STREET_SUFFIXES = [
  "Road", "Street", "Avenue", "Close", "Lane", "Drive", "Grove", "Crescent", "Way", "Walk", "Gardens", "Mews",
  "Terrace", "Place", "Rise", "Court",
] as const;

export const SCHOOL_PHASES = ["Primary", "Secondary", "Special", "Nursery", "All-through"] as const;
export type SchoolPhase = (typeof SCHOOL_PHASES)[number];

const SCHOOL_NAME_ENDINGS: Record<SchoolPhase, readonly string[]> = {
  Primary: ["Primary School", "Community Primary School", "C of E Primary School", "Junior School", "Infant and Nursery School"],
  Secondary: ["High School", "Academy", "Grammar School", "School and Sixth Form"],
  Special: ["Specialist School", "Special School", "Learning Centre"],
  Nursery: ["Nursery School", "Early Years Centre"],
  "All-through": ["All-Through School", "All-Through Academy"],
};

// Road numbers in the style of the area's A- and B-roads; the names paired with them are invented.
export const MAIN_ROAD_NUMBERS = ["A56", "A5081", "A6144", "A560", "A538", "A5145", "A5181", "A5014", "A5103", "A57"] as const;
export const SECONDARY_ROAD_NUMBERS = ["B5166", "B5213", "B5214", "B5165", "B5158", "B5217", "B5160", "B5218"] as const;

// The letters Royal Mail uses for the last two characters of a postcode (never C, I, K, M, O or V).
const POSTCODE_UNIT_LETTERS = [..."ABDEFGHJLNPQRSTUWXYZ"];

/**
 * Hands out a shuffled list one item at a time, so names stay unique until the list runs out;
 * then it starts a new shuffled pass and says which pass it is on.
 */
function createDealer<T>(random: Random, items: readonly T[]): () => { item: T; pass: number } {
  let deck: T[] = [];
  let pass = -1;
  return () => {
    if (deck.length === 0) {
      deck = random.shuffle(items);
      pass++;
    }
    return { item: deck.pop()!, pass };
  };
}

export function createStreetNamer(random: Random): () => string {
  const streets = STREET_STEMS.flatMap((stem) => STREET_SUFFIXES.map((suffix) => `${stem} ${suffix}`));
  const deal = createDealer(random, streets);
  return () => deal().item;
}

/** Place-like names ("Larchmere", then "Larchmere Vale"), unique for thousands of draws. */
export function createPlaceNamer(random: Random): () => string {
  const plain = PLACE_STEMS.flatMap((stem) => PLACE_ENDINGS.map((ending) => `${stem}${ending}`));
  const qualified = plain.flatMap((place) => PLACE_QUALIFIERS.map((qualifier) => `${place} ${qualifier}`));
  // Small councils get the plain names; the qualified ones only appear at benchmark scale.
  const dealPlain = createDealer(random, plain);
  const dealQualified = createDealer(random, qualified);
  let plainLeft = plain.length;
  return () => {
    if (plainLeft > 0) {
      plainLeft--;
      return dealPlain().item;
    }
    const { item, pass } = dealQualified();
    return pass === 0 ? item : `${item} ${pass + 1}`;
  };
}

export function schoolName(random: Random, place: string, phase: SchoolPhase): string {
  return `${place} ${random.pick(SCHOOL_NAME_ENDINGS[phase])}`;
}

/** A made-up postcode in the ward's district, e.g. "M33 7QX". */
export function postcodeIn(random: Random, ward: DemoWard, sector = random.pick(ward.postcodeSectors)): string {
  return `${ward.postcodeDistrict} ${sector}${random.pick(POSTCODE_UNIT_LETTERS)}${random.pick(POSTCODE_UNIT_LETTERS)}`;
}

export function mainRoadName(random: Random): string {
  return `${random.pick(STREET_STEMS)} Road`;
}

export function secondaryRoadName(random: Random): string {
  return `${random.pick(STREET_STEMS)} ${random.pick(["Lane", "Road", "Avenue"])}`;
}
