import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { MAX_FALLBACK_CANDIDATES, MIN_GRAM_TERM, titleFacet, type SearchPlan } from './search-plan.js';
import { dateRangeFacets } from './date-facets.js';
import { IDS_PER_DAY, dateOfId, firstIdOf } from './entry-id.js';
import type { HitRow, IndexedEntry, MatchSet, SearchRepository } from './search.repository.js';

/**
 * PostgreSQL: tsvector and tsquery values written by the application as literals and bound as
 * parameters (`$1::tsquery`); every lexeme is single-quoted with quotes and backslashes escaped, so
 * no user text is ever read as tsquery syntax.
 */
const lexeme = (token: string): string => `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** PostgreSQL keeps positions up to 16383 and 256 of them per lexeme. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;
/** Below PostgreSQL's 1 MB for a tsvector, counted on the literal (larger than the stored form). */
const MAX_VECTOR_BYTES = 900_000;

/**
 * The word lexemes, without positions: only matching uses them (no ranking), so the vector stays
 * small and GIN answers without rechecking rows. The leading lexemes (facets, title markers) are
 * always kept; a huge text keeps the words that fit, in reading order.
 */
export function wordsVector(leading: readonly string[], words: readonly string[]): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  let bytes = 0;
  for (const word of [...leading, ...words]) {
    if (seen.has(word)) continue;
    seen.add(word);
    const part = lexeme(word);
    bytes += Buffer.byteLength(part) + 1;
    if (bytes > MAX_VECTOR_BYTES && seen.size > leading.length) break;
    parts.push(part);
  }
  return parts.join(' ');
}

const wordChar = /^[\p{L}\p{N}\p{M}]$/u;

/** The trigrams of `text` at their positions; trigrams with a space or punctuation are never queried. */
export function gramsVector(text: string): string {
  const chars = [...text].slice(0, MAX_POSITION);
  const isWord = chars.map((c) => wordChar.test(c));
  const positions = new Map<string, number[]>();
  for (let i = 0; i + MIN_GRAM_TERM <= chars.length; i += 1) {
    if (!isWord[i] || !isWord[i + 1] || !isWord[i + 2]) continue;
    const gram = chars[i]! + chars[i + 1]! + chars[i + 2]!;
    const list = positions.get(gram);
    if (!list) positions.set(gram, [i + 1]);
    else if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(i + 1);
  }
  return [...positions].map(([gram, list]) => `${lexeme(gram)}:${list.join(',')}`).join(' ');
}

/** A term as adjacent trigrams: `'乌兰浩' <-> '兰浩特'`. */
function gramPhrase(term: string): string {
  const chars = [...term];
  const grams: string[] = [];
  for (let i = 0; i + MIN_GRAM_TERM <= chars.length; i += 1) grams.push(lexeme(chars.slice(i, i + MIN_GRAM_TERM).join('')));
  return `(${grams.join(' <-> ')})`;
}

const allOf = (tokens: readonly string[]): string => `(${tokens.map(lexeme).join(' & ')})`;


function facetQuery(plan: SearchPlan): string {
  return plan.facetGroups.map((group) => `(${group.map(lexeme).join(' | ')})`).join(' & ');
}

const anyOf = (tokens: readonly string[]): string => `(${tokens.map(lexeme).join(' | ')})`;

/** The tsquery on `words` for a set of word matches. */
function wordsQuery(plan: SearchPlan, set: MatchSet): string {
  const titled = plan.words.map(titleFacet);
  const anywhere = `${allOf(plan.words)} & ${facetQuery(plan)}`;
  switch (set) {
    case 'words':
      return anywhere;
    case 'title':
      return `${allOf(titled)} & ${facetQuery(plan)}`;
    case 'someTitle':
      return `${anywhere} & ${anyOf(titled)} & !${allOf(titled)}`;
    case 'untitled':
      return `${anywhere} & !${anyOf(titled)}`;
  }
}

/** The trigrams of the fallback's terms, without positions: a GIN lookup that needs no recheck. */
function gramsAnywhere(plan: SearchPlan): string {
  const grams = plan.gramTerms.flatMap((term) => {
    const chars = [...term];
    return chars.slice(0, chars.length - MIN_GRAM_TERM + 1).map((_, i) => chars.slice(i, i + MIN_GRAM_TERM).join(''));
  });
  return allOf([...new Set(grams)]);
}

/**
 * `from … where …` selecting a set's entries as `e`; with `recent`, only those dated within it (a
 * window's date facets, `windowFacets`).
 */
function matching(plan: SearchPlan, set: MatchSet, recent?: readonly string[]): RawBuilder<unknown> {
  return sql`from search_entries e where e.words @@ ${within(wordsQuery(plan, set), recent)}::tsquery`;
}

const within = (query: string, recent?: readonly string[]): string => (recent ? `${query} & ${anyOf(recent)}` : query);

const inText = (term: string): RawBuilder<unknown> =>
  sql`e.title ilike ${`%${term}%`} or e.body ilike ${`%${term}%`} or e.extra ilike ${`%${term}%`}`;

/**
 * The fallback's candidates: the newest `MAX_FALLBACK_CANDIDATES` visible entries holding every
 * trigram (GIN alone, no row read), each with whether every term is a substring — found in the
 * text as stored, or else (text normalised differently) as adjacent trigrams, the phrase query that
 * reads the row's larger trigram vector — and it holds the short terms.
 */
function fallbackCandidates(plan: SearchPlan, limit: number, recent?: readonly string[]): RawBuilder<{ id: string; ok: boolean }> {
  const checks = [
    ...plan.gramTerms.map((term) => sql`(${inText(term)} or e.grams @@ ${gramPhrase(term)}::tsquery)`),
    ...plan.gramShortTerms.map((term) => sql`(${inText(term)})`),
  ];
  return sql`select e.id, (${sql.join(checks, sql` and `)}) as ok
    from (select id from search_entries c where c.grams @@ ${gramsAnywhere(plan)}::tsquery and c.words @@ ${within(facetQuery(plan), recent)}::tsquery
      order by id desc limit ${limit}) c
    join search_entries e on e.id = c.id`;
}

/**
 * The newest entries are looked in first. GIN yields matches unordered, so a page or a count costs a
 * visit to every match of its words, a million for a common word; within the newest 20,000 entries
 * that is bounded, and when they hold enough matches, those are the answer.
 */
const WINDOW = 20_000;
/** How long a window's start is reused: a stale start only widens the window, never changes a result. */
const WINDOW_TTL_MS = 10 * 60_000;

/**
 * The window of the newest `size` entries (at least) as the date facets of the days from its oldest
 * entry's date on; undefined when there are fewer entries or the oldest is undated. Entry ids follow
 * the dates, so every entry outside is older than every entry inside: `limit` newest matches inside
 * are the newest overall. GIN intersects the facets' short lists with a word's long one by skipping
 * ahead in it, which reads little of it when the table is in date order, as a site's is when it
 * publishes day by day. Kept for `WINDOW_TTL_MS`.
 */
function windowFacets(size: number): (db: DbOrTrx) => Promise<readonly string[] | undefined> {
  let cached: { readonly at: number; readonly facets: Promise<readonly string[] | undefined> } | undefined;
  return (db) => {
    if (cached && performance.now() - cached.at < WINDOW_TTL_MS) return cached.facets;
    const facets = (async () => {
      // A walk down the primary key (index only), which `read` otherwise turns off.
      await sql`set local enable_indexscan = on`.execute(db);
      const result = await sql<{ id: string }>`select id from search_entries order by id desc offset ${size - 1} limit 1`.execute(db);
      await sql`set local enable_indexscan = off`.execute(db);
      const date = result.rows[0] ? dateOfId(Number(result.rows[0].id)) : null;
      return date ? dateRangeFacets(date, undefined) : undefined;
    })();
    facets.catch(() => (cached = undefined));
    cached = { at: performance.now(), facets };
    return facets;
  };
}

async function pageRows(db: DbOrTrx, plan: SearchPlan, set: MatchSet, limit: number, offset: number, recent?: readonly string[]): Promise<HitRow[]> {
  const result = await sql<HitRow>`with top as (select e.id ${matching(plan, set, recent)} order by e.id desc limit ${limit} offset ${offset})
    select e.id, e.scope, e.key, e.title, e.body, e.extra, e.fields, e.date
    from top join search_entries e on e.id = top.id
    order by top.id desc`.execute(db);
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The PostgreSQL repository; `window` (rows) and `candidates` (the fallback's) are there for tests. */
export function postgresSearchRepository(window = WINDOW, candidates = MAX_FALLBACK_CANDIDATES): SearchRepository {
  const windowOf = windowFacets(window);
  /**
   * The window's date facets when it can hold `needed` entries. (One size only: at 1,000,000
   * articles a window of 200,000 cost as much as the whole table.)
   */
  const recentFor = (db: DbOrTrx, needed: number) => (needed <= window ? windowOf(db) : Promise.resolve(undefined));
  return {
    async upsert(db, entry: IndexedEntry) {
      const words = wordsVector(
        [...entry.facets, ...entry.titleWords.map(titleFacet)],
        [...entry.titleWords, ...entry.bodyWords, ...entry.extraWords],
      );
      // One statement, safe against a concurrent index of the same key: a re-indexed entry takes a
      // new id in its (possibly new) day's block.
      const first = firstIdOf(entry.date);
      await sql`insert into search_entries (id, scope, key, title, body, extra, fields, date, updated_at, words, grams)
        values (${first} + nextval('search_entries_seq') % ${IDS_PER_DAY}, ${entry.scope}, ${entry.key}, ${entry.title}, ${entry.body},
          ${entry.extra}, ${entry.fields}, ${entry.date}, ${entry.updatedAt}, ${words}::tsvector, ${gramsVector(entry.gramText)}::tsvector)
        on conflict (scope, key) do update set id = excluded.id, title = excluded.title, body = excluded.body,
          extra = excluded.extra, fields = excluded.fields, date = excluded.date, updated_at = excluded.updated_at,
          words = excluded.words, grams = excluded.grams`.execute(db);
    },

    async remove(db, scope, key) {
      const result = await sql`delete from search_entries where scope = ${scope} and key = ${key}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    async removeScope(db, scope) {
      const result = await sql`delete from search_entries where scope = ${scope}`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },

    async matchIds(db, plan, limit) {
      const ids = async (recent?: readonly string[]) =>
        (await sql<{ id: string }>`select e.id ${matching(plan, 'words', recent)} limit ${limit}`.execute(db)).rows.map((row) => Number(row.id));
      // `limit` matches among the newest entries are as good as any (the caller only needs to know there are that many).
      const recent = await recentFor(db, limit);
      if (recent) {
        const found = await ids(recent);
        if (found.length === limit) return found;
      }
      return ids();
    },

    async fallbackIds(db, plan) {
      // A common substring (扎赉特 in a third of a million articles) would have every holder's row
      // read to find the newest 1,000: first the window. When it holds the candidates, they are the
      // newest overall.
      const recent = await recentFor(db, candidates);
      if (recent) {
        const found = await fallbackCandidates(plan, candidates, recent).execute(db);
        if (found.rows.length === candidates) return { ids: found.rows.filter((row) => row.ok).map((row) => Number(row.id)), exhaustive: false };
      }
      const result = await fallbackCandidates(plan, candidates).execute(db);
      return { ids: result.rows.filter((row) => row.ok).map((row) => Number(row.id)), exhaustive: result.rows.length < candidates };
    },

    async titles(db, ids) {
      if (!ids.length) return [];
      const result = await sql<{ id: string; title: string }>`select id, title from search_entries where id = any(${ids}::bigint[])`.execute(db);
      return result.rows.map((row) => ({ id: Number(row.id), title: row.title }));
    },

    async rows(db, ids) {
      if (!ids.length) return [];
      const result = await sql<HitRow>`select id, scope, key, title, body, extra, fields, date from search_entries
        where id = any(${ids}::bigint[])`.execute(db);
      return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
    },

    async count(db, plan, set, cap) {
      const counted = async (recent?: readonly string[]) =>
        Number((await sql<{ n: number }>`select count(*)::int as n from (select 1 ${matching(plan, set, recent)} limit ${cap}) t`.execute(db)).rows[0]?.n ?? 0);
      const recent = await recentFor(db, cap);
      if (recent && (await counted(recent)) === cap) return cap;
      return counted();
    },

    async page(db, plan, set, limit, offset) {
      const recent = await recentFor(db, offset + limit);
      if (recent) {
        const rows = await pageRows(db, plan, set, limit, offset, recent);
        if (rows.length === limit) return rows;
      }
      return pageRows(db, plan, set, limit, offset);
    },

    /**
     * The planner takes GIN matching for nearly free and, with a LIMIT, prefers walking the table or
     * the primary key while testing each row's (TOASTed) vector — seconds when matches are rare.
     * Searches therefore run with bitmap scans only (index-only scans stay allowed).
     */
    async optimize(db) {
      // Moves GIN's pending entries into the index proper (autovacuum does it too, eventually).
      await sql`select gin_clean_pending_list('search_entries_gin_idx'::regclass)`.execute(db);
    },

    async read(db, work) {
      const run = async (trx: DbOrTrx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_indexscan = off`.execute(trx);
        return work(trx);
      };
      if (!db.isTransaction) return db.transaction().execute(run);
      try {
        return await run(db);
      } finally {
        await sql`set local enable_seqscan to default`.execute(db);
        await sql`set local enable_indexscan to default`.execute(db);
      }
    },
  };
}
