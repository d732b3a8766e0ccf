import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * SQLite: an entry's facets move from `search_entries` to a narrow table of their own,
 * `search_entry_facets` (id, facets). A search checks a facet held by most entries (the portal's
 * `public` tag, a large site) on the candidates' rows instead of walking its doclist in FTS5
 * (found at 1,000,000 articles: `npm run bench -- portal-search`). In `search_entries` the facets
 * came after the body, so each check read the body's overflow pages: about 30 µs a row against 2 µs
 * in the narrow table. The substring fallback reads them there too. PostgreSQL: nothing.
 *
 * At 1,000,000 entries this copies the facets and rewrites `search_entries` once (a few minutes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create table search_entry_facets (id integer primary key, facets text not null)`.execute(db);
  await sql`insert into search_entry_facets (id, facets) select id, facets from search_entries`.execute(db);
  await sql`alter table search_entries drop column facets`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`alter table search_entries add column facets text not null default ''`.execute(db);
  await sql`update search_entries set facets = f.facets from search_entry_facets f where f.id = search_entries.id`.execute(db);
  await sql`drop table search_entry_facets`.execute(db);
}
