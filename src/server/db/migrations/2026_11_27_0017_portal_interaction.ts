import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/** The portal's interaction (互动交流): mailbox messages and their history, abuse-limit hits, surveys. */
export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('portal_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('portal_sites.id'))
    .addColumn('mailbox', 'text', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('name_sealed', 'text', (c) => c.notNull())
    .addColumn('phone_sealed', 'text', (c) => c.notNull())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('email_sealed', 'text')
    .addColumn('consent', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('invalid_reason', 'text')
    .addColumn('invalid_note', 'text')
    .addColumn('unit_org_id', 'text', (c) => c.references('orgs.id'))
    .addColumn('answer', 'text')
    .addColumn('answer_drafted_by', 'text')
    .addColumn('answer_drafted_by_name', 'text')
    .addColumn('answer_org_name', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('answered_at', instant)
    .addColumn('published_at', instant)
    .addColumn('received_at', instant, (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('reminded_at', instant)
    .addColumn('overdue_at', instant)
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_messages_site_state_idx').on('portal_messages').columns(['site_id', 'state', 'received_at']).execute();
  await db.schema.createIndex('portal_messages_unit_idx').on('portal_messages').columns(['unit_org_id', 'state']).execute();
  // The public list: published answers, newest first.
  await db.schema.createIndex('portal_messages_published_idx').on('portal_messages').columns(['site_id', 'published_at']).execute();
  await db.schema.createIndex('portal_messages_phone_idx').on('portal_messages').columns(['phone_index', 'received_at']).execute();
  await db.schema.createIndex('portal_messages_due_idx').on('portal_messages').columns(['state', 'due_on']).execute();

  await db.schema
    .createTable('portal_message_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('portal_messages.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('note', 'text')
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_message_events_message_idx').on('portal_message_events').columns(['message_id', 'at']).execute();

  await db.schema
    .createTable('portal_interaction_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_interaction_hits_idx').on('portal_interaction_hits').columns(['kind', 'key', 'at']).execute();
  await db.schema.createIndex('portal_interaction_hits_at_idx').on('portal_interaction_hits').column('at').execute();

  await db.schema
    .createTable('portal_surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('portal_sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_text', 'text')
    .addColumn('document_url', 'text')
    .addColumn('opens_at', instant, (c) => c.notNull())
    .addColumn('closes_at', instant, (c) => c.notNull())
    .addColumn('live_results', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('published_at', instant)
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_surveys_site_idx').on('portal_surveys').columns(['site_id', 'state', 'opens_at']).execute();

  await db.schema
    .createTable('portal_survey_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('portal_surveys.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('max_length', 'integer')
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('portal_survey_questions_survey_idx').on('portal_survey_questions').columns(['survey_id', 'position']).execute();

  await db.schema
    .createTable('portal_survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('survey_id', 'text', (c) => c.notNull().references('portal_surveys.id').onDelete('cascade'))
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_survey_responses_survey_idx').on('portal_survey_responses').column('survey_id').execute();

  await db.schema
    .createTable('portal_survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('response_id', 'text', (c) => c.notNull().references('portal_survey_responses.id').onDelete('cascade'))
    .addColumn('survey_id', 'text', (c) => c.notNull().references('portal_surveys.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull().references('portal_survey_questions.id').onDelete('cascade'))
    .addColumn('option_index', 'integer')
    .addColumn('text', 'text')
    .addColumn('moderation', 'text')
    .execute();
  await db.schema.createIndex('portal_survey_answers_question_idx').on('portal_survey_answers').columns(['survey_id', 'question_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'portal_survey_answers',
    'portal_survey_responses',
    'portal_survey_questions',
    'portal_surveys',
    'portal_interaction_hits',
    'portal_message_events',
    'portal_messages',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
