/**
 * Each group of journeys gets its own server and database, so one group's changes (the console
 * closing 150 schools, say) never change what another group's tests see.
 */
const BASE_PORT = Number(process.env.SNOWLINE_E2E_PORT ?? 3100);

export const E2E_SERVERS = {
  resident: { port: BASE_PORT, dataDir: ".data/e2e-resident", demoSchools: undefined },
  embed: { port: BASE_PORT + 1, dataDir: ".data/e2e-embed", demoSchools: undefined },
  // The bulk journey closes 150 schools at once; the default demo council has 60.
  console: { port: BASE_PORT + 2, dataDir: ".data/e2e-console", demoSchools: 200 },
} as const;

export type E2EServerName = keyof typeof E2E_SERVERS;

export const tokenFileOf = (dataDir: string) => `${dataDir}/e2e-token.txt`;
