import * as z from "zod";
import { roleSchema, type Role } from "./access";
import { assetIdSchema } from "./assets";
import { layerSchema, type Layer } from "./layers";
import { PASSWORD_MAX_LENGTH, passwordShapeSchema } from "./password-rule";
import { plainTextSchema } from "./status";

export const emailSchema = z
  .string({ message: "Email is required" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter an email address such as name@council.gov.uk" }).max(254, "Email is longer than 254 characters"));

/** A sign-in attempt. The email is not checked for shape: any mismatch gets the same answer. */
export const signInInputSchema = z.strictObject({
  email: z.string({ message: "Enter your email address" }).trim().toLowerCase().min(1, "Enter your email address").max(254),
  password: z.string({ message: "Enter your password" }).min(1, "Enter your password").max(PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/**
 * What the browser checks before sending a sign-in link's password: its shape only. The server's
 * `claimLinkInputSchema` (lib/auth/password-policy) also refuses common passwords.
 */
export const claimLinkFormSchema = z.strictObject({
  token: z.string().min(20, "This sign-in link is incomplete").max(200),
  password: passwordShapeSchema,
});

/** An account as an admin creates it: officers need layers, site editors need their assets. */
export const userInputSchema = z
  .strictObject({
    email: emailSchema,
    name: plainTextSchema(100, "Name").pipe(z.string().trim().min(1, "Enter the person's name")),
    role: roleSchema,
    layers: z.array(layerSchema).max(10).default([]),
    assets: z.array(assetIdSchema).max(500, "At most 500 assets per account").default([]),
  })
  .superRefine((user, ctx) => {
    if (user.role === "officer" && user.layers.length === 0) {
      ctx.addIssue({ code: "custom", path: ["layers"], message: "Choose at least one layer this officer may change" });
    }
    if (user.role === "site" && user.assets.length === 0) {
      ctx.addIssue({ code: "custom", path: ["assets"], message: "Name at least one asset this site editor may change" });
    }
  })
  .transform((user) => ({
    ...user,
    layers: user.role === "officer" ? [...new Set(user.layers)] : [],
    assets: user.role === "site" ? [...new Set(user.assets)] : [],
  }));
export type UserInput = z.infer<typeof userInputSchema>;

/** A user as officers and admins see it; never the password hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** For officers: the layers they may change. Empty for others. */
  layers: Layer[];
  /** For site editors: the assets they may change. Empty for others. */
  assets: string[];
  hasPassword: boolean;
  createdAt: number;
  disabledAt: number | null;
  lastSignInAt: number | null;
}

/** A user with the hash of their password, for signing in; never sent to a browser. */
export interface UserWithSecret extends User {
  passwordHash: string | null;
}

/** Where to go after signing in: only a console path on this site, never another origin. */
export const nextPathSchema = z
  .string()
  .regex(/^\/console(?:[/?#][^\\\s]*)?$/, "Not a console path")
  .refine((path) => !path.includes("//"), "Not a console path")
  .catch("/console");

/** An account as the audit log names it: the name and email it had at the time. */
export const describeAccount = (user: Pick<User, "name" | "email">) => `${user.name} (${user.email})`;
