import * as z from "zod";

/**
 * Text that officers and imports set ends up in HTML, JSON, CSV and XML (Atom, CAP, KML). XML 1.0
 * cannot hold some characters at all, so one of them in a message would break every feed that
 * carries it. What this refuses (or an import strips):
 * - control characters other than tab and line breaks, DEL and the C1 controls (XML forbids the
 *   C0 ones; all of them are invisible and only ever arrive by accident, e.g. mis-decoded text),
 * - lone surrogates (half an emoji: not a character at all, and forbidden in XML),
 * - the Unicode noncharacters U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE
 *   and U+FFFF are forbidden in XML, the others are for a program's internal use only).
 * Everything else is kept as typed: emoji, right-to-left text, `<`, `&`, `]]>`.
 */
const FORBIDDEN_CHARACTER = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const FORBIDDEN_CHARACTERS = new RegExp(FORBIDDEN_CHARACTER.source, "gu");

/** "U+FFFE": how a message names a character that cannot be seen. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first character that safe text may not hold, or null. */
export function forbiddenCharacterIn(text: string): string | null {
  return FORBIDDEN_CHARACTER.exec(text)?.[0] ?? null;
}

/** Every line break as `\n`: XML and HTML parsers turn `\r\n` and `\r` into `\n` anyway, so every output shows the same text. */
export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/** For text read from files (imports), where refusing a whole row for an invisible character would help nobody. */
export function toSafeText(text: string): string {
  return normaliseLineBreaks(text).replace(FORBIDDEN_CHARACTERS, "");
}

/** For writers of XML: what cannot be written becomes U+FFFD, so text stored before these rules still gives a well-formed document. */
export function replaceForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_CHARACTERS, "\uFFFD");
}

/**
 * Text typed by a person (status messages, notices, templates, names): line breaks normalised,
 * and a character that cannot be shown everywhere refused with a message naming it.
 */
export function safeTextSchema(maxLength: number, what: string) {
  return z
    .string({ message: `${what} must be text` })
    .max(maxLength, `${what} is longer than ${maxLength} characters`)
    .transform(normaliseLineBreaks)
    .superRefine((text, ctx) => {
      const character = forbiddenCharacterIn(text);
      if (character !== null) {
        ctx.addIssue({
          code: "custom",
          message: `${what} contains a character that cannot be shown (${codePointName(character)}); remove it and try again`,
        });
      }
    });
}

/** Text from an imported file: line breaks normalised and forbidden characters dropped. */
export function importedTextSchema(maxLength: number, what: string) {
  return z
    .string()
    .transform(toSafeText)
    .pipe(z.string().max(maxLength, `${what} is longer than ${maxLength} characters`));
}
