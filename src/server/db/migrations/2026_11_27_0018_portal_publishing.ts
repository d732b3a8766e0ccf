import type { Kysely } from 'kysely';

// Frozen: this migration imports no application code.

/**
 * Publishing: the business date from which a policy is expired or abolished (shown on the original
 * with its note), kept apart from `validity_changed_at`, the instant the mark was made.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_articles').addColumn('validity_on', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_articles').dropColumn('validity_on').execute();
}
