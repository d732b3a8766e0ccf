import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * Self-inspection (自查) of the portal's sites: every run of the national inspection indicators over
 * one site, kept for the trend; the newest run per site is the site's current result.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('portal_inspection_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('portal_sites.id').onDelete('cascade'))
    .addColumn('checked_at', instant, (c) => c.notNull())
    // 'schedule' (the hourly job) or 'manual' (someone asked for a re-run).
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('triggered_by_name', 'text')
    .addColumn('veto_count', 'integer', (c) => c.notNull())
    .addColumn('warning_count', 'integer', (c) => c.notNull())
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    .addColumn('passed_count', 'integer', (c) => c.notNull())
    .addColumn('applicable_count', 'integer', (c) => c.notNull())
    // JSON: the indicators with their findings and the page probes of this run.
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_inspection_runs_site_idx').on('portal_inspection_runs').columns(['site_id', 'checked_at']).execute();
  await db.schema.createIndex('portal_inspection_runs_checked_idx').on('portal_inspection_runs').column('checked_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_inspection_runs').execute();
}
