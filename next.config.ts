import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The custom server (server/main.ts) owns compression decisions for the API; Next compresses pages.
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and server-only packages stay outside the bundle; app code reaches data through lib/read-model.
  serverExternalPackages: ["better-sqlite3", "pg", "ioredis", "pino"],
};

export default nextConfig;
