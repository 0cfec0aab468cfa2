import { createHash } from "node:crypto";

// Inline scripts only: a <script src> is allowed by 'self'; attributes never contain ">" in what Next writes.
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * CSP source expressions ('sha256-…') for every inline script of an HTML page. A page shared by
 * every reader cannot carry a per-response nonce, so it lists the hashes of exactly the scripts
 * it was rendered with; any other inline script (an injected one) stays blocked.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, content] of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes!) || !content) continue;
    hashes.add(`'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}
