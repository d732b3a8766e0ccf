import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * The tamper-evident audit log. Events and checkpoints cannot be updated or deleted through the
 * application: triggers refuse it on both dialects. Only the retention purge may delete, and only
 * through a door ordinary code never opens: on PostgreSQL the transaction-local setting
 * `hinggan.audit_purge = 'on'`; on SQLite the one-row `audit_purge_gate` table, opened and closed
 * inside the purge transaction. Updates are refused always.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  // On SQLite `integer primary key` is the rowid: the cheapest ordered key there is.
  const seq = postgres ? 'bigint' : 'integer';

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', seq, (c) => c.primaryKey())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('org_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('object_type', 'text')
    .addColumn('object_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_at_idx').on('audit_events').column('at').execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').columns(['actor_id', 'seq']).execute();
  await db.schema.createIndex('audit_events_action_idx').on('audit_events').columns(['action', 'seq']).execute();
  await db.schema.createIndex('audit_events_object_idx').on('audit_events').columns(['object_type', 'object_id', 'seq']).execute();

  // The chain's head: one row, locked (FOR UPDATE on PostgreSQL) by every append so seq is gap-free.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();

  // SM2-signed statements "the event at seq has hash h".
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();

  // How far each off-host sink has received the log.
  await db.schema
    .createTable('audit_sink_cursors')
    .addColumn('sink', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();

  if (postgres) {
    await sql`
      create function audit_guard() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and coalesce(current_setting('hinggan.audit_purge', true), '') = 'on' then
          return old;
        end if;
        raise exception 'audit log is append-only: % on % refused', tg_op, tg_table_name using errcode = 'P0001';
      end $$`.execute(db);
    for (const table of ['audit_events', 'audit_checkpoints']) {
      await sql`create trigger ${sql.id(`${table}_guard`)} before update or delete on ${sql.id(table)}
        for each row execute function audit_guard()`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.id(table)}
        for each statement execute function audit_guard()`.execute(db);
    }
  } else {
    await db.schema
      .createTable('audit_purge_gate')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('open', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('audit_purge_gate').values({ id: 1, open: 0 }).execute();
    for (const table of ['audit_events', 'audit_checkpoints']) {
      await sql`create trigger ${sql.id(`${table}_no_update`)} before update on ${sql.id(table)}
        begin select raise(abort, 'audit log is append-only: update refused'); end`.execute(db);
      await sql`create trigger ${sql.id(`${table}_no_delete`)} before delete on ${sql.id(table)}
        when coalesce((select open from audit_purge_gate where id = 1), 0) <> 1
        begin select raise(abort, 'audit log is append-only: delete refused'); end`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await db.schema.dropTable('audit_events').execute();
    await db.schema.dropTable('audit_checkpoints').execute();
    await sql`drop function audit_guard()`.execute(db);
  } else {
    await db.schema.dropTable('audit_events').execute();
    await db.schema.dropTable('audit_checkpoints').execute();
    await db.schema.dropTable('audit_purge_gate').execute();
  }
  await db.schema.dropTable('audit_sink_cursors').execute();
  await db.schema.dropTable('audit_head').execute();
}
