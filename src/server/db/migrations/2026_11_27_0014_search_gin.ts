import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * PostgreSQL: one GIN index over both search vectors instead of one each. A substring-fallback
 * query (trigrams and facets) is then a single index scan; with two indexes the planner, misjudging
 * trigram frequencies, read the facets row by row (seconds instead of milliseconds). SQLite: nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index if exists search_entries_words_idx`.execute(db);
  await sql`drop index if exists search_entries_grams_idx`.execute(db);
  await sql`create index if not exists search_entries_gin_idx on search_entries using gin (words, grams)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop index if exists search_entries_gin_idx`.execute(db);
  await sql`create index search_entries_words_idx on search_entries using gin (words)`.execute(db);
  await sql`create index search_entries_grams_idx on search_entries using gin (grams)`.execute(db);
}
