import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  // The electronic seal registry (GB/T 38540): one seal per seal certificate, made and signed by the
  // seal maker, kept as its SES_Seal DER so every document sealed with it carries the same seal.
  await db.schema
    .createTable('seals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate_serial', 'text', (c) => c.notNull().unique())
    .addColumn('maker_serial', 'text', (c) => c.notNull())
    .addColumn('picture_type', 'text', (c) => c.notNull())
    .addColumn('picture', 'text', (c) => c.notNull())
    .addColumn('width_mm', 'integer', (c) => c.notNull())
    .addColumn('height_mm', 'integer', (c) => c.notNull())
    .addColumn('valid_from', instant, (c) => c.notNull())
    .addColumn('valid_to', instant, (c) => c.notNull())
    .addColumn('seal_der', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seals_org_idx').on('seals').columns(['org_id', 'valid_to']).execute();

  // The seal maker's certificates (制章人), per organisation at the top of a tree; their keys stay
  // with the CA. Listed here so they are never taken for an organisation's own seal certificate.
  await db.schema
    .createTable('seal_makers')
    .addColumn('certificate_serial', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('seal_makers_org_idx').on('seal_makers').columns(['org_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('seal_makers').execute();
  await db.schema.dropTable('seals').execute();
}
