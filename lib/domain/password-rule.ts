import * as z from "zod";

// NCSC advice: ask for length, not composition rules; allow pass phrases and password managers.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** What the console tells someone choosing a password; the same rule the server applies. */
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, not only spaces, and not a commonly used password. Three or four words together are easy to remember and hard to guess.`;

export const COMMON_PASSWORD_MESSAGE = "This is one of the most commonly used passwords, which attackers try first. Choose another; a few words together make a good one.";

/**
 * The part of the password rule a browser can check without the list of common passwords:
 * length, and not only whitespace. `lib/auth/password-policy` adds the list for the server.
 */
export const passwordShapeSchema = z
  .string({ message: "Password is required" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters; a few words together make a good password`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((password) => password.trim() !== "", `Use at least ${PASSWORD_MIN_LENGTH} characters, not only spaces`);
