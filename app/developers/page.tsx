import type { Metadata } from "next";
import { connection } from "next/server";
import { siteBaseUrl } from "@/app/_lib/share-metadata";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api/http-cache";
import { getAppContext } from "@/lib/app-context";
import { LAYERS, LAYER_LABELS } from "@/lib/domain/layers";
import { STATUS_VOCABULARY } from "@/lib/domain/status-codes";
import { EMBED_LIMIT_MAX } from "@/lib/embed/embed-params";
import { WEBHOOK_RETRY_DELAYS_MS } from "@/lib/webhooks/backoff";
import styles from "./developers.module.css";
import { PUBLIC_ENDPOINTS } from "./endpoints";

export const metadata: Metadata = { title: "Open data and developers" };

const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from "node:crypto";

// body: the raw request body as a string; headers as received.
function isFromSnowline(secret, headers, body) {
  const timestamp = headers["snowline-timestamp"];
  const expected = "sha256=" + createHmac("sha256", secret).update(timestamp + "." + body).digest("hex");
  const given = String(headers["snowline-signature"] ?? "");
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}`;

/** Documents every feed, the API, embedding and webhooks, with the data licence. */
export default async function DevelopersPage() {
  await connection();
  const { config } = getAppContext();
  const base = await siteBaseUrl();
  const licence = config.dataLicence;

  return (
    <>
      <header className="site-header">
        <p className="site-header__council">{config.councilName}</p>
        <h1>Open data and developers</h1>
      </header>
      <main id="main" className={styles.page}>
        <p>
          Everything on the live map is open data: download it, follow it in a feed reader, embed it on your site, or have
          changes sent to you. Times are ISO 8601 in UTC; every change has a <code>seq</code>, one gapless counter for the council.
        </p>

        <section aria-labelledby="licence" className={styles.licence}>
          <h2 id="licence">Licence and attribution</h2>
          <p>
            The data is available under the <a href={licence.url} rel="license">{licence.name}</a>. When you re-use it, show this
            attribution:
          </p>
          <blockquote>{licence.attribution}</blockquote>
          <p>Every data response says the same: a <code>Link: &lt;…&gt;; rel=&quot;license&quot;</code> header, and the licence in the GeoJSON, Atom and CAP documents.</p>
        </section>

        <h2 id="endpoints">Feeds and endpoints</h2>
        <table>
          <caption className={styles.visuallyHidden}>Public endpoints</caption>
          <thead>
            <tr>
              <th scope="col">GET</th>
              <th scope="col">Format</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {PUBLIC_ENDPOINTS.map((e) => (
              <tr key={e.path}>
                <td>
                  <code>{e.path}</code>
                </td>
                <td>{e.format}</td>
                <td>{e.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          The JSON API is described in full at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </p>
        <pre tabIndex={0}>
          <code>{`curl ${base}/api/v1/assets.csv?layer=schools -o schools.csv
curl ${base}/feeds/changes/schools.atom
curl ${base}/feeds/alerts.cap
curl "${base}/api/v1/changes?since=0&limit=100"`}</code>
        </pre>

        <h3 id="caching">Caching, conditional requests and CORS</h3>
        <p>
          Every public GET carries an <code>ETag</code> and a <code>Last-Modified</code> derived from the change log&apos;s seq, and
          answers <code>304 Not Modified</code> to <code>If-None-Match</code> or <code>If-Modified-Since</code> until something
          changes. <code>{`Cache-Control: ${PUBLIC_CACHE_CONTROL}`}</code> lets a CDN absorb a busy morning, and{" "}
          <code>Access-Control-Allow-Origin: *</code> lets any web page read the data.
        </p>
        <pre tabIndex={0}>
          <code>{`curl -sI ${base}/feeds/changes.atom            # note the ETag
curl -sI -H 'If-None-Match: "<etag>"' ${base}/feeds/changes.atom   # 304 until the next change`}</code>
        </pre>

        <h3 id="cap">Common Alerting Protocol (CAP 1.2)</h3>
        <p>
          Each disruption is a series of CAP messages: an <code>Alert</code> when it starts, an <code>Update</code> when it changes,
          and a <code>Cancel</code> that lists the earlier messages in <code>references</code> when the status returns to normal.
          Event codes (<code>valueName</code> <code>snowline</code>) include <code>publicService.schoolClosure</code>,{" "}
          <code>publicService.schoolDisruption</code>, <code>roadway.hazardousRoadConditions</code> and{" "}
          <code>publicService.wasteCollectionDisruption</code>. Schools are circles of 0.2 km, gritting routes the circle around
          the route, bin rounds their polygon. Each message ends at <code>expires</code>: the status&apos;s own end, or a day after it
          was sent.
        </p>

        <h3 id="live">Live updates</h3>
        <p>
          Browsers and servers can follow changes over Socket.IO on the same address: <code>status:subscribe</code> with the layers
          you want, then <code>status:changes</code> messages <code>{`{ since, seq, changes }`}</code>; after a reconnect, send{" "}
          <code>status:resume {`{ since }`}</code> to receive exactly what you missed.
        </p>

        <h2 id="embed">Embedding the live widget</h2>
        <p>
          Put the live status on your own page with one script tag; the <a href="/embed/builder">embed builder</a> writes it for
          you. The widget keeps itself up to date and its height fitted to its content.
        </p>
        <pre tabIndex={0}>
          <code>{`<script src="${base}/embed.js" data-layers="schools" data-view="list" data-only="disrupted" async></script>`}</code>
        </pre>
        <table>
          <caption className={styles.visuallyHidden}>Widget settings</caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              <th scope="col">Values</th>
            </tr>
          </thead>
          <tbody>
            <tr><td><code>layers</code></td><td>{LAYERS.join(", ")} (comma-separated; default all)</td></tr>
            <tr><td><code>ids</code></td><td>asset ids, comma-separated (up to 50)</td></tr>
            <tr><td><code>area</code></td><td>a ward or area name</td></tr>
            <tr><td><code>view</code></td><td>summary, list (default) or map</td></tr>
            <tr><td><code>only</code></td><td>disrupted: leave out what runs as normal</td></tr>
            <tr><td><code>theme</code></td><td>light (default) or dark</td></tr>
            <tr><td><code>limit</code></td><td>how many places the list shows, 1 to {EMBED_LIMIT_MAX} (default 20)</td></tr>
          </tbody>
        </table>
        <p>
          The same settings work as query parameters of <code>{base}/embed</code> in your own iframe. Content management systems
          that speak oEmbed (WordPress and others) embed a pasted link to the map or to an asset page by themselves.
        </p>

        <h2 id="webhooks">Webhooks</h2>
        <p>
          An administrator registers a URL, the layers it wants and a secret:{" "}
          <code>npx snowline webhook add https://example.org/hook --layers schools,gritting</code>, or{" "}
          the <em>Webhooks</em> page of the console (signed in as an administrator; API tokens cannot manage webhooks), which sends <code>POST /api/v1/webhooks</code> with <code>{`{ "url", "layers", "secret"? }`}</code>. Each committed
          batch of changes is POSTed once as JSON <code>{`{ "type": "status.changes", "fromSeq", "toSeq", "changes": [...] }`}</code>{" "}
          with these headers:
        </p>
        <ul>
          <li><code>Snowline-Delivery</code>: the delivery id, the same on every retry (use it to ignore duplicates);</li>
          <li><code>Snowline-Timestamp</code>: seconds since 1970 when this attempt was sent;</li>
          <li><code>Snowline-Signature</code>: <code>sha256=</code> and the hex HMAC-SHA256 of <code>timestamp + &quot;.&quot; + body</code>, keyed with the secret.</li>
        </ul>
        <p>
          Answer with any 2xx. Otherwise Snowline tries again after{" "}
          {WEBHOOK_RETRY_DELAYS_MS.map((ms) => (ms < 60_000 ? `${ms / 1000} s` : ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`)).join(", ")}, then
          marks the delivery failed. Every attempt is kept: <code>npx snowline webhook deliveries</code> or{" "}
          <code>GET /api/v1/webhooks/{`{id}`}/deliveries</code>.
        </p>
        <pre tabIndex={0}>
          <code>{VERIFY_EXAMPLE}</code>
        </pre>

        <h2 id="status-codes">Status codes</h2>
        {LAYERS.map((layer) => (
          <table key={layer}>
            <caption>{LAYER_LABELS[layer].plural}</caption>
            <thead>
              <tr>
                <th scope="col">code</th>
                <th scope="col">label</th>
                <th scope="col">category</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(STATUS_VOCABULARY[layer].codes).map(([code, d]) => (
                <tr key={code}>
                  <td><code>{code}</code></td>
                  <td>{d.label}</td>
                  <td>{d.category}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </main>
    </>
  );
}
