import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/** The sending side of official documents (发文) and the seam table the receiving side reads. */
export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('drafting_org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('doc_prefix', 'text')
    .addColumn('doc_year', 'integer')
    .addColumn('doc_serial', 'integer')
    .addColumn('secrecy', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('secrecy_term', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('signer_id', 'text')
    .addColumn('signed_at', instant)
    .addColumn('document_date', 'text')
    .addColumn('drafted_by', 'text', (c) => c.notNull())
    .addColumn('drafted_by_name', 'text', (c) => c.notNull())
    .addColumn('sealed_at', instant)
    .addColumn('issued_at', instant)
    .addColumn('final_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('in_reply_to', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_org_updated_idx').on('documents').columns(['org_id', 'updated_at']).execute();
  await db.schema.createIndex('documents_drafting_org_idx').on('documents').columns(['drafting_org_id', 'updated_at']).execute();
  await db.schema.createIndex('documents_doc_number_idx').on('documents').column('doc_number').execute();
  // One serial per 机关代字 and year, whatever the counter says: the last guard against a duplicate 字号.
  await db.schema
    .createIndex('documents_number_unique')
    .on('documents')
    .columns(['doc_prefix', 'doc_year', 'doc_serial'])
    .unique()
    .execute();

  await db.schema
    .createTable('document_co_issuers')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_co_issuers_pk', ['document_id', 'org_id'])
    .execute();
  await db.schema.createIndex('document_co_issuers_org_idx').on('document_co_issuers').column('org_id').execute();

  // 主送 and 抄送 as drafted; `document_deliveries` records what 核发 actually delivered.
  await db.schema
    .createTable('document_recipients')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_recipients_pk', ['document_id', 'org_id'])
    .execute();

  // 痕迹保留: every saved body, numbered from 1 per document.
  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_versions_number_unique', ['document_id', 'number'])
    .execute();

  await db.schema
    .createTable('document_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_attachments_doc_idx').on('document_attachments').columns(['document_id', 'position']).execute();

  // The flow history (流转记录): every action with who, when and the opinion.
  await db.schema
    .createTable('document_flow_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text')
    .addColumn('to_step', 'text')
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_flow_events_doc_idx').on('document_flow_events').columns(['document_id', 'at']).execute();

  // One row per action a step waits for (a 会签 has one per co-issuer). Only open rows make to-do lists,
  // so the to-do indexes cover open rows only and stay small however many documents there are.
  await db.schema
    .createTable('document_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('role', 'text')
    .addColumn('alt_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('completed_at', instant)
    .addColumn('completed_by', 'text')
    .addColumn('completed_by_name', 'text')
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('document_tasks_doc_idx').on('document_tasks').columns(['document_id', 'status']).execute();
  await db.schema
    .createIndex('document_tasks_open_role_idx')
    .on('document_tasks')
    .columns(['role', 'org_id', 'due_on'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('document_tasks_open_alt_idx')
    .on('document_tasks')
    .columns(['role', 'alt_org_id', 'due_on'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('document_tasks_open_user_idx')
    .on('document_tasks')
    .columns(['user_id', 'due_on'])
    .where(sql.ref('status'), '=', 'open')
    .execute();

  // 发文字号 serials per 机关代字 and year; the row is locked by the UPDATE that takes the next one.
  await db.schema
    .createTable('document_number_counters')
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_number_counters_pk', ['prefix', 'year'])
    .execute();

  // Per-organisation workflow: a row overrides the default of one step.
  await db.schema
    .createTable('document_workflow_settings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('actor_scope', 'text', (c) => c.notNull())
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_workflow_settings_pk', ['org_id', 'step'])
    .execute();

  // The seam with the receiving side: a 'local' row is the recipient's new inbox item (待签收).
  await db.schema
    .createTable('document_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('delivered_at', instant, (c) => c.notNull())
    .addUniqueConstraint('document_deliveries_doc_org_unique', ['document_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('document_deliveries_org_idx')
    .on('document_deliveries')
    .columns(['org_id', 'delivered_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'document_deliveries',
    'document_workflow_settings',
    'document_number_counters',
    'document_tasks',
    'document_flow_events',
    'document_attachments',
    'document_versions',
    'document_recipients',
    'document_co_issuers',
    'documents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
