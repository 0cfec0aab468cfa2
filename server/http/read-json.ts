import type { Context } from "hono";
import { ValidationError } from "../../lib/domain/errors";
import { HttpStatusError } from "./errors";

/** Reads a JSON request body, refusing other content types and malformed JSON with a clear message. */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpStatusError(415, "Send the body as JSON with Content-Type: application/json");
  }
  try {
    return await c.req.json();
  } catch {
    throw new ValidationError([{ path: "(body)", message: "The body is not valid JSON" }], "The body is not valid JSON");
  }
}
