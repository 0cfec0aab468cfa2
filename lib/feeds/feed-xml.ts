import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";

/**
 * Options for every feed document: a character XML cannot hold (in text stored before input was
 * checked for them, see domain/safe-text.ts) is written as U+FFFD rather than breaking the feed.
 */
export const XML_DOCUMENT = { version: "1.0", encoding: "UTF-8", invalidCharReplacement: "\uFFFD" } as const;

interface DomNode {
  nodeType: number;
  data?: string;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ value: string }>;
}
const ELEMENT = 1;
const TEXT = 3;

function escapeAmpersands(node: DomNode): void {
  if (node.nodeType === TEXT) node.data = node.data!.replaceAll("&", "&amp;");
  if (node.nodeType === ELEMENT) for (const attribute of Array.from(node.attributes ?? [])) attribute.value = attribute.value.replaceAll("&", "&amp;");
  for (const child of Array.from(node.childNodes)) escapeAmpersands(child);
}

/**
 * The document as XML text. xmlbuilder2's serialiser leaves an `&` that starts something shaped like
 * an entity (`&amp;`, `&#60;`, `&nbsp;`) as it is: typed "Fish &amp; chips" read back as
 * "Fish & chips", and "&nbsp;" is an undefined entity that made the whole feed unreadable. Escaping
 * every `&` in the tree first leaves it nothing to guess: it writes our `&amp;` unchanged. Call once
 * per document, on a builder no longer used.
 */
export function serialiseXml(document: XMLBuilder): string {
  escapeAmpersands(document.doc().node as unknown as DomNode);
  return document.end({ prettyPrint: true });
}
