import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

export async function up(db: Kysely<any>): Promise<void> {
  const instant = isPostgres(db) ? sql`timestamptz` : sql`text`;

  // Flags a production start sets on the seeded administrators (and an admin on a new account).
  await db.schema.alterTable('users').addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('must_enrol_second_factor', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', instant).execute();
  await db.updateTable('users').set({ password_changed_at: sql.ref('created_at') }).execute();

  // The one row of the security policy the 安全管理员 sets; absent until first saved (defaults apply).
  await db.schema
    .createTable('security_policy')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // Failed sign-ins by key: `user:<id>` for accounts, `ip:<address>` for unknown user names.
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', instant, (c) => c.notNull())
    .addColumn('locked_until', instant)
    .execute();

  // Half-finished sign-ins (second factor, password change, enrolment); single-use, short-lived.
  await db.schema
    .createTable('sign_in_challenges')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_challenges_user_idx').on('sign_in_challenges').column('user_id').execute();

  // TOTP second factor: secrets SM4-encrypted with the platform data key; last used time step.
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text')
    .addColumn('pending_secret', 'text')
    .addColumn('confirmed_at', instant)
    .addColumn('last_step', 'integer')
    .addColumn('updated_at', instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_totp').execute();
  await db.schema.dropTable('sign_in_challenges').execute();
  await db.schema.dropTable('sign_in_failures').execute();
  await db.schema.dropTable('security_policy').execute();
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
  await db.schema.alterTable('users').dropColumn('must_enrol_second_factor').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
