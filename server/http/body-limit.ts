import { bodyLimit } from "hono/body-limit";
import { httpError } from "./errors";

export const API_BODY_LIMIT_BYTES = 1024 * 1024;
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;

const describe = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`);

/** Refuses a body over `maxSize` with 413 before reading it. */
export const limitBody = (maxSize: number) =>
  bodyLimit({ maxSize, onError: (c) => httpError(c, 413, `The request body is larger than ${describe(maxSize)}`) });
