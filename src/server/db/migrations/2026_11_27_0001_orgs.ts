import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;
  await db.schema
    .createTable('orgs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'text', (c) => c.references('orgs.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_mn', 'text')
    .addColumn('name_latin', 'text')
    .addColumn('short_name', 'text')
    .addColumn('doc_prefixes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('credit_code', 'text', (c) => c.unique())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orgs_parent_idx').on('orgs').columns(['parent_id', 'sort_order']).execute();
  await db.schema.createIndex('orgs_path_idx').on('orgs').column('path').execute();
  await db.schema.createIndex('orgs_kind_idx').on('orgs').column('kind').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('orgs').execute();
}
