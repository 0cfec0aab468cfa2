import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The custom server (server/main.ts) owns compression decisions for the API; Next compresses pages.
  poweredByHeader: false,
  // `npm test` runs tsc (with `next typegen`'s route types) just before it builds.
  typescript: { ignoreBuildErrors: process.env.SNOWLINE_TYPES_CHECKED === "1" },
  reactStrictMode: true,
  // Titles and descriptions go in the <head> of the first bytes for every reader, not streamed in
  // later: a screen reader announces the title at once, and a shared cache stores a whole page.
  htmlLimitedBots: /.*/,
  // Native and server-only packages stay outside the bundle; app code reaches data through lib/read-model.
  // satori and resvg load WebAssembly: share cards are drawn from node_modules, not from a bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "ioredis", "pino", "satori", "@resvg/resvg-wasm"],
  // Framing rules are set for every response by the custom server (server/http/frame-headers.ts).
  async headers() {
    return [
      // The widget's bundles have content hashes in their names (scripts/build-embed.mjs).
      { source: "/embed-assets/:file*", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
      {
        source: "/embed.js",
        headers: [
          { key: "Cache-Control", value: "public, max-age=300, stale-while-revalidate=3600" },
          { key: "Access-Control-Allow-Origin", value: "*" },
        ],
      },
    ];
  },
};

export default nextConfig;
