import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  // The SM2 certificate second factor: one personal certificate of the platform's CA per account,
  // bound after the user proved possession of its key. A certificate binds to one account only.
  await db.schema
    .createTable('user_certificate_factors')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('serial', 'text', (c) => c.notNull().unique())
    .addColumn('certificate_pem', 'text', (c) => c.notNull())
    .addColumn('common_name', 'text', (c) => c.notNull())
    .addColumn('not_before', instant, (c) => c.notNull())
    .addColumn('not_after', instant, (c) => c.notNull())
    .addColumn('enrolled_at', instant, (c) => c.notNull())
    .addColumn('last_used_at', instant)
    .execute();

  // Nonces handed out for binding a certificate on the account page; each is used once.
  await db.schema
    .createTable('certificate_factor_nonces')
    .addColumn('nonce', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificate_factor_nonces_user_idx').on('certificate_factor_nonces').column('user_id').execute();

  // The nonce a sign-in challenge asks the certificate holder to sign; it lives and dies with the challenge.
  await db.schema.alterTable('sign_in_challenges').addColumn('nonce', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sign_in_challenges').dropColumn('nonce').execute();
  await db.schema.dropTable('certificate_factor_nonces').execute();
  await db.schema.dropTable('user_certificate_factors').execute();
}
