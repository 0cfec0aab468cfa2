import { parseArgs } from "node:util";
import { pino } from "pino";
import { systemClock } from "../../lib/domain/clock";
import { createUserAdmin } from "../auth/user-admin";
import { openStore } from "../open-store";
import { EnvError, parseEnv } from "../config/env";
import { AuditChainBrokenError, auditVerify } from "./audit-commands";
import { exportCommand, importCommand } from "./import-commands";
import { readSecretFromStdin } from "./read-stdin";
import { cliActor, noticeAdd, noticeEnd, noticeList } from "./notice-commands";
import { tokenAdd, tokenList, tokenRevoke } from "./token-commands";
import { describeCliError, userAdd, userLink, userList, userSetDisabled } from "./user-commands";
import { createWebhookTargets } from "../webhooks/webhook-targets";
import { webhookAdd, webhookDeliveries, webhookList, webhookRemove } from "./webhook-commands";

const USAGE = `Usage: npx snowline <command>

  token add NAME [--expires-days N] [--layers a,b]   create an API token (printed once, on the last line)
  token list                                         list tokens
  token revoke ID                                    revoke a token
  notice add LEVEL TEXT [--from ISO] [--until ISO]
                                                     show a council-wide notice (LEVEL: info, warning or severe)
  notice list                                        list notices
  notice end ID                                      stop showing a notice

  import LAYER FILE [--dry-run] [--strict] [--format geojson|csv|kml|shapefile]
         [--id-field X] [--name-field Y] [--crs EPSG:27700] [--lat-field A --lon-field B | --wkt-field W]
                                                     import a layer's assets (a shapefile by its .shp); prints the report
  export LAYER --format geojson|csv|kml [--out FILE] [--csv-geometry latlon|wkt]
                                                     export a layer's assets with their current statuses
  webhook add URL --layers L1,L2 [--secret S]
                                                     send every change batch of these layers to URL (signed; secret printed once)
  webhook list                                       list webhooks
  webhook remove ID                                  stop sending to a webhook
  webhook deliveries [--webhook ID] [--limit N]
                                                     recent deliveries with every attempt

  user add EMAIL --role admin|officer|site [--name "Full Name"] [--layers schools,bins] [--assets id1,id2]
           [--password-stdin]                        create a console account; without --password-stdin it
                                                     prints a one-time sign-in link (on the last line)
  user list                                          list console accounts
  user disable EMAIL | user enable EMAIL             disable (ends their sessions) or enable an account
  user link EMAIL                                    print a new one-time sign-in link

  audit verify                                       check that no change-log entry was edited, deleted or
                                                     inserted behind Snowline's back; names the first broken one

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
      help: { type: "boolean", short: "h" },
      "dry-run": { type: "boolean" },
      strict: { type: "boolean" },
      format: { type: "string" },
      "id-field": { type: "string" },
      "name-field": { type: "string" },
      "lat-field": { type: "string" },
      "lon-field": { type: "string" },
      "wkt-field": { type: "string" },
      crs: { type: "string" },
      out: { type: "string" },
      "csv-geometry": { type: "string" },
      layers: { type: "string" },
      secret: { type: "string" },
      webhook: { type: "string" },
      limit: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      assets: { type: "string" },
      "password-stdin": { type: "boolean" },
      from: { type: "string" },
      until: { type: "string" },
    },
  });
  const [group, command, ...rest] = positionals;
  if (values.help || !group) return [USAGE];

  const env = parseEnv();
  const store = await openStore(env);
  const now = Date.now();
  const admin = createUserAdmin({ store, clock: systemClock, logger: pino({ level: "silent" }) });
  const baseUrl = env.SNOWLINE_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  try {
    if (group === "token" && command === "add") {
      const name = rest.join(" ").trim();
      if (!name) throw new UsageError("token add needs a NAME, e.g. npx snowline token add newsroom");
      return await tokenAdd(store, name, { expiresDays: values["expires-days"], now, layers: values.layers, createdBy: cliActor().name });
    }
    if (group === "token" && command === "list") return await tokenList(store, now);
    if (group === "token" && command === "revoke" && rest[0]) return await tokenRevoke(store, rest[0], now);
    if (group === "import") return await importCommand(store, command, rest[0], values, now);
    if (group === "export") return await exportCommand(store, command, values);
    if (group === "webhook" && command === "add") {
      return await webhookAdd(store, createWebhookTargets(env.SNOWLINE_WEBHOOK_ALLOWED_HOSTS), { url: rest[0], layers: values.layers, secret: values.secret, now });
    }
    if (group === "webhook" && command === "list") return await webhookList(store);
    if (group === "webhook" && command === "remove" && rest[0]) return await webhookRemove(store, rest[0], now);
    if (group === "webhook" && command === "deliveries") {
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      if (!(Number.isInteger(limit) && limit > 0 && limit <= 500)) throw new UsageError("--limit must be a whole number from 1 to 500");
      return await webhookDeliveries(store, { webhookId: values.webhook, limit });
    }

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
    if (group === "notice" && command === "add") {
      const [level, ...words] = rest;
      if (!level || !words.length) throw new UsageError("notice add needs a LEVEL and TEXT, e.g. npx snowline notice add warning \"Schools update at 7am\"");
      return await noticeAdd(store, { level, text: words.join(" "), from: values.from, until: values.until }, { now, actor: cliActor() });
    }
    if (group === "audit" && command === "verify") return await auditVerify(store);
    if (group === "notice" && command === "list") return await noticeList(store, now);
    if (group === "notice" && command === "end" && rest[0]) return await noticeEnd(store, rest[0], { now, actor: cliActor() });
    throw new UsageError(`Unknown command: ${positionals.join(" ")}\n\n${USAGE}`);
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).then(
  (lines) => console.log(lines.join("\n")),
  (error: unknown) => {
    console.error(error instanceof EnvError || error instanceof UsageError || error instanceof AuditChainBrokenError ? error.message : describeCliError(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
