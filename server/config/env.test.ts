import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, publicUrlOf } from "./env";

describe("parseEnv", () => {
  it("fills in the embedded defaults", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, SNOWLINE_DATA_DIR: "./.data", LOG_LEVEL: "info", SNOWLINE_DEMO: false });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it("treats empty URLs as unset and accepts real ones", () => {
    expect(parseEnv({ DATABASE_URL: "", REDIS_URL: " " }).DATABASE_URL).toBeUndefined();
    const env = parseEnv({ DATABASE_URL: "postgres://u@127.0.0.1:5432/db", REDIS_URL: "redis://127.0.0.1:6379", SNOWLINE_DEMO: "1" });
    expect(env).toMatchObject({ DATABASE_URL: "postgres://u@127.0.0.1:5432/db", REDIS_URL: "redis://127.0.0.1:6379", SNOWLINE_DEMO: true });
  });

  it("names every bad variable with what it should be", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const { problems, message } = error as EnvError;
    expect(problems).toHaveLength(3);
    expect(message).toMatch(/PORT: .*port number.*"eighty"/);
    expect(message).toMatch(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
    expect(message).toMatch(/LOG_LEVEL: .*"loud"/);
  });

  it("takes a brand colour only if white text on it keeps AA contrast", () => {
    expect(parseEnv({}).SNOWLINE_BRAND_COLOUR).toBe("#1d70b8");
    expect(parseEnv({ SNOWLINE_BRAND_COLOUR: "#005A30" }).SNOWLINE_BRAND_COLOUR).toBe("#005A30");
    expect(() => parseEnv({ SNOWLINE_BRAND_COLOUR: "#ffdd00" })).toThrow(/SNOWLINE_BRAND_COLOUR: must be dark enough.*4.5:1/);
    expect(() => parseEnv({ SNOWLINE_BRAND_COLOUR: "blue" })).toThrow(/SNOWLINE_BRAND_COLOUR: must be a colour written #rrggbb/);
  });

  it("takes a logo as an http(s) URL or a site path", () => {
    expect(parseEnv({}).SNOWLINE_COUNCIL_LOGO_URL).toBeUndefined();
    expect(parseEnv({ SNOWLINE_COUNCIL_LOGO_URL: "/logo.svg" }).SNOWLINE_COUNCIL_LOGO_URL).toBe("/logo.svg");
    expect(parseEnv({ SNOWLINE_COUNCIL_LOGO_URL: "https://council.example/logo.png" }).SNOWLINE_COUNCIL_LOGO_URL).toBe("https://council.example/logo.png");
    expect(() => parseEnv({ SNOWLINE_COUNCIL_LOGO_URL: "javascript:alert(1)" })).toThrow(/SNOWLINE_COUNCIL_LOGO_URL/);
  });
});

describe("console settings", () => {
  it("defaults to a 60-minute idle and 12-hour absolute session, officers without notices, 60 demo schools", () => {
    expect(parseEnv({})).toMatchObject({
      SNOWLINE_SESSION_IDLE_MINUTES: 60,
      SNOWLINE_SESSION_MAX_HOURS: 12,
      SNOWLINE_OFFICERS_MAY_POST_NOTICES: false,
      SNOWLINE_DEMO_SCHOOLS: 60,
    });
    expect(parseEnv({ SNOWLINE_OFFICERS_MAY_POST_NOTICES: "1", SNOWLINE_DEMO_SCHOOLS: "200" })).toMatchObject({
      SNOWLINE_OFFICERS_MAY_POST_NOTICES: true,
      SNOWLINE_DEMO_SCHOOLS: 200,
    });
    expect(() => parseEnv({ SNOWLINE_SESSION_IDLE_MINUTES: "0" })).toThrow(/SNOWLINE_SESSION_IDLE_MINUTES/);
  });
});

// Finding 10: without a public URL, links came from the request's Host header.
describe("publicUrlOf", () => {
  it("refuses to run in production without SNOWLINE_PUBLIC_URL, naming it", () => {
    expect(() => publicUrlOf(parseEnv({ NODE_ENV: "production" }))).toThrow(EnvError);
    expect(() => publicUrlOf(parseEnv({ NODE_ENV: "production" }))).toThrow(/SNOWLINE_PUBLIC_URL: must be set in production/);
  });

  it("uses the configured address, else the demo's or development's own", () => {
    expect(publicUrlOf(parseEnv({ NODE_ENV: "production", SNOWLINE_PUBLIC_URL: "https://snow.example.gov.uk/" }))).toBe("https://snow.example.gov.uk");
    expect(publicUrlOf(parseEnv({ NODE_ENV: "production", SNOWLINE_DEMO: "1", PORT: "4000" }))).toBe("http://localhost:4000");
    expect(publicUrlOf(parseEnv({ HOST: "127.0.0.1", PORT: "3100" }))).toBe("http://127.0.0.1:3100");
  });
});
