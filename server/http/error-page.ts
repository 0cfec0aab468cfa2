import type { ServerResponse } from "node:http";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * A small self-contained HTML page for answers the custom server gives before (or instead of)
 * Next.js: a URL that is not valid percent-encoding, or a page that failed to render. No script,
 * no inline style, so it needs nothing from the Content-Security-Policy.
 */
export function sendErrorPage(res: ServerResponse, status: 400 | 404 | 500, title: string, detail: string): void {
  const body = `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Snowline</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(detail)}</p><p><a href="/">Go to the live winter service map</a></p></main></body>
</html>
`;
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** A path Next.js or Hono would choke on: malformed percent-encoding such as `/assets/%E0%A4%A`. */
export function isMalformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
