import { sql, type Kysely } from 'kysely';

// Frozen: this migration imports no application code.
const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter.constructor.name === 'PostgresAdapter';

/**
 * The platform's full-text search. `search_entries` keeps one row per indexed object (its text for
 * snippets, its fields, its date). Words arrive segmented by the application (jieba), so neither
 * engine needs a Chinese parser:
 *
 * - SQLite: contentless FTS5 tables keyed by the entry's rowid: `search_words` (facets, title, body,
 *   extra; words separated by spaces) and `search_grams` (the normalised text, trigram tokenizer)
 *   for substrings that segmentation missed.
 * - PostgreSQL: tsvector columns built by the application (`words` with weights, `grams` with
 *   trigram positions for phrase matching), each with a GIN index. Built as literals rather than by
 *   `to_tsvector`, whose parser drops Chinese under a `C` locale; no extension is needed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;

  let table = db.schema
    .createTable('search_entries')
    // Chosen by the application: the entry's day × 2^30 + a sequence, so that id order is date order
    // (both engines can walk a match set newest first and stop at the page).
    // On SQLite `integer primary key` is the rowid the FTS tables share.
    .addColumn('id', postgres ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    // A calendar date (YYYY-MM-DD), not an instant: the same text on both dialects. Returned only:
    // sorting uses the id, filters use date facets.
    .addColumn('date', 'text')
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addUniqueConstraint('search_entries_scope_key_uq', ['scope', 'key']);
  if (postgres) {
    table = table.addColumn('words', sql`tsvector`, (c) => c.notNull()).addColumn('grams', sql`tsvector`, (c) => c.notNull());
  } else {
    // The facets again, space-delimited: the trigram fallback checks them row by row, far cheaper
    // than a second FTS5 lookup per candidate.
    table = table.addColumn('facets', 'text', (c) => c.notNull());
  }
  await table.execute();

  if (postgres) {
    await sql`create sequence search_entries_seq`.execute(db);
    await sql`create index search_entries_words_idx on search_entries using gin (words)`.execute(db);
    await sql`create index search_entries_grams_idx on search_entries using gin (grams)`.execute(db);
    return;
  }
  // Facets (hex tokens with `_`) and words (runs of letters, digits and marks) each stay one token.
  await sql`create virtual table search_words using fts5(
    facets, title, body, extra,
    content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*' tokenchars '_'"
  )`.execute(db);
  await sql`create virtual table search_grams using fts5(
    text, content = '', contentless_delete = 1, tokenize = 'trigram'
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`drop table search_grams`.execute(db);
    await sql`drop table search_words`.execute(db);
  }
  await db.schema.dropTable('search_entries').execute();
  if (isPostgres(db)) await sql`drop sequence search_entries_seq`.execute(db);
}
