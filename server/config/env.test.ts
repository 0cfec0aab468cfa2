import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

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
