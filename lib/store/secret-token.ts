import { createHash, randomBytes } from "node:crypto";

/**
 * Random secrets handed out once (session cookies, sign-in links). They carry 256 random bits,
 * so a fast hash is enough to keep them out of the database: there is nothing to brute-force.
 */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");
