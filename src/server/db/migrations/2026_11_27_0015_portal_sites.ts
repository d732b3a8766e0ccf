import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/** The portal site group (集约化): sites, their host names, columns, articles and their versions. */
export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('portal_sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('parent_site_id', 'text', (c) => c.references('portal_sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_mn', 'text')
    .addColumn('path_prefix', 'text', (c) => c.notNull().unique())
    .addColumn('site_id_code', 'text')
    .addColumn('icp_number', 'text')
    .addColumn('psb_number', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_sites_org_idx').on('portal_sites').column('org_id').execute();

  await db.schema
    .createTable('portal_site_hosts')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('portal_sites.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('portal_columns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('portal_sites.id').onDelete('cascade'))
    .addColumn('parent_id', 'text', (c) => c.references('portal_columns.id'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_mn', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_columns_site_path_unique').on('portal_columns').columns(['site_id', 'path']).unique().execute();
  await db.schema.createIndex('portal_columns_parent_idx').on('portal_columns').columns(['site_id', 'parent_id', 'position']).execute();

  await db.schema
    .createTable('portal_article_serials')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('portal_sites.id').onDelete('cascade'))
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('portal_articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('portal_sites.id'))
    .addColumn('column_id', 'text', (c) => c.notNull().references('portal_columns.id'))
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('translation_of', 'text', (c) => c.references('portal_articles.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('source', 'text')
    .addColumn('author', 'text')
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('interprets_id', 'text', (c) => c.references('portal_articles.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('valid'))
    .addColumn('validity_note', 'text')
    .addColumn('validity_changed_at', instant)
    .addColumn('publish_at', instant)
    .addColumn('published_at', instant)
    .addColumn('withdrawn_at', instant)
    .addColumn('withdraw_reason', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', instant)
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', instant)
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_articles_site_serial_unique').on('portal_articles').columns(['site_id', 'serial']).unique().execute();
  // A column's list: published articles newest first.
  await db.schema.createIndex('portal_articles_column_list_idx').on('portal_articles').columns(['column_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('portal_articles_site_list_idx').on('portal_articles').columns(['site_id', 'status', 'published_at']).execute();
  // The scheduler's query: scheduled articles whose time has come.
  await db.schema.createIndex('portal_articles_due_idx').on('portal_articles').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('portal_articles_translation_idx').on('portal_articles').column('translation_of').execute();

  await db.schema
    .createTable('portal_article_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('portal_articles.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_article_versions_unique').on('portal_article_versions').columns(['article_id', 'number']).unique().execute();

  await db.schema
    .createTable('portal_article_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('portal_articles.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_article_attachments_article_idx').on('portal_article_attachments').columns(['article_id', 'position']).execute();

  // The workflow history: who submitted, approved, rejected, published, withdrew, and why.
  await db.schema
    .createTable('portal_article_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('portal_articles.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_article_events_article_idx').on('portal_article_events').columns(['article_id', 'at']).execute();

  // Old URLs keep working after a column or site moves: a permanent redirect per old path.
  await db.schema
    .createTable('portal_redirects')
    .addColumn('from_path', 'text', (c) => c.primaryKey())
    .addColumn('to_path', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'portal_redirects',
    'portal_article_events',
    'portal_article_attachments',
    'portal_article_versions',
    'portal_articles',
    'portal_article_serials',
    'portal_columns',
    'portal_site_hosts',
    'portal_sites',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
