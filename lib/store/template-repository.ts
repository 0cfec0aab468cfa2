import { randomUUID } from "node:crypto";
import type { Layer } from "../domain/layers";
import type { MessageTemplate, TemplateInput } from "../domain/templates";
import type { Db, MessageTemplatesTable } from "./database";
import { num } from "./rows";

const fromRow = (row: MessageTemplatesTable): MessageTemplate => ({
  id: row.id,
  layer: row.layer as Layer,
  name: row.name,
  message: row.message,
  createdAt: num(row.created_at),
  createdBy: row.created_by_name,
});

/** Message templates officers pick from when they post a status. */
export function createTemplateRepository(db: Db) {
  return {
    async list(layer?: Layer): Promise<MessageTemplate[]> {
      let query = db.selectFrom("message_templates").selectAll();
      if (layer) query = query.where("layer", "=", layer);
      const rows = await query.orderBy("layer").orderBy("name").execute();
      return rows.map(fromRow);
    },

    async create(input: TemplateInput, createdBy: string, now: number): Promise<MessageTemplate> {
      const row: MessageTemplatesTable = { id: randomUUID(), ...input, created_at: now, created_by_name: createdBy };
      await db.insertInto("message_templates").values(row).execute();
      return fromRow(row);
    },

    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom("message_templates").where("id", "=", id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type TemplateRepository = ReturnType<typeof createTemplateRepository>;
