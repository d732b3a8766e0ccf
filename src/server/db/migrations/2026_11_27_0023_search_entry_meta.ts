import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * SQLite: what a search reads of many entries moves to a narrow table, `search_entry_meta` (id,
 * title, facets); the facets leave `search_entries`. Found at 1,000,000 articles (`npm run bench --
 * portal-search`):
 * - a facet held by most entries (the portal's `public` tag, its main site) is checked on the
 *   candidates' rows instead of walked in FTS5 (`common-facets.ts`);
 * - the relevance tiers of up to 1,000 matches are read from their titles.
 * In `search_entries` each row carries its body (one page or more a row), so those reads cost
 * 15–30 µs a row, against about 2 µs in the narrow table. The substring fallback reads the facets
 * there too. PostgreSQL: nothing.
 *
 * At 1,000,000 entries this copies titles and facets and rewrites `search_entries` once (minutes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create table search_entry_meta (id integer primary key, title text not null, facets text not null)`.execute(db);
  await sql`insert into search_entry_meta (id, title, facets) select id, title, facets from search_entries`.execute(db);
  await sql`alter table search_entries drop column facets`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`alter table search_entries add column facets text not null default ''`.execute(db);
  await sql`update search_entries set facets = m.facets from search_entry_meta m where m.id = search_entries.id`.execute(db);
  await sql`drop table search_entry_meta`.execute(db);
}
