import type { Db, DbOrTrx, Dialect } from '../../db/database.js';
import { systemClock, type Clock } from '../clock.js';
import { COMMON_FACET_ENTRIES, commonFacets } from './common-facets.js';
import { highlight } from './highlight.js';
import { normalizeText } from './normalize.js';
import { entryFacets, planSearch, type SearchPlan } from './search-plan.js';
import { findEntries, type HitTier } from './search-query.js';
import { searchRepository, type HitRow } from './search.repository.js';
import {
  parseOrThrow,
  searchDocumentSchema,
  searchQuerySchema,
  type SearchDocument,
  type SearchFieldValue,
  type SearchQuery,
} from './search.schema.js';
import { addDictionaryWords, indexTokens } from './segmenter.js';

export interface SearchContext {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly clock?: Clock;
}

export interface SearchOptions {
  /**
   * Place and organisation names for the segmenter. The platform cannot read the orgs table itself,
   * so the caller passes the names, or a function that reads them; it runs once, before the first
   * index or query. More can be added later with `addWords`.
   */
  readonly words?: Iterable<string> | (() => Promise<Iterable<string>>);
  /**
   * SQLite: a facet held by half of all entries, and by at least this many, is checked on the
   * candidates' rows instead of walked in the index (`common-facets.ts`; default
   * `COMMON_FACET_ENTRIES`).
   */
  readonly commonEntries?: number;
}

export interface SearchHit {
  readonly scope: string;
  readonly key: string;
  readonly title: string;
  /** The title, escaped, with `<mark>` around matches. */
  readonly titleHtml: string;
  /** A passage of the body (or of the attachments' text when only they match), escaped, with `<mark>`s. */
  readonly snippet: string;
  /** 3: every word in the title; 2: some; 1: none (body or attachments); 0.5: substring fallback. */
  readonly score: number;
  readonly fields: Readonly<Record<string, SearchFieldValue>>;
}

/**
 * `relevance`: entries with every word in the title first, then those with some of them there, then
 * the rest, each group newest first (substring fallback hits: newest first). `date`: newest first.
 * Engine scores (bm25, ts_rank) are not used: they must score every match and read the doclists of
 * the visibility and scope filters in full, far too slow for a million entries.
 */
export type SearchOrder = 'relevance' | 'date';

export interface SearchResult {
  /**
   * Matching entries the caller may see, counted up to `MAX_COUNTED`; beyond, `totalExact` is false
   * (for the fallback: when it had more candidates than it looks at, `MAX_FALLBACK_CANDIDATES`).
   * Pages go no deeper than `MAX_COUNTED` results.
   */
  readonly total: number;
  readonly totalExact: boolean;
  readonly page: number;
  readonly pageSize: number;
  /**
   * True when no entry had all the words and the hits come from substring matching instead
   * (`乌兰浩特` inside text segmented as `乌兰浩特市`).
   */
  readonly fallback: boolean;
  readonly order: SearchOrder;
  readonly hits: readonly SearchHit[];
}

export interface Search {
  /** Adds or replaces (by scope and key) one object's entry, in the caller's transaction. */
  index(trx: DbOrTrx, document: SearchDocument): Promise<void>;
  /** Removes an entry; false when there was none. */
  remove(trx: DbOrTrx, scope: string, key: string): Promise<boolean>;
  /** Removes every entry of a scope (a deleted site); returns how many. */
  removeScope(trx: DbOrTrx, scope: string): Promise<number>;
  /** Searches the given scopes for what the caller's tags let them see. */
  query(query: SearchQuery, db?: DbOrTrx): Promise<SearchResult>;
  /** Teaches the segmenter more names (a new organisation); entries indexed before keep their words. */
  addWords(words: Iterable<string>): number;
  /**
   * Compacts the indexes: SQLite merges its FTS5 segments (queries on a freshly bulk-loaded million
   * entries get about twice as fast), PostgreSQL empties GIN's pending lists. For a nightly job or
   * after a bulk import; it takes a while and rewrites the index.
   */
  optimize(db?: DbOrTrx): Promise<void>;
  /**
   * Settles when the statistics searches started taking in the background (SQLite: which facets are
   * common, `common-facets.ts`) are in; for tests and benchmarks, which must not measure before.
   */
  counted(): Promise<void>;
}

/** Body and attachments' text are indexed and kept up to this many characters each. */
export const MAX_TEXT_CHARS = 1_000_000;
/** The substring fallback covers this many characters of title, body and attachments together. */
export const MAX_GRAM_CHARS = 16_000;
const SNIPPET_CHARS = 120;

/** The platform's full-text search over one database; see `docs/ARCHITECTURE.md` (platform pieces). */
export function createSearch(ctx: SearchContext, options: SearchOptions = {}): Search {
  const repository = searchRepository(ctx.dialect);
  const clock = ctx.clock ?? systemClock;
  const common = commonFacets(repository, { db: ctx.db, entries: options.commonEntries ?? COMMON_FACET_ENTRIES, clock });
  let loading: Promise<void> | undefined;

  const ready = (): Promise<void> => {
    const source = options.words;
    if (!source) return Promise.resolve();
    loading ??= (async () => {
      addDictionaryWords(typeof source === 'function' ? await source() : source);
    })().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };

  return {
    async index(trx, document) {
      await ready();
      const doc = parseOrThrow(searchDocumentSchema, document, 'search.document_invalid');
      const body = doc.body.slice(0, MAX_TEXT_CHARS);
      const extra = (doc.extra ?? '').slice(0, MAX_TEXT_CHARS);
      const fields = doc.fields ?? {};
      const gramSource = `${doc.title}\n${body.slice(0, MAX_GRAM_CHARS)}\n${extra.slice(0, MAX_GRAM_CHARS)}`;
      await repository.upsert(trx, {
        scope: doc.scope,
        key: doc.key,
        title: doc.title,
        body,
        extra,
        fields: JSON.stringify({ ...doc.shown, ...fields }),
        date: typeof fields.date === 'string' ? fields.date : null,
        updatedAt: clock.now().toISOString(),
        titleWords: indexTokens(normalizeText(doc.title)),
        bodyWords: indexTokens(normalizeText(body)),
        extraWords: indexTokens(normalizeText(extra)),
        facets: entryFacets(doc.scope, doc.visibility, fields),
        gramText: [...normalizeText(gramSource).replace(/\s+/g, ' ')].slice(0, MAX_GRAM_CHARS).join(''),
      });
    },

    remove: (trx, scope, key) => repository.remove(trx, scope, key),
    removeScope: (trx, scope) => repository.removeScope(trx, scope),

    async query(query, db = ctx.db) {
      await ready();
      const parsed = parseOrThrow(searchQuerySchema, query, 'search.query_invalid');
      const plan = planSearch(parsed);
      const base = { page: parsed.page, pageSize: parsed.pageSize, order: parsed.sort };
      if (!plan) return { ...base, total: 0, totalExact: true, fallback: false, hits: [] };

      const found = await findEntries(repository, db, plan, common);
      const needles = highlightNeedles(plan, found.fallback);
      return {
        ...base,
        total: found.total,
        totalExact: found.totalExact,
        fallback: found.fallback,
        hits: found.hits.map(([row, tier]) => toHit(row, needles, tier)),
      };
    },

    addWords: (words) => addDictionaryWords(words),
    optimize: (db = ctx.db) => repository.optimize(db),
    counted: () => common?.counted() ?? Promise.resolve(),
  };
}

/** What a hit's tier is worth; see `SearchHit.score`. */
const tierScores: Record<HitTier, number> = { title: 3, someTitle: 2, untitled: 1, fallback: 0.5 };

/** What to mark: the terms as typed and their words, single characters only when typed alone. */
function highlightNeedles(plan: SearchPlan, fallback: boolean): string[] {
  if (fallback) return [...plan.gramTerms, ...plan.gramShortTerms];
  return [...plan.terms, ...plan.words.filter((w) => w.length >= 2 || plan.terms.includes(w))];
}

function toHit(row: HitRow, needles: readonly string[], tier: HitTier): SearchHit {
  const body = highlight(row.body, needles, SNIPPET_CHARS);
  const snippet = body.matched || !row.extra ? body : highlight(row.extra, needles, SNIPPET_CHARS);
  return {
    scope: row.scope,
    key: row.key,
    title: row.title,
    titleHtml: highlight(row.title, needles, Infinity).html,
    snippet: snippet.matched ? snippet.html : body.html,
    score: tierScores[tier],
    fields: JSON.parse(row.fields) as Record<string, SearchFieldValue>,
  };
}
