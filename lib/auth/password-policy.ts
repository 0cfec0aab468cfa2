import * as z from "zod";
import { COMMON_PASSWORD_MESSAGE, passwordShapeSchema } from "../domain/password-rule";
import COMMON_PASSWORDS from "./common-passwords.json";

let common: Set<string> | null = null;

/** Whether a password is on the bundled list of common passwords, ignoring case and surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS);
  return common.has(password.trim().toLowerCase());
}

/**
 * The one password rule, for every door that sets a password (the sign-in link, the CLI, account
 * creation): NCSC's length without composition rules, and not a commonly used password.
 */
export const passwordSchema = passwordShapeSchema.refine((password) => !isCommonPassword(password), COMMON_PASSWORD_MESSAGE);

/** Setting a password with a one-time sign-in link. */
export const claimLinkInputSchema = z.strictObject({
  token: z.string().min(20, "This sign-in link is incomplete").max(200),
  password: passwordSchema,
});
export type ClaimLinkInput = z.infer<typeof claimLinkInputSchema>;
