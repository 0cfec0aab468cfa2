import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2's defaults are argon2id with 19 MiB, 2 passes, 1 lane: OWASP's recommended minimum.
// Kept explicit so a library upgrade cannot quietly weaken them.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as checking a real password, for unknown emails, so that response times
 * do not tell an attacker which emails have accounts.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword("snowline-no-such-account");
  await verifyPassword(await dummyHash, password);
  return false;
}
