import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * Government information disclosure (政府信息公开): each organisation's 机构代码, guide and rules
 * (versioned), the catalogue with its index-number counters, online requests with their history and
 * reminders, and annual reports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('disclosure_orgs')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('org_code', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('disclosure_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_texts_version_unique').on('disclosure_texts').columns(['org_id', 'kind', 'version']).unique().execute();

  await db.schema
    .createTable('disclosure_index_counters')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_index_counters_pk', ['org_id', 'year'])
    .execute();

  await db.schema
    .createTable('disclosure_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('index_number', 'text', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_number', 'text')
    .addColumn('publisher', 'text', (c) => c.notNull())
    .addColumn('document_date', 'text', (c) => c.notNull())
    .addColumn('publish_date', 'text')
    .addColumn('article_id', 'text', (c) => c.references('portal_articles.id'))
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('file_name', 'text')
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('valid'))
    .addColumn('validity_note', 'text')
    .addColumn('validity_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('published_at', instant)
    .execute();
  await db.schema.createIndex('disclosure_entries_serial_unique').on('disclosure_entries').columns(['org_id', 'year', 'serial']).unique().execute();
  await db.schema.createIndex('disclosure_entries_list_idx').on('disclosure_entries').columns(['org_id', 'status', 'publish_date']).execute();
  await db.schema.createIndex('disclosure_entries_category_idx').on('disclosure_entries').columns(['org_id', 'category', 'status']).execute();

  await db.schema
    .createTable('disclosure_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_number_sealed', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'text', (c) => c.notNull())
    .addColumn('phone_sealed', 'text', (c) => c.notNull())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('address_sealed', 'text')
    .addColumn('email_sealed', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('clock_start', 'text', (c) => c.notNull())
    .addColumn('paused_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    .addColumn('deadline', 'text')
    .addColumn('correction_notice', 'text')
    .addColumn('correction_on', 'text')
    .addColumn('corrected_on', 'text')
    .addColumn('consultation_party', 'text')
    .addColumn('consultation_on', 'text')
    .addColumn('consultation_ended_on', 'text')
    .addColumn('reply_kind', 'text')
    .addColumn('reply_ground', 'text')
    .addColumn('reply_reason', 'text')
    .addColumn('reply_basis', 'text')
    .addColumn('reply_location', 'text')
    .addColumn('reply_holder', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('reply_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('replied_on', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_requests_open_idx').on('disclosure_requests').columns(['org_id', 'status', 'deadline']).execute();
  await db.schema.createIndex('disclosure_requests_received_idx').on('disclosure_requests').columns(['org_id', 'received_on']).execute();

  await db.schema
    .createTable('disclosure_request_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('disclosure_requests.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('deadline', 'text')
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_request_events_idx').on('disclosure_request_events').columns(['request_id', 'at']).execute();

  await db.schema
    .createTable('disclosure_request_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('disclosure_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosure_request_reminders_unique').on('disclosure_request_reminders').columns(['request_id', 'kind', 'deadline']).unique().execute();

  await db.schema
    .createTable('disclosure_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('published_at', instant)
    .execute();
  await db.schema.createIndex('disclosure_reports_year_unique').on('disclosure_reports').columns(['org_id', 'year']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'disclosure_reports',
    'disclosure_request_reminders',
    'disclosure_request_events',
    'disclosure_requests',
    'disclosure_entries',
    'disclosure_index_counters',
    'disclosure_texts',
    'disclosure_orgs',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
