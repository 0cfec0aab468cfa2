import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as z from "zod";
import { tokenInputSchema } from "./api-tokens";
import { assetSchema } from "./assets";
import { noticeInputSchema } from "./notices";
import { forbiddenCharacterIn, normaliseLineBreaks, replaceForbiddenCharacters, toSafeText } from "./safe-text";
import { statusInputSchema } from "./status";
import { templateInputSchema } from "./templates";
import { userInputSchema } from "./users";

const FORBIDDEN: [string, string][] = [
  ["U+0000", "\u0000"],
  ["U+0008", "\u0008"],
  ["U+000B", "\u000B"],
  ["U+001F", "\u001F"],
  ["U+007F", "\u007F"],
  ["U+0085", "\u0085"],
  ["U+009F", "\u009F"],
  ["U+FDD0", "\uFDD0"],
  ["U+FDEF", "\uFDEF"],
  ["U+FFFE", "\uFFFE"],
  ["U+FFFF", "\uFFFF"],
  ["U+1FFFE", "\u{1FFFE}"],
  ["U+10FFFF", "\u{10FFFF}"],
  ["U+D800", "\uD800"],
  ["U+DFFF", "\uDFFF"],
];
const KEPT = ["Closed ]]> <script>&\"'", "❄️😀👩‍👩‍👧 \u{1F600}", "مغلق بسبب الثلج", "סגור היום", "\u202Eevil\u202C", "tab\there", "line\nbreak", "\u{10FFFD}\uFFFD\uFDCF\uFDF0"];

describe("safe text (finding 2)", () => {
  it.each(FORBIDDEN)("refuses %s in typed text and names it", (name, character) => {
    const result = statusInputSchema.safeParse({ code: "closed", message: `Closed${character}today` });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain(name);
  });

  it.each(KEPT)("keeps %j as typed", (text) => {
    expect(forbiddenCharacterIn(text)).toBeNull();
    expect(statusInputSchema.parse({ code: "closed", message: text }).message).toBe(text);
  });

  it("writes every line break as \\n, as XML and HTML parsers would read it", () => {
    expect(statusInputSchema.parse({ code: "closed", message: "a\r\nb\rc\nd" }).message).toBe("a\nb\nc\nd");
  });

  it("drops forbidden characters from imported names and attributes instead of refusing the asset", () => {
    const asset = assetSchema.parse({
      id: "school-1",
      layer: "schools",
      name: "Ash\uFFFEdown\u0001 Primary",
      geometry: { type: "Point", coordinates: [-2.3, 53.4] },
      attributes: { "ward\uFDD0": "Sale\uD800 West", streets: ["A\u{1FFFF} Road"] },
    });
    expect(asset).toMatchObject({ name: "Ashdown Primary", attributes: { ward: "Sale West", streets: ["A Road"] } });
  });

  it("lets XML writers replace what text stored before these rules may still hold", () => {
    expect(replaceForbiddenCharacters("a\uFFFEb\uD800c😀")).toBe("a\uFFFDb\uFFFDc😀");
  });
});

// Every schema through which a person sets text, with how to put the text in and read it back out.
const TYPED_TEXT: [string, (text: string) => z.ZodSafeParseResult<unknown>, (parsed: never) => string, boolean][] = [
  ["status message", (text) => statusInputSchema.safeParse({ code: "closed", message: text }), (p: { message: string }) => p.message, false],
  ["notice text", (text) => noticeInputSchema.safeParse({ level: "info", text }), (p: { text: string }) => p.text, true],
  ["template name", (text) => templateInputSchema.safeParse({ layer: "schools", name: text, message: "m" }), (p: { name: string }) => p.name, true],
  ["template message", (text) => templateInputSchema.safeParse({ layer: "schools", name: "n", message: text }), (p: { message: string }) => p.message, true],
  ["user name", (text) => userInputSchema.safeParse({ email: "a@council.example", name: text, role: "admin" }), (p: { name: string }) => p.name, true],
  ["token name", (text) => tokenInputSchema.safeParse({ name: text, layers: ["schools"], expiresInDays: 30 }), (p: { name: string }) => p.name, true],
];

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom("]]>", "<script>", "&", "\r\n", "\r", "\t", " ", "\uFFFE", "\u{1FFFF}", "\uFDD0", "\u0000", "\u0085", "😀", "مغلق"),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join("")),
);

describe("every typed-text schema follows the one rule (property)", () => {
  it.each(TYPED_TEXT)("%s: refused when it holds a forbidden character, else kept with only line breaks normalised", (_name, parse, read, trims) => {
    fc.assert(
      fc.property(anyText, (typed) => {
        const result = parse(typed);
        const expected = trims ? normaliseLineBreaks(typed).trim() : normaliseLineBreaks(typed);
        if (forbiddenCharacterIn(normaliseLineBreaks(typed)) !== null) {
          expect(result.success).toBe(false);
        } else if (result.success) {
          expect(read(result.data as never)).toBe(expected);
        } else {
          // Refused for another reason: empty or too long.
          expect(expected === "" || typed.length > 60).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("imported text: forbidden characters dropped, every other character kept in order", () => {
    fc.assert(
      fc.property(anyText, (typed) => {
        const safe = toSafeText(typed);
        expect(forbiddenCharacterIn(safe)).toBeNull();
        const allowed = [...normaliseLineBreaks(typed)].filter((character) => forbiddenCharacterIn(character) === null);
        expect([...safe]).toEqual(allowed);
      }),
      { numRuns: 200 },
    );
  });
});
