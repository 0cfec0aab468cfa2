import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Import boundaries: app/, components/, server/ → lib/; lib/ imports none of them. */
const forbid = (folders, message) =>
  folders.flatMap((folder) => [`@/${folder}/**`, `../${folder}/**`, `../../${folder}/**`, `../../../${folder}/**`]).map((group) => ({ group: [group], message }));

/**
 * Outside lib/store, only the Store interface, the two ways to open one, how to tell an outage from
 * other database errors and (in tests) its testing helpers: repositories, tables and the query
 * builder stay inside, so nothing reaches past them.
 */
const STORE_PATHS = ["@/lib/store", "../store", "../lib/store", "../../lib/store", "../../../lib/store", "../../../../lib/store"];
const STORE_OPENERS = ["store", "sqlite-store", "postgres-store", "database-errors"];
const storeInternals = (allowed) => [
  {
    group: STORE_PATHS.flatMap((path) => [`${path}/**`, ...allowed.map((name) => `!${path}/${name}`)]),
    message: `Outside lib/store, import only ${allowed.map((name) => `lib/store/${name}`).join(", ")}; reach the data through the Store's repositories.`,
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", "public/embed-assets/**", "public/embed.js", "out/**", "build/**", "next-env.d.ts", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Dependencies run one way inside each folder too: a cycle means two modules are one concept, or one sits in the wrong place.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    ignores: ["lib/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "next", message: "lib/ is framework-free: no Next.js." },
            { name: "react", message: "lib/ is framework-free: no React." },
            { name: "socket.io", message: "lib/ is framework-free: Socket.IO belongs in server/." },
            { name: "socket.io-client", message: "lib/ is framework-free: the client belongs in components/." },
            { name: "server-only", message: "server-only throws outside Next's bundler (vercel/next.js#65652)." },
          ],
          patterns: [
            ...forbid(["app", "components", "server"], "lib/ must not import app/, components/ or server/."),
            ...storeInternals(["store", "database-errors"]),
            { group: ["next/*"], message: "lib/ is framework-free: no Next.js." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "socket.io", message: "Pages never touch the server's Socket.IO; read through lib/ read models." }],
          patterns: [
            ...forbid(["server"], "app/ and components/ must not import server/ (read through lib/)."),
            { group: ["**/lib/store/*-store", "@/lib/store/*-store"], message: "Pages read through the ReadModel, never open a store." },
            ...storeInternals(["store", "database-errors"]),
          ],
        },
      ],
    },
  },
  {
    files: ["server/**/*.ts"],
    ignores: ["server/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...forbid(["app", "components"], "server/ must not import app/ or components/."), ...storeInternals(STORE_OPENERS)] },
      ],
    },
  },
  {
    files: ["server/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...forbid(["app", "components"], "server/ must not import app/ or components/."), ...storeInternals([...STORE_OPENERS, "testing"])] },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: storeInternals([...STORE_OPENERS, "testing"]) }] },
  },
]);
