import { parseArgs } from "node:util";
import { ValidationError } from "../../lib/domain/errors";
import { EnvError, parseEnv } from "../config/env";
import { openStoreFromEnv } from "./open-store";
import { cliActor, noticeAdd, noticeEnd, noticeList } from "./notice-commands";
import { tokenAdd, tokenList, tokenRevoke } from "./token-commands";

const USAGE = `Usage: npx snowline <command>

  token add NAME [--expires-days N]   create an API token (printed once, on the last line)
  token list                          list tokens
  token revoke ID                     revoke a token
  notice add LEVEL TEXT [--from ISO] [--until ISO]
                                      show a council-wide notice (LEVEL: info, warning or severe)
  notice list                         list notices
  notice end ID                       stop showing a notice

Uses the same database as the server: DATABASE_URL if set, else SQLite in SNOWLINE_DATA_DIR (default ./.data).`;

class UsageError extends Error {}

async function run(argv: string[]): Promise<string[]> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "expires-days": { type: "string" },
      from: { type: "string" },
      until: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [group, command, ...rest] = positionals;
  if (values.help || !group) return [USAGE];

  const env = parseEnv();
  const store = await openStoreFromEnv(env);
  const now = Date.now();
  try {
    if (group === "token" && command === "add") {
      const name = rest.join(" ").trim();
      if (!name) throw new UsageError("token add needs a NAME, e.g. npx snowline token add newsroom");
      const expiresDays = values["expires-days"] === undefined ? undefined : Number(values["expires-days"]);
      if (expiresDays !== undefined && !(Number.isInteger(expiresDays) && expiresDays > 0)) {
        throw new UsageError("--expires-days must be a whole number of days");
      }
      return await tokenAdd(store, name, { expiresDays, now });
    }
    if (group === "token" && command === "list") return await tokenList(store);
    if (group === "token" && command === "revoke" && rest[0]) return await tokenRevoke(store, rest[0], now);
    if (group === "notice" && command === "add") {
      const [level, ...words] = rest;
      if (!level || !words.length) throw new UsageError("notice add needs a LEVEL and TEXT, e.g. npx snowline notice add warning \"Schools update at 7am\"");
      return await noticeAdd(store, { level, text: words.join(" "), from: values.from, until: values.until }, { now, actor: cliActor() });
    }
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
    console.error(error instanceof EnvError || error instanceof UsageError || error instanceof Error ? error.message : error);
    if (error instanceof ValidationError) for (const { path, message } of error.fieldErrors) console.error(`  - ${path}: ${message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
