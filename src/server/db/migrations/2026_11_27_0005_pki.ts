import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  // Root certificates of the internal CA, one per profile; private keys only as SM4 envelopes.
  await db.schema
    .createTable('ca_roots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('profile', 'text', (c) => c.notNull().unique())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('private_key_envelope', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('serial', 'text', (c) => c.primaryKey())
    .addColumn('root_id', 'text', (c) => c.notNull().references('ca_roots.id'))
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('common_name', 'text', (c) => c.notNull())
    .addColumn('organization', 'text')
    .addColumn('organizational_unit', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('org_id', 'text')
    .addColumn('username', 'text')
    .addColumn('not_before', instant, (c) => c.notNull())
    .addColumn('not_after', instant, (c) => c.notNull())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('valid'))
    .addColumn('revoked_at', instant)
    .addColumn('revocation_reason', 'text')
    .addColumn('sealed_private_key', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('certificates_root_status_idx').on('certificates').columns(['root_id', 'status']).execute();
  await db.schema.createIndex('certificates_org_idx').on('certificates').column('org_id').execute();

  // Every CRL the CA has signed, numbered per root (RFC 5280 §5.2.3: numbers only increase).
  await db.schema
    .createTable('crl_numbers')
    .addColumn('root_id', 'text', (c) => c.notNull().references('ca_roots.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('this_update', instant, (c) => c.notNull())
    .addColumn('next_update', instant, (c) => c.notNull())
    .addColumn('crl_der', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crl_numbers_pk', ['root_id', 'number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('crl_numbers').execute();
  await db.schema.dropTable('certificates').execute();
  await db.schema.dropTable('ca_roots').execute();
}
