import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * An inbox's to-do includes the items its organisation handles for others as a 协办 unit. Found at
 * 1,000,000 documents (`npm run bench -- documents-scale`): that branch read every co-unit row the
 * organisation was ever given (1,707 for one banner bureau), joined each to its item and kept the few
 * still open, so it grew with the organisation's history rather than its open work.
 *
 * Each unit row now carries its item's step and received time, and is indexed by
 * (org, role, step, received time), as the own branch reads (org, is_open, received time): the to-do
 * reads only the open rows, newest first. The item's step is copied by a trigger on every change, so
 * no code path can leave a unit row behind; a new row is written with both by the 批办.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  // Added with a placeholder default (the table's existing rows), filled below, then required without one.
  await db.schema.alterTable('incoming_units').addColumn('step', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema
    .alterTable('incoming_units')
    .addColumn('received_at', instant, (c) => c.notNull().defaultTo(postgres ? sql`'epoch'` : ''))
    .execute();
  await sql`update incoming_units set step = i.step, received_at = i.received_at
    from incoming_documents i where i.id = incoming_units.incoming_id`.execute(db);

  if (postgres) {
    await sql`alter table incoming_units alter column step drop default, alter column received_at drop default`.execute(db);
    await sql`
      create function incoming_documents_step_to_units() returns trigger language plpgsql as $$
      begin
        update incoming_units set step = new.step where incoming_id = new.id;
        return new;
      end $$`.execute(db);
    await sql`create trigger incoming_documents_step_to_units after update of step on incoming_documents
      for each row when (old.step is distinct from new.step) execute function incoming_documents_step_to_units()`.execute(db);
  } else {
    // SQLite cannot drop a column default; the code always writes both columns (the types require them).
    await sql`
      create trigger incoming_documents_step_to_units after update of step on incoming_documents
      when old.step is not new.step
      begin
        update incoming_units set step = new.step where incoming_id = new.id;
      end`.execute(db);
  }

  await db.schema.createIndex('incoming_units_org_role_step_idx').on('incoming_units').columns(['org_id', 'role', 'step', 'received_at']).execute();
  // Its prefix (org, role) is the new index's.
  await db.schema.dropIndex('incoming_units_org_role_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('incoming_units_org_role_idx').on('incoming_units').columns(['org_id', 'role', 'incoming_id']).execute();
  await db.schema.dropIndex('incoming_units_org_role_step_idx').execute();
  if (isPostgres(db)) {
    await sql`drop trigger incoming_documents_step_to_units on incoming_documents`.execute(db);
    await sql`drop function incoming_documents_step_to_units()`.execute(db);
  } else {
    await sql`drop trigger incoming_documents_step_to_units`.execute(db);
  }
  await db.schema.alterTable('incoming_units').dropColumn('received_at').execute();
  await db.schema.alterTable('incoming_units').dropColumn('step').execute();
}
