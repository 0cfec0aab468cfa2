import { randomUUID } from "node:crypto";
import type { Role } from "../domain/access";
import { NotFoundError, ValidationError } from "../domain/errors";
import type { Layer } from "../domain/layers";
import type { User, UserInput, UserWithSecret } from "../domain/users";
import type { Db, UsersTable } from "./database";
import { num } from "./rows";

const numOrNull = (value: number | string | null) => (value === null ? null : num(value));

export function userFromRow(row: UsersTable): UserWithSecret {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    layers: JSON.parse(row.layers) as Layer[],
    assets: JSON.parse(row.assets) as string[],
    hasPassword: row.password_hash !== null,
    passwordHash: row.password_hash,
    createdAt: num(row.created_at),
    disabledAt: numOrNull(row.disabled_at),
    lastSignInAt: numOrNull(row.last_sign_in_at),
  };
}

export function withoutSecret({ passwordHash: _hash, ...user }: UserWithSecret): User {
  return user;
}

async function checkAssetsExist(db: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db.selectFrom("assets").select("id").where("id", "in", ids).execute();
  const known = new Set(rows.map((r) => r.id));
  const missing = ids.map((id, index) => ({ id, index })).filter(({ id }) => !known.has(id));
  if (missing.length) {
    throw new ValidationError(
      missing.map(({ id, index }) => ({ path: `assets.${index}`, message: `No asset has the id ${id}` })),
      missing.length === 1 ? `No asset has the id ${missing[0]!.id}` : `${missing.length} of the assets do not exist`,
    );
  }
}

/** Console users: officers, site editors and administrators. */
export function createUserRepository(db: Db) {
  async function update(id: string, values: Partial<UsersTable>): Promise<User> {
    const row = await db.updateTable("users").set(values).where("id", "=", id).returningAll().executeTakeFirst();
    if (!row) throw new NotFoundError(`No user has the id ${id}`);
    return withoutSecret(userFromRow(row));
  }

  return {
    async create(input: UserInput, now: number, passwordHash: string | null): Promise<User> {
      await checkAssetsExist(db, input.assets);
      const taken = await db.selectFrom("users").select("id").where("email", "=", input.email).executeTakeFirst();
      if (taken) throw new ValidationError([{ path: "email", message: `An account already uses ${input.email}` }], "An account already uses that email");
      const row: UsersTable = {
        id: randomUUID(),
        email: input.email,
        name: input.name,
        role: input.role,
        layers: JSON.stringify(input.layers),
        assets: JSON.stringify(input.assets),
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
        disabled_at: null,
        last_sign_in_at: null,
      };
      await db.insertInto("users").values(row).execute();
      return withoutSecret(userFromRow(row));
    },

    async findByEmail(email: string): Promise<UserWithSecret | null> {
      const row = await db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
      return row ? userFromRow(row) : null;
    },

    async get(id: string): Promise<User | null> {
      const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      return row ? withoutSecret(userFromRow(row)) : null;
    },

    async list(): Promise<User[]> {
      const rows = await db.selectFrom("users").selectAll().orderBy("email").execute();
      return rows.map((row) => withoutSecret(userFromRow(row)));
    },

    /** Setting a password also ends every sign-in link of the account, used or not. */
    async setPassword(id: string, passwordHash: string, now: number): Promise<User> {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom("sign_in_links").where("user_id", "=", id).execute();
        const row = await trx.updateTable("users").set({ password_hash: passwordHash, updated_at: now }).where("id", "=", id).returningAll().executeTakeFirst();
        if (!row) throw new NotFoundError(`No user has the id ${id}`);
        return withoutSecret(userFromRow(row));
      });
    },

    setDisabled: (id: string, disabled: boolean, now: number) => update(id, { disabled_at: disabled ? now : null, updated_at: now }),

    async recordSignIn(id: string, now: number): Promise<void> {
      await db.updateTable("users").set({ last_sign_in_at: now }).where("id", "=", id).execute();
    },
  };
}

export type UserRepository = ReturnType<typeof createUserRepository>;
