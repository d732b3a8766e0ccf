import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/** Receiving (收文) and filing (归档, DA/T 22-2015) of official documents. */
export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  // One row per document in an organisation's inbox: every local delivery (written by the trigger
  // below, at 待签收, keeping the delivery's id from 待签收 to 办结) and every paper document.
  await db.schema
    .createTable('incoming_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.unique().references('document_deliveries.id'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('sender_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('sender_name', 'text')
    .addColumn('sender_number', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('recipient_role', 'text')
    .addColumn('document_date', 'text')
    .addColumn('pages', 'integer')
    .addColumn('file_id', 'text', (c) => c.references('files.id'))
    .addColumn('step', 'text', (c) => c.notNull())
    // 1 while the item waits at a step (the to-do), 0 once 办结 or 退回: pages of the to-do read one range.
    .addColumn('is_open', 'integer', (c) => c.generatedAlwaysAs(sql`case when step in ('completed', 'returned') then 0 else 1 end`).stored())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', instant, (c) => c.notNull())
    .addColumn('signed_at', instant)
    .addColumn('signed_by', 'text')
    .addColumn('signed_by_name', 'text')
    .addColumn('receipt_year', 'integer')
    .addColumn('receipt_serial', 'integer')
    .addColumn('receipt_number', 'text')
    .addColumn('registered_at', instant)
    .addColumn('proposal', 'text')
    .addColumn('instruction', 'text')
    .addColumn('instructed_at', instant)
    .addColumn('instructed_by_name', 'text')
    .addColumn('lead_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('deadline', 'text')
    .addColumn('completed_at', instant)
    .addColumn('completed_by_name', 'text')
    .addColumn('result', 'text')
    .addColumn('reply_document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('returned_at', instant)
    .addColumn('return_reason', 'text')
    .addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reminded_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  // The to-do newest first, one step's page, the whole history by date; counts per step with the
  // overdue ones and the 催办 board read (org, step, deadline) without touching the rows.
  await db.schema.createIndex('incoming_org_open_idx').on('incoming_documents').columns(['org_id', 'is_open', 'received_at']).execute();
  await db.schema.createIndex('incoming_org_step_idx').on('incoming_documents').columns(['org_id', 'step', 'received_at']).execute();
  await db.schema.createIndex('incoming_org_received_idx').on('incoming_documents').columns(['org_id', 'received_at']).execute();
  await db.schema.createIndex('incoming_org_deadline_idx').on('incoming_documents').columns(['org_id', 'step', 'deadline']).execute();
  await db.schema.createIndex('incoming_lead_step_idx').on('incoming_documents').columns(['lead_org_id', 'step', 'received_at']).where(sql.ref('lead_org_id'), 'is not', null).execute();
  await db.schema.createIndex('incoming_document_idx').on('incoming_documents').column('document_id').execute();
  // A scan registers one paper document only.
  await db.schema.createIndex('incoming_paper_scan_unique').on('incoming_documents').column('file_id').unique().where(sql.ref('source'), '=', 'paper').execute();
  // The replies (复文) to an incoming item: documents.in_reply_to names it.
  await db.schema.createIndex('documents_in_reply_to_idx').on('documents').column('in_reply_to').where(sql.ref('in_reply_to'), 'is not', null).execute();
  // 收文编号: consecutive per organisation and year; this index is the last guard against a duplicate.
  await db.schema.createIndex('incoming_receipt_number_unique').on('incoming_documents').columns(['org_id', 'receipt_year', 'receipt_serial']).unique().execute();

  await db.schema
    .createTable('incoming_number_counters')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incoming_number_counters_pk', ['org_id', 'year'])
    .execute();

  // 承办 (lead) and 协办 (co) units named by the 批办.
  await db.schema
    .createTable('incoming_units')
    .addColumn('incoming_id', 'text', (c) => c.notNull().references('incoming_documents.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incoming_units_pk', ['incoming_id', 'org_id'])
    .execute();
  await db.schema.createIndex('incoming_units_org_idx').on('incoming_units').columns(['org_id', 'incoming_id']).execute();

  // The processing record (处理记录): every step with who, when and the opinion.
  await db.schema
    .createTable('incoming_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incoming_id', 'text', (c) => c.notNull().references('incoming_documents.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text')
    .addColumn('details', 'text')
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incoming_events_incoming_idx').on('incoming_events').columns(['incoming_id', 'at']).execute();

  // 传阅: who it went to, who has read it and when.
  await db.schema
    .createTable('incoming_circulations')
    .addColumn('incoming_id', 'text', (c) => c.notNull().references('incoming_documents.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('sent_by_name', 'text', (c) => c.notNull())
    .addColumn('sent_at', instant, (c) => c.notNull())
    .addColumn('read_at', instant)
    .addColumn('comment', 'text')
    .addPrimaryKeyConstraint('incoming_circulations_pk', ['incoming_id', 'user_id'])
    .execute();
  await db.schema.createIndex('incoming_circulations_user_idx').on('incoming_circulations').columns(['user_id', 'read_at', 'sent_at']).execute();

  // 催办: automatic (before / on / after the deadline) and manual reminders; the unique key makes a
  // re-run reminder job write nothing twice.
  await db.schema
    .createTable('incoming_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incoming_id', 'text', (c) => c.notNull().references('incoming_documents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text')
    .addColumn('at', instant, (c) => c.notNull())
    .addUniqueConstraint('incoming_reminders_unique', ['incoming_id', 'kind', 'deadline', 'sequence'])
    .execute();

  // 签收回执 and 退回 as the sender sees them, per delivery; the exchange module will write the same
  // rows for receipts from other deployments.
  await db.schema
    .createTable('delivery_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('document_deliveries.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('reply_document_id', 'text')
    .addColumn('at', instant, (c) => c.notNull())
    .addUniqueConstraint('delivery_receipts_unique', ['delivery_id', 'kind'])
    .execute();
  await db.schema.createIndex('delivery_receipts_document_idx').on('delivery_receipts').columns(['document_id', 'at']).execute();

  // The seam: a local delivery is the recipient's new inbox item. The database writes it in the 核发
  // transaction itself, so the sending side needs to know nothing of receiving, and the inbox reads
  // one table (counts and pages by step stay index ranges however many deliveries there were).
  const inboxColumns = sql.raw(
    'id, org_id, source, delivery_id, document_id, sender_org_id, sender_number, title, kind, secrecy, urgency, recipient_role, ' +
      'document_date, file_id, step, revision, received_at, reminders, created_at, updated_at',
  );
  const inboxValues = (delivery: string) =>
    sql.raw(
      `${delivery}.id, ${delivery}.org_id, 'delivery', ${delivery}.id, d.id, d.org_id, d.doc_number, d.title, d.kind, d.secrecy, d.urgency, ${delivery}.role, ` +
        `d.document_date, d.final_file_id, 'pending', 0, ${delivery}.delivered_at, 0, ${delivery}.delivered_at, ${delivery}.delivered_at`,
    );
  if (isPostgres(db)) {
    await sql`
      create function document_deliveries_to_inbox() returns trigger language plpgsql as $$
      begin
        if new.channel = 'local' then
          insert into incoming_documents (${inboxColumns})
          select ${inboxValues('new')} from documents d where d.id = new.document_id;
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger document_deliveries_to_inbox after insert on document_deliveries
      for each row execute function document_deliveries_to_inbox()`.execute(db);
  } else {
    await sql`
      create trigger document_deliveries_to_inbox after insert on document_deliveries
      when new.channel = 'local'
      begin
        insert into incoming_documents (${inboxColumns})
        select ${inboxValues('new')} from documents d where d.id = new.document_id;
      end`.execute(db);
  }
  // Deliveries made before this migration.
  await sql`insert into incoming_documents (${inboxColumns})
    select ${inboxValues('x')} from document_deliveries x join documents d on d.id = x.document_id where x.channel = 'local'`.execute(db);

  // 全宗: one per organisation, its 全宗号 set by the clerk (default assigned at first use).
  await db.schema
    .createTable('archive_fonds')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('orgs.id'))
    .addColumn('fonds_code', 'text', (c) => c.notNull().unique())
    .addColumn('fonds_name', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by_name', 'text')
    .execute();

  // 件: one filed document with its 档号, the sealed original untouched and the stamped archival copy.
  await db.schema
    .createTable('archive_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('fonds_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('item_number', 'integer', (c) => c.notNull())
    .addColumn('archival_code', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('incoming_id', 'text', (c) => c.unique().references('incoming_documents.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('document_date', 'text')
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('secrecy', 'text', (c) => c.notNull())
    .addColumn('original_file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('archival_file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('original_sm3', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_by_name', 'text', (c) => c.notNull())
    .addColumn('filed_at', instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('archive_items_number_unique')
    .on('archive_items')
    .columns(['org_id', 'year', 'retention', 'unit_code', 'item_number'])
    .unique()
    .execute();
  await db.schema.createIndex('archive_items_sent_unique').on('archive_items').columns(['org_id', 'source', 'document_id']).unique().execute();
  await db.schema.createIndex('archive_items_org_filed_idx').on('archive_items').columns(['org_id', 'filed_at']).execute();

  await db.schema
    .createTable('archive_counters')
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('retention', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('archive_counters_pk', ['org_id', 'year', 'retention', 'unit_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('documents_in_reply_to_idx').execute();
  if (isPostgres(db)) {
    await sql`drop trigger document_deliveries_to_inbox on document_deliveries`.execute(db);
    await sql`drop function document_deliveries_to_inbox()`.execute(db);
  } else {
    await sql`drop trigger document_deliveries_to_inbox`.execute(db);
  }
  for (const table of [
    'archive_counters',
    'archive_items',
    'archive_fonds',
    'delivery_receipts',
    'incoming_reminders',
    'incoming_circulations',
    'incoming_events',
    'incoming_units',
    'incoming_number_counters',
    'incoming_documents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
