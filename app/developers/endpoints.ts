/** Every public data endpoint, as documented on /developers; one list so none is forgotten. */
export const PUBLIC_ENDPOINTS = [
  { path: "/api/v1/assets", format: "JSON (GeoJSON)", what: "Every asset with its public status and the current seq. ?layer=schools|gritting|bins" },
  { path: "/api/v1/assets/{id}", format: "JSON (GeoJSON Feature)", what: "One asset and its recent public change history" },
  { path: "/api/v1/changes?since=N&limit=M", format: "JSON", what: "Public changes after seq N, oldest first; page with hasMore" },
  { path: "/api/v1/notices", format: "JSON", what: "Council-wide notices showing now or later" },
  { path: "/api/v1/assets.geojson", format: "GeoJSON", what: "Bulk download of every asset and status, with licence and attribution. ?layer=" },
  { path: "/api/v1/assets.csv", format: "CSV (UTF-8 with BOM)", what: "One row per asset: id, layer, name, ward, longitude, latitude, status columns, url. ?layer=" },
  { path: "/feeds/changes.atom", format: "Atom 1.0", what: "One entry per public change, newest first (latest 100). ?layer= or /feeds/changes/{layer}.atom" },
  { path: "/feeds/alerts.cap", format: "CAP 1.2", what: "One CAP alert with an <info> block per active disruption" },
  { path: "/feeds/alerts.atom", format: "Atom 1.0 index of CAP 1.2", what: "The CAP messages of each disruption (Alert, Update, Cancel with references); each entry embeds and links its CAP document" },
  { path: "/feeds/alerts/{seq}.cap", format: "CAP 1.2", what: "One CAP message" },
  { path: "/oembed?url={page}&format=json", format: "oEmbed 1.0 (rich)", what: "Embed code for the map or an asset page; pages advertise it with a discovery link" },
  { path: "/api/v1/openapi.json", format: "OpenAPI 3.1", what: "The JSON API described from the same schemas the server validates with" },
] as const;
