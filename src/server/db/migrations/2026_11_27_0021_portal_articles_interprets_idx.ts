import type { Kysely } from 'kysely';

// Frozen: this migration imports no application code.

/**
 * An article page asks whether published 解读 point at the article (`interprets_id`), beside its
 * language versions (`translation_of`, indexed since 0015). Without an index that question read
 * every article row, bodies included: at 6,000 articles it was half of an uncached page's CPU time
 * (`npm run bench -- portal-article` → `uncachedRequests`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('portal_articles_interprets_idx').on('portal_articles').column('interprets_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('portal_articles_interprets_idx').execute();
}
