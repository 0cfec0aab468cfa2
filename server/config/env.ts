import * as z from "zod";
import { BRAND_MIN_CONTRAST, contrastRatio, isHexColour } from "../../lib/brand/contrast";
import { parseAllowedHosts, type AllowedWebhookHosts } from "../../lib/webhooks/webhook-target";

const optionalUrl = (protocols: string[], example: string) =>
  z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(
      z
        .url({ message: `must be a URL such as ${example}` })
        .refine((value) => protocols.some((p) => value.startsWith(p)), `must start with ${protocols.join(" or ")}`)
        .optional(),
    )
    .optional();

/** Every setting Snowline reads from the environment; `.env.example` documents each. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number({ message: "must be a port number" }).int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).optional(),
  SNOWLINE_DATA_DIR: z.string().trim().min(1).default("./.data"),
  DATABASE_URL: optionalUrl(["postgres://", "postgresql://"], "postgres://user@127.0.0.1:5432/snowline"),
  REDIS_URL: optionalUrl(["redis://", "rediss://"], "redis://127.0.0.1:6379"),
  SNOWLINE_BUS_NAMESPACE: z.string().trim().regex(/^[A-Za-z0-9:_-]+$/, "may hold only letters, digits and : _ -").default("snowline"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SNOWLINE_DEMO: z
    .enum(["0", "1", "true", "false", ""], { message: "must be 1 or 0" })
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  SNOWLINE_DEMO_SCHOOLS: z.coerce
    .number({ message: "must be a whole number of schools" })
    .int("must be a whole number of schools")
    .min(0)
    .max(20_000)
    .default(60),
  SNOWLINE_SESSION_IDLE_MINUTES: z.coerce.number({ message: "must be a number of minutes" }).int().min(1).max(24 * 60).default(60),
  SNOWLINE_SESSION_MAX_HOURS: z.coerce.number({ message: "must be a number of hours" }).int().min(1).max(24 * 30).default(12),
  SNOWLINE_OFFICERS_MAY_POST_NOTICES: z
    .enum(["0", "1", "true", "false", ""], { message: "must be 1 or 0" })
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  SNOWLINE_RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number({ message: "must be a number of writes" }).int().min(1).max(1_000_000).default(1_200),
  SNOWLINE_RATE_LIMIT_READS_PER_MINUTE: z.coerce.number({ message: "must be a number of requests" }).int().min(1).max(10_000_000).default(3_000),
  SNOWLINE_SOCKETS_PER_ADDRESS: z.coerce.number({ message: "must be a number of connections" }).int().min(1).max(1_000_000).default(500),
  SNOWLINE_PUBLIC_CACHE_MB: z.coerce.number({ message: "must be a number of megabytes (0 turns the cache off)" }).min(0).max(1_000_000).default(64),
  SNOWLINE_SOCKETS_MAX: z.coerce.number({ message: "must be a number of connections" }).int().min(1).max(10_000_000).default(20_000),
  // Set only behind a reverse proxy that appends the client's address to X-Forwarded-For (deploy/nginx does).
  SNOWLINE_TRUST_PROXY: z
    .enum(["0", "1", "true", "false", ""], { message: "must be 1 or 0" })
    .default("0")
    .transform((value) => value === "1" || value === "true"),
  SNOWLINE_PUBLIC_URL: optionalUrl(["http://", "https://"], "https://snow.example.gov.uk"),
  SNOWLINE_COUNCIL_NAME: z.string().trim().min(1).max(120).optional(),
  SNOWLINE_TILE_URL: z.string().trim().min(1).default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  SNOWLINE_TILE_ATTRIBUTION: z
    .string()
    .trim()
    .default('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'),
  SNOWLINE_DATA_LICENCE_NAME: z.string().trim().min(1).max(200).default("Open Government Licence v3.0"),
  SNOWLINE_DATA_LICENCE_URL: z
    .url({ message: "must be a URL such as https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" })
    .default("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"),
  SNOWLINE_DATA_ATTRIBUTION: z.string().trim().min(1).max(500).optional(),
  SNOWLINE_COUNCIL_LOGO_URL: z
    .string()
    .trim()
    .refine((value) => value === "" || value.startsWith("/") || /^https?:\/\/\S+$/.test(value), "must be an http(s) URL or a path such as /logo.svg")
    .transform((value) => value || undefined)
    .optional(),
  // The header shows white text on this colour, so it must keep AA contrast with white.
  SNOWLINE_BRAND_COLOUR: z
    .string()
    .trim()
    .default("#1d70b8")
    .refine(isHexColour, "must be a colour written #rrggbb, such as #1d70b8")
    .refine(
      (value) => !isHexColour(value) || contrastRatio(value, "#ffffff") >= BRAND_MIN_CONTRAST,
      `must be dark enough for white text on it (contrast at least ${BRAND_MIN_CONTRAST}:1): choose a darker shade`,
    ),
  // Internal hosts webhooks may reach; every other private, loopback or link-local address is refused.
  SNOWLINE_WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value, ctx): AllowedWebhookHosts => {
      const hosts = parseAllowedHosts(value);
      if (hosts) return hosts;
      ctx.addIssue({ code: "custom", message: "must be host names or IP addresses separated by commas, such as hooks.internal,10.0.0.5" });
      return z.NEVER;
    }),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Snowline cannot start: ${problems.length} setting(s) are invalid:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/**
 * The address links in feeds, share cards and sign-in links use. Without one they would have to
 * come from the request's Host header, which any client can forge into cacheable output, so a
 * production server refuses to start without it; development and the demo default to their own
 * listening address.
 */
export function publicUrlOf(env: Env): string {
  if (env.SNOWLINE_PUBLIC_URL) return env.SNOWLINE_PUBLIC_URL.replace(/\/+$/, "");
  if (env.NODE_ENV === "production" && !env.SNOWLINE_DEMO) {
    throw new EnvError(["SNOWLINE_PUBLIC_URL: must be set in production, such as https://snow.example.gov.uk (links in feeds and pages use it)"]);
  }
  const host = !env.HOST || env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${env.PORT}`;
}

/** Parses the environment once at start; each bad value is named with what it should be. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(source[String(issue.path[0])])})`));
}
