import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { IDS_PER_DAY, firstIdOf } from './entry-id.js';
import { MAX_FALLBACK_CANDIDATES, titleFacet, type LeanMatch, type SearchPlan } from './search-plan.js';
import type { HitRow, MatchSet, SearchRepository } from './search.repository.js';

/**
 * SQLite: FTS5. Every token goes into the MATCH expression as a double-quoted string (quotes
 * doubled), so no user text is ever read as FTS5 syntax.
 */
const quote = (token: string): string => `"${token.replaceAll('"', '""')}"`;
const all = (tokens: readonly string[]): string => `(${tokens.map(quote).join(' AND ')})`;
const any = (tokens: readonly string[]): string => `(${tokens.map(quote).join(' OR ')})`;

function facetMatch(plan: Pick<SearchPlan, 'facetGroups'>): string {
  return plan.facetGroups.map((group) => `{facets} : ${any(group)}`).join(' AND ');
}

/** Every word of the plan, in title, body or attachments' text. */
const inText = (plan: SearchPlan): string => `{title body extra} : ${all(plan.words)}`;

/** The MATCH expression of a lean match: the words and the facet groups left in the index. */
function leanMatch(plan: SearchPlan, lean: LeanMatch): string {
  return lean.facetGroups.length ? `${inText(plan)} AND ${facetMatch(lean)}` : inText(plan);
}

/** A facet on an entry's row: facets are stored space-delimited with a space at each end. */
const holdsFacet = (facet: string) => sql`instr(m.facets, ${` ${facet} `}) > 0`;

/** The MATCH expression on `search_words` for a set; the title tiers use the title facets. */
function wordsMatch(plan: SearchPlan, set: MatchSet): string {
  const titled = plan.words.map(titleFacet);
  const anywhere = `${inText(plan)} AND ${facetMatch(plan)}`;
  switch (set) {
    case 'words':
      return anywhere;
    case 'title':
      return `{facets} : ${all(titled)} AND ${facetMatch(plan)}`;
    case 'someTitle':
      return `(${anywhere} AND {facets} : ${any(titled)}) NOT {facets} : ${all(titled)}`;
    case 'untitled':
      return `(${anywhere}) NOT {facets} : ${any(titled)}`;
  }
}

/**
 * The fallback's candidates: the newest `MAX_FALLBACK_CANDIDATES` entries containing every
 * substring (trigram index), each with whether it passes the facets (checked on the entry's
 * `search_entry_meta` row) and holds the short terms (LIKE: case-insensitive for ASCII). A second FTS5
 * lookup per candidate would cost a hundred times more.
 */
function fallbackCandidates(plan: SearchPlan): RawBuilder<{ id: number; ok: number }> {
  const facets = plan.facetGroups.map((group) => sql`(${sql.join(group.map(holdsFacet), sql` or `)})`);
  const shortTerms = plan.gramShortTerms.map((term) => sql`(e.title like ${`%${term}%`} or e.body like ${`%${term}%`} or e.extra like ${`%${term}%`})`);
  return sql`select e.id, (${sql.join([...facets, ...shortTerms], sql` and `)}) as ok
    from (select rowid as id from search_grams where search_grams match ${all(plan.gramTerms)} order by rowid desc limit ${MAX_FALLBACK_CANDIDATES}) g
    join search_entries e on e.id = g.id
    join search_entry_meta m on m.id = g.id`;
}

const idList = (ids: readonly number[]): RawBuilder<unknown> => sql.join(ids.map((id) => sql`${id}`));

export const sqliteSearchRepository: SearchRepository = {
  async upsert(db, entry) {
    await removeEntry(db, entry.scope, entry.key);
    // The newest id of the entry's day, plus one (SQLite has one writer at a time).
    const first = firstIdOf(entry.date);
    const last = await sql<{ id: number | null }>`select max(id) as id from search_entries
      where id >= ${first} and id < ${first + IDS_PER_DAY}`.execute(db);
    const id = (last.rows[0]?.id ?? first - 1) + 1;
    await sql`insert into search_entries (id, scope, key, title, body, extra, fields, date, updated_at)
      values (${id}, ${entry.scope}, ${entry.key}, ${entry.title}, ${entry.body}, ${entry.extra}, ${entry.fields}, ${entry.date},
        ${entry.updatedAt})`.execute(db);
    await sql`insert into search_entry_meta (id, title, facets) values (${id}, ${entry.title}, ${` ${entry.facets.join(' ')} `})`.execute(db);
    const facets = [...entry.facets, ...new Set(entry.titleWords.map(titleFacet))].join(' ');
    await sql`insert into search_words (rowid, facets, title, body, extra)
      values (${id}, ${facets}, ${entry.titleWords.join(' ')}, ${entry.bodyWords.join(' ')}, ${entry.extraWords.join(' ')})`.execute(db);
    await sql`insert into search_grams (rowid, text) values (${id}, ${entry.gramText})`.execute(db);
  },

  remove: removeEntry,

  async removeScope(db, scope) {
    await sql`delete from search_words where rowid in (select id from search_entries where scope = ${scope})`.execute(db);
    await sql`delete from search_grams where rowid in (select id from search_entries where scope = ${scope})`.execute(db);
    await sql`delete from search_entry_meta where id in (select id from search_entries where scope = ${scope})`.execute(db);
    const deleted = await sql`delete from search_entries where scope = ${scope}`.execute(db);
    return Number(deleted.numAffectedRows ?? 0);
  },

  async matchIds(db, plan, limit, lean) {
    if (!lean) {
      const result = await sql<{ id: number }>`select rowid as id from search_words where search_words match ${wordsMatch(plan, 'words')}
        limit ${limit}`.execute(db);
      return result.rows.map((row) => row.id);
    }
    // FTS5 drives; each candidate's narrow row is looked up by id and its common facets checked.
    const result = await sql<{ id: number }>`select w.rowid as id from search_words w
      join search_entry_meta m on m.id = w.rowid
      where w.search_words match ${leanMatch(plan, lean)} and ${sql.join(lean.checkFacets.map(holdsFacet), sql` and `)}
      limit ${limit}`.execute(db);
    return result.rows.map((row) => row.id);
  },

  async countEntries(db) {
    // The narrow table: its b-tree is the smallest to count.
    const result = await sql<{ n: number }>`select count(*) as n from search_entry_meta`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },

  async countFacet(db, facet, cap) {
    const result = await sql<{ n: number }>`select count(*) as n from
      (select 1 from search_words where search_words match ${`{facets} : ${quote(facet)}`} limit ${cap})`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },

  async fallbackIds(db, plan) {
    const result = await fallbackCandidates(plan).execute(db);
    return { ids: result.rows.filter((row) => row.ok).map((row) => row.id), exhaustive: result.rows.length < MAX_FALLBACK_CANDIDATES };
  },

  async titles(db, ids) {
    if (!ids.length) return [];
    // The narrow rows: the tiers of up to 1,000 matches read no bodies.
    const result = await sql<{ id: number; title: string }>`select id, title from search_entry_meta where id in (${idList(ids)})`.execute(db);
    return result.rows;
  },

  async rows(db, ids) {
    if (!ids.length) return [];
    const result = await sql<HitRow>`select id, scope, key, title, body, extra, fields, date from search_entries
      where id in (${idList(ids)})`.execute(db);
    return result.rows;
  },

  async count(db, plan, set, cap) {
    const result = await sql<{ n: number }>`select count(*) as n from
      (select 1 from search_words where search_words match ${wordsMatch(plan, set)} limit ${cap})`.execute(db);
    return Number(result.rows[0]?.n ?? 0);
  },

  async page(db, plan, set, limit, offset) {
    // FTS5 walks its doclists by rowid and stops at the page; then the page's rows are read.
    const result = await sql<HitRow>`with top as (
        select rowid as id from search_words where search_words match ${wordsMatch(plan, set)}
        order by rowid desc limit ${limit} offset ${offset}
      )
      select e.id, e.scope, e.key, e.title, e.body, e.extra, e.fields, e.date
      from top join search_entries e on e.id = top.id
      order by top.id desc`.execute(db);
    return result.rows;
  },

  read: (db, work) => work(db),

  async optimize(db) {
    // Merges each FTS5 index into one segment: fewer doclists to seek per word, faster queries.
    await sql`insert into search_words (search_words) values ('optimize')`.execute(db);
    await sql`insert into search_grams (search_grams) values ('optimize')`.execute(db);
  },
};

async function removeEntry(db: DbOrTrx, scope: string, key: string): Promise<boolean> {
  const existing = await sql<{ id: number }>`select id from search_entries where scope = ${scope} and key = ${key}`.execute(db);
  const id = existing.rows[0]?.id;
  if (id === undefined) return false;
  await sql`delete from search_words where rowid = ${id}`.execute(db);
  await sql`delete from search_grams where rowid = ${id}`.execute(db);
  await sql`delete from search_entry_meta where id = ${id}`.execute(db);
  await sql`delete from search_entries where id = ${id}`.execute(db);
  return true;
}
