import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * PostgreSQL: each entry's facets (visibility, field values, dates) again in a small tsvector column,
 * `facets`, stored in the row. A facet nearly every entry holds (the portal's `public` tag) is then
 * checked on the rows GIN's matches are read from anyway, instead of being intersected in the index:
 * a whole-table count to 1,001 at 1,000,000 articles took a third less (`common-facets.ts`).
 * Added empty, without rewriting the table: entries indexed before are checked on their `words`
 * (slower, same answer) until they are indexed again. SQLite: nothing (`search_entry_meta`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table search_entries add column facets tsvector`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`alter table search_entries drop column facets`.execute(db);
}
