import { sql, type RawBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { MAX_FALLBACK_CANDIDATES, MIN_GRAM_TERM, titleFacet, type LeanMatch, type SearchPlan } from './search-plan.js';
import { IDS_PER_DAY, firstIdOf } from './entry-id.js';
import { maintainSlices, sliceColumn, sliceRange, searchedSlices, type Slice, type SliceOptions } from './search-postgres.slice.js';
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
const anyOf = (tokens: readonly string[]): string => `(${tokens.map(lexeme).join(' | ')})`;
const and = (...parts: (string | undefined)[]): string => parts.filter(Boolean).join(' & ');

/**
 * What a statement matches: the plan's words, the facet groups GIN intersects, and the common facets
 * (`common-facets.ts`) each row must hold, checked on the row's `facets` (entries indexed before
 * that column: on their `words`).
 */
interface Match {
  readonly plan: SearchPlan;
  readonly groups: readonly (readonly string[])[];
  readonly check: readonly string[];
}

const matchOf = (plan: SearchPlan, lean?: LeanMatch): Match =>
  lean ? { plan, groups: lean.facetGroups, check: lean.checkFacets } : { plan, groups: plan.facetGroups, check: [] };

const facetQuery = (match: Match): string | undefined =>
  match.groups.length ? match.groups.map((group) => `(${group.map(lexeme).join(' | ')})`).join(' & ') : undefined;

const rowCheck = (alias: string, match: Match): RawBuilder<unknown> =>
  match.check.length ? sql` and coalesce(${sql.ref(`${alias}.facets`)}, ${sql.ref(`${alias}.words`)}) @@ ${allOf(match.check)}::tsquery` : sql``;

/** The tsquery on `words` for a set of word matches. */
function wordsQuery(match: Match, set: MatchSet): string {
  const { words } = match.plan;
  const titled = words.map(titleFacet);
  const anywhere = and(allOf(words), facetQuery(match));
  switch (set) {
    case 'words':
      return anywhere;
    case 'title':
      return and(allOf(titled), facetQuery(match));
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

/** A row's `words` or `grams` as the slice's index has it (`sliceColumn`), or plain for the whole table. */
const column = (alias: string, name: 'words' | 'grams', slice?: Slice): RawBuilder<unknown> =>
  slice ? sliceColumn(alias, name, slice.weight) : sql.ref(`${alias}.${name}`);

/**
 * `from … where …` selecting a set's entries as `e`; with a slice, only those of the slice (ids from
 * its first on, `search-postgres.slice.ts`), matched on its index's expression and range, its first
 * id as a literal, so that the planner takes the slice's index and no other.
 */
function matching(match: Match, set: MatchSet, slice?: Slice): RawBuilder<unknown> {
  return sql`from search_entries e where ${column('e', 'words', slice)} @@ ${wordsQuery(match, set)}::tsquery${inSlice('e', slice)}${rowCheck('e', match)}`;
}

const inSlice = (alias: string, slice?: Slice): RawBuilder<unknown> => (slice ? sql` and ${sliceRange(alias, slice.start)}` : sql``);

const inText = (term: string): RawBuilder<unknown> =>
  sql`e.title ilike ${`%${term}%`} or e.body ilike ${`%${term}%`} or e.extra ilike ${`%${term}%`}`;

/**
 * The fallback's candidates: the newest `MAX_FALLBACK_CANDIDATES` visible entries holding every
 * trigram (GIN alone, no row read), each with whether every term is a substring — found in the
 * text as stored, or else (text normalised differently) as adjacent trigrams, the phrase query that
 * reads the row's larger trigram vector — and it holds the short terms.
 */
function fallbackCandidates(match: Match, limit: number, slice?: Slice): RawBuilder<{ id: string; ok: boolean }> {
  const { plan } = match;
  const facets = facetQuery(match);
  const checks = [
    ...plan.gramTerms.map((term) => sql`(${inText(term)} or e.grams @@ ${gramPhrase(term)}::tsquery)`),
    ...plan.gramShortTerms.map((term) => sql`(${inText(term)})`),
  ];
  return sql`select e.id, (${sql.join(checks, sql` and `)}) as ok
    from (select id from search_entries c where ${column('c', 'grams', slice)} @@ ${gramsAnywhere(plan)}::tsquery
        ${facets ? sql`and ${column('c', 'words', slice)} @@ ${facets}::tsquery` : sql``}${inSlice('c', slice)}${rowCheck('c', match)}
      order by id desc limit ${limit}) c
    join search_entries e on e.id = c.id`;
}

/** The slices, looked up once per search (the search's reads share a transaction). */
const slices = new WeakMap<object, Promise<Slice[]>>();
function slicesOf(db: DbOrTrx): Promise<Slice[]> {
  let found = slices.get(db);
  if (!found) slices.set(db, (found = searchedSlices(db)));
  return found;
}

/**
 * What a statement asks of a slice: `wanted` matches, of which an answer holds `found(answer)`
 * (undefined: it does not tell how many the slice holds).
 */
interface Wanted<T> {
  readonly wanted: number;
  readonly found: (answer: T) => number | undefined;
  /** The substring fallback: only slices that index the trigrams. */
  readonly grams?: boolean;
}

/**
 * Runs `attempt` on the slices, smallest first, and keeps the first answer that holds what was
 * wanted (those are then the newest overall, ids following dates); else on the whole table.
 * A larger slice costs about its share of the whole table's statement, so after the first it is
 * tried only when the matches found so far, scaled to its size, promise enough: a search whose
 * matches are few (fewer than 1,001 in all, or none among the newest) goes straight to the table.
 */
async function slicedFirst<T>(db: DbOrTrx, attempt: (slice?: Slice) => Promise<T>, { wanted, found, grams }: Wanted<T>): Promise<T> {
  let seen: { found: number; entries: number } | undefined;
  for (const slice of await slicesOf(db)) {
    if (grams && !slice.grams) continue;
    if (seen && seen.entries > 0 && slice.entries > 0 && (seen.found / seen.entries) * slice.entries < wanted) continue;
    const answer = await attempt(slice);
    const n = found(answer);
    if (n !== undefined && n >= wanted) return answer;
    seen = n === undefined ? undefined : { found: n, entries: slice.entries };
  }
  return attempt();
}

async function pageRows(db: DbOrTrx, match: Match, set: MatchSet, limit: number, offset: number, slice?: Slice): Promise<HitRow[]> {
  const result = await sql<HitRow>`with top as (select e.id ${matching(match, set, slice)} order by e.id desc limit ${limit} offset ${offset})
    select e.id, e.scope, e.key, e.title, e.body, e.extra, e.fields, e.date
    from top join search_entries e on e.id = top.id
    order by top.id desc`.execute(db);
  return result.rows.map((row) => ({ ...row, id: Number(row.id) }));
}

export interface PostgresSearchOptions {
  /** The substring fallback's candidates (`MAX_FALLBACK_CANDIDATES`; smaller in tests). */
  readonly candidates?: number;
  /** When `optimize()` builds the newest entries' indexes (`search-postgres.slice.ts`). */
  readonly slices?: SliceOptions;
}

/** The PostgreSQL repository. */
export function postgresSearchRepository(options: PostgresSearchOptions = {}): SearchRepository {
  const candidates = options.candidates ?? MAX_FALLBACK_CANDIDATES;
  return {
    async upsert(db, entry: IndexedEntry) {
      const words = wordsVector(
        [...entry.facets, ...entry.titleWords.map(titleFacet)],
        [...entry.titleWords, ...entry.bodyWords, ...entry.extraWords],
      );
      // One statement, safe against a concurrent index of the same key: a re-indexed entry takes a
      // new id in its (possibly new) day's block.
      const first = firstIdOf(entry.date);
      await sql`insert into search_entries (id, scope, key, title, body, extra, fields, date, updated_at, words, grams, facets)
        values (${first} + nextval('search_entries_seq') % ${IDS_PER_DAY}, ${entry.scope}, ${entry.key}, ${entry.title}, ${entry.body},
          ${entry.extra}, ${entry.fields}, ${entry.date}, ${entry.updatedAt}, ${words}::tsvector, ${gramsVector(entry.gramText)}::tsvector,
          ${wordsVector(entry.facets, [])}::tsvector)
        on conflict (scope, key) do update set id = excluded.id, title = excluded.title, body = excluded.body,
          extra = excluded.extra, fields = excluded.fields, date = excluded.date, updated_at = excluded.updated_at,
          words = excluded.words, grams = excluded.grams, facets = excluded.facets`.execute(db);
    },

    async remove(db, scope, key) {
      const result = await sql`delete from search_entries where scope = ${scope} and key = ${key}`.execute(db);
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    async removeScope(db, scope) {
      const result = await sql`delete from search_entries where scope = ${scope}`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },

    async matchIds(db, plan, limit, lean) {
      const match = matchOf(plan, lean);
      // `limit` matches among the newest entries are as good as any (the caller only needs to know there are that many).
      return slicedFirst(
        db,
        async (slice) => (await sql<{ id: string }>`select e.id ${matching(match, 'words', slice)} limit ${limit}`.execute(db)).rows.map((row) => Number(row.id)),
        { wanted: limit, found: (ids) => ids.length },
      );
    },

    async fallbackIds(db, plan, lean) {
      const match = matchOf(plan, lean);
      // A common substring (扎赉特 in a third of a million articles) would have every holder's row
      // read to find the newest 1,000: first the slice.
      const found = await slicedFirst(db, async (slice) => ({ rows: (await fallbackCandidates(match, candidates, slice).execute(db)).rows, slice }), {
        wanted: candidates,
        found: (answer) => answer.rows.length,
        grams: true,
      });
      return { ids: found.rows.filter((row) => row.ok).map((row) => Number(row.id)), exhaustive: found.slice === undefined && found.rows.length < candidates };
    },

    /**
     * Which facets are common (`common-facets.ts`) is a choice of strategy, never of answer, so
     * PostgreSQL's own statistics serve: ANALYZE (autovacuum's, or after a bulk import) samples the
     * table and keeps the most common lexemes of `words` with their shares. Counting `public` over
     * 1,000,000 entries would read every row.
     */
    async countEntries(db) {
      const result = await sql<{ n: number }>`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'search_entries'::regclass`.execute(db);
      return Math.round(Number(result.rows[0]?.n ?? 0));
    },

    async countFacet(db, facet, cap) {
      const result = await sql<{ n: number | null }>`select (s.most_common_elem_freqs[array_position(s.most_common_elems::text::text[], ${facet})]
          * (select greatest(reltuples, 0) from pg_class where oid = 'search_entries'::regclass))::float8 as n
        from pg_stats s where s.schemaname = current_schema() and s.tablename = 'search_entries' and s.attname = 'words'`.execute(db);
      return Math.min(cap, Math.round(Number(result.rows[0]?.n ?? 0)));
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

    async count(db, plan, set, cap, lean) {
      const match = matchOf(plan, lean);
      return slicedFirst(
        db,
        async (slice) => Number((await sql<{ n: number }>`select count(*)::int as n from (select 1 ${matching(match, set, slice)} limit ${cap}) t`.execute(db)).rows[0]?.n ?? 0),
        { wanted: cap, found: (n) => n },
      );
    },

    async page(db, plan, set, limit, offset, lean) {
      const match = matchOf(plan, lean);
      // A page short of its limit tells how many the slice holds; an empty one beyond the first
      // only that it holds no more than the offset (the next slice is tried).
      return slicedFirst(db, (slice) => pageRows(db, match, set, limit, offset, slice), {
        wanted: offset + limit,
        found: (rows) => (rows.length || offset === 0 ? offset + rows.length : undefined),
      });
    },

    /**
     * The planner takes GIN matching for nearly free and, with a LIMIT, prefers walking the table or
     * the primary key while testing each row's (TOASTed) vector — seconds when matches are rare.
     * Searches therefore run with bitmap scans only (index-only scans stay allowed).
     */
    async optimize(db) {
      // Moves GIN's pending entries into the index proper (autovacuum does it too, eventually).
      await sql`select gin_clean_pending_list('search_entries_gin_idx'::regclass)`.execute(db);
      await maintainSlices(db, options.slices);
      // Fresh statistics: which facets are common (`countFacet`) after a bulk import.
      await sql`analyze search_entries`.execute(db);
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
