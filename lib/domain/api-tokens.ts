import * as z from "zod";
import { layerSchema, type Layer } from "./layers";
import { plainTextSchema } from "./status";

export const TOKEN_MAX_DAYS = 366;

/** An API token as an admin creates it: which layers it may change and for how long it works. */
export const tokenInputSchema = z.strictObject({
  name: plainTextSchema(80, "Name").pipe(z.string().trim().min(1, "Give the token a name, such as the system that will use it")),
  layers: z.array(layerSchema).min(1, "Choose at least one layer the token may change"),
  expiresInDays: z
    .int({ message: "Choose how many days the token works" })
    .min(1, "A token works for at least a day")
    .max(TOKEN_MAX_DAYS, `A token works for at most ${TOKEN_MAX_DAYS} days; create a new one after that`)
    .nullable(),
});
export type TokenInput = z.infer<typeof tokenInputSchema>;

/** A stored API token as admins see it; its secret is shown once, when it is created. */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
  /** The layers it may change; null means every layer. */
  layers: Layer[] | null;
  createdBy: string | null;
}
