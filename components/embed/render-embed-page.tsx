/** @jsxImportSource preact */
// A standalone Preact document, not a Next.js page: next/head does not apply, and the widget's
// script is a module (deferred), not a synchronous one.
/* eslint-disable @next/next/no-head-element, @next/next/no-sync-scripts */
import { renderToString } from "preact-render-to-string";
import type { FieldError } from "@/lib/domain/errors";
import { EMBED_CSS } from "./embed-styles";
import type { EmbedState } from "./embed-state";
import { EmbedView } from "./embed-view";

export const EMBED_ROOT_ID = "snowline-embed";

/**
 * The whole widget page. Its content is in this first response; the state rides along in a data
 * attribute (escaped by the renderer like any attribute, so officer text cannot break out of it).
 */
export function renderEmbedPage(state: EmbedState, scripts: { js: string; css?: string }): string {
  const body = renderToString(
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{state.title}</title>
        {/* Our own constant CSS; a text child would be HTML-escaped and break its quotes. */}
        <style dangerouslySetInnerHTML={{ __html: EMBED_CSS }} />
        {scripts.css ? <link rel="stylesheet" href={scripts.css} /> : null}
        <script type="module" src={scripts.js} />
      </head>
      <body>
        <div id={EMBED_ROOT_ID} data-state={JSON.stringify(state)}>
          <EmbedView state={state} assets={state.assets} updatedAt={state.updatedAt} announcement="" />
        </div>
      </body>
    </html>,
  );
  return `<!doctype html>${body}`;
}

/** A plain page saying which settings are wrong, for a 400. */
export function renderEmbedError(message: string, fieldErrors: FieldError[]): string {
  return `<!doctype html>${renderToString(
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <title>Snowline widget settings are invalid</title>
        <style dangerouslySetInnerHTML={{ __html: EMBED_CSS }} />
      </head>
      <body>
        <main class="snw__error">
          <h1>{message}</h1>
          <ul>
            {fieldErrors.map((f) => (
              <li key={f.path}>
                {f.path}: {f.message}
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>,
  )}`;
}
