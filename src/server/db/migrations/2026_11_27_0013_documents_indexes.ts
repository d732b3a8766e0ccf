import type { Kysely } from 'kysely';

// Frozen: this migration imports no application code.

/**
 * Indexes the documents area needs at 1,000,000 documents (found with `npm run bench -- documents-scale`).
 *
 * An inbox's to-do and counts include what the organisation handles for others as a 协办 unit:
 * `incoming_units` rows with its `org_id` and role `co`. The index on (`org_id`, `incoming_id`) made
 * that branch read every unit row of the organisation — mostly its 承办 (lead) rows, which grow with
 * every instruction it was ever given — before keeping the co-unit ones. With the role in the key the
 * branch reads only its co-unit rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('incoming_units_org_role_idx').on('incoming_units').columns(['org_id', 'role', 'incoming_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('incoming_units_org_role_idx').execute();
}
