import { parseArgs } from "node:util";
import { pino } from "pino";
import { systemClock } from "../../lib/domain/clock";
import { createUserAdmin } from "../auth/user-admin";
import { EnvError, parseEnv } from "../config/env";
import { openStoreFromEnv } from "./open-store";
import { readSecretFromStdin } from "./read-stdin";
import { tokenAdd, tokenList, tokenRevoke } from "./token-commands";
import { describeCliError, userAdd, userLink, userList, userSetDisabled } from "./user-commands";

const USAGE = `Usage: npx snowline <command>

  token add NAME [--expires-days N] [--layers a,b]   create an API token (printed once, on the last line)
  token list                                         list tokens
  token revoke ID                                    revoke a token

  user add EMAIL --role admin|officer|site [--name "Full Name"] [--layers schools,bins] [--assets id1,id2]
           [--password-stdin]                        create a console account; without --password-stdin it
                                                     prints a one-time sign-in link (on the last line)
  user list                                          list console accounts
  user disable EMAIL | user enable EMAIL             disable (ends their sessions) or enable an account
  user link EMAIL                                    print a new one-time sign-in link

Officers need --layers; site editors need --assets. With --password-stdin the password is read from
standard input, e.g.  printf '%s' "$PASSWORD" | npx snowline user add ann@council.gov.uk --role officer --layers schools --password-stdin

Uses the same database as the server: DATABASE_URL if set, else SQLite in SNOWLINE_DATA_DIR (default ./.data).`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<string[]> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "expires-days": { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      layers: { type: "string" },
      assets: { type: "string" },
      "password-stdin": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [group, command, ...rest] = positionals;
  if (values.help || !group) return [USAGE];

  const env = parseEnv();
  const store = await openStoreFromEnv(env);
  const now = Date.now();
  const admin = createUserAdmin({ store, clock: systemClock, logger: pino({ level: "silent" }) });
  const baseUrl = env.SNOWLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  try {
    if (group === "token" && command === "add") {
      const name = rest.join(" ").trim();
      if (!name) throw new UsageError("token add needs a NAME, e.g. npx snowline token add newsroom");
      const expiresDays = values["expires-days"] === undefined ? undefined : Number(values["expires-days"]);
      if (expiresDays !== undefined && !(Number.isInteger(expiresDays) && expiresDays > 0)) {
        throw new UsageError("--expires-days must be a whole number of days");
      }
      return await tokenAdd(store, name, { expiresDays, now, layers: values.layers });
    }
    if (group === "token" && command === "list") return await tokenList(store);
    if (group === "token" && command === "revoke" && rest[0]) return await tokenRevoke(store, rest[0], now);

    if (group === "user" && command === "add") {
      const email = rest[0];
      if (!email || rest.length > 1) throw new UsageError("user add needs one EMAIL, e.g. npx snowline user add ann@council.gov.uk --role officer --layers schools");
      if (!values.role) throw new UsageError("user add needs --role admin, --role officer or --role site");
      const password = values["password-stdin"] ? await readSecretFromStdin() : undefined;
      return await userAdd(admin, email, { ...values, password, baseUrl });
    }
    if (group === "user" && command === "list") return await userList(store);
    if (group === "user" && (command === "disable" || command === "enable") && rest[0]) {
      return await userSetDisabled(store, admin, rest[0], command === "disable");
    }
    if (group === "user" && command === "link" && rest[0]) return await userLink(store, admin, rest[0], baseUrl);
    throw new UsageError(`Unknown command: ${positionals.join(" ")}\n\n${USAGE}`);
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).then(
  (lines) => console.log(lines.join("\n")),
  (error: unknown) => {
    console.error(error instanceof EnvError || error instanceof UsageError ? error.message : describeCliError(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
