import type { DbOrTrx, Dialect } from '../../db/database.js';
import type { LeanMatch, SearchPlan } from './search-plan.js';
import { postgresSearchRepository } from './search-postgres.repository.js';
import { sqliteSearchRepository } from './search-sqlite.repository.js';

/** An object ready for the engine: its stored text plus the words and facets to index. */
export interface IndexedEntry {
  readonly scope: string;
  readonly key: string;
  readonly title: string;
  readonly body: string;
  readonly extra: string;
  /** JSON. */
  readonly fields: string;
  readonly date: string | null;
  readonly updatedAt: string;
  readonly titleWords: readonly string[];
  readonly bodyWords: readonly string[];
  readonly extraWords: readonly string[];
  readonly facets: readonly string[];
  /** Normalised text for the substring (trigram) index. */
  readonly gramText: string;
}

/**
 * Which entries: `words`, every word anywhere; the relevance tiers `title` (every word in the title),
 * `someTitle` (some of them in the title, all somewhere) and `untitled` (none in the title).
 */
export type MatchSet = 'words' | 'title' | 'someTitle' | 'untitled';

export interface HitRow {
  readonly id: number;
  readonly scope: string;
  readonly key: string;
  readonly title: string;
  readonly body: string;
  readonly extra: string;
  readonly fields: string;
  readonly date: string | null;
}

export interface SearchRepository {
  /** Adds or replaces the entry (by scope and key); its id follows its date. */
  upsert(db: DbOrTrx, entry: IndexedEntry): Promise<void>;
  remove(db: DbOrTrx, scope: string, key: string): Promise<boolean>;
  removeScope(db: DbOrTrx, scope: string): Promise<number>;
  /**
   * Ids of entries with every word (and the facets), up to `limit`, in no particular order. With
   * `lean`, the index matches the words and its facet groups, and its common facets are checked on
   * the candidates' rows (PostgreSQL also takes `lean` in `count`, `page` and `fallbackIds`; SQLite
   * only here, where its match walks to the end of the lists).
   */
  matchIds(db: DbOrTrx, plan: SearchPlan, limit: number, lean?: LeanMatch): Promise<number[]>;
  /**
   * How many entries hold a facet, counted no further than `cap`; an estimate will do (PostgreSQL's
   * statistics), since it only chooses how a facet is matched. Only engines that check common
   * facets on rows have it (`common-facets.ts`).
   */
  countFacet?(db: DbOrTrx, facet: string, cap: number): Promise<number>;
  /** How many entries there are, or about (with `countFacet`). */
  countEntries?(db: DbOrTrx): Promise<number>;
  /**
   * Ids of the substring fallback's matches among its candidates (`MAX_FALLBACK_CANDIDATES`, newest
   * first); `exhaustive` when there were fewer candidates than that.
   */
  fallbackIds(db: DbOrTrx, plan: SearchPlan, lean?: LeanMatch): Promise<{ readonly ids: number[]; readonly exhaustive: boolean }>;
  titles(db: DbOrTrx, ids: readonly number[]): Promise<{ readonly id: number; readonly title: string }[]>;
  /** The entries with these ids, in no particular order. */
  rows(db: DbOrTrx, ids: readonly number[]): Promise<HitRow[]>;
  /** Entries of a set, counting no further than `cap`. */
  count(db: DbOrTrx, plan: SearchPlan, set: MatchSet, cap: number, lean?: LeanMatch): Promise<number>;
  /** Entries of a set newest first (by id): both engines walk their index in id order and stop at the page. */
  page(db: DbOrTrx, plan: SearchPlan, set: MatchSet, limit: number, offset: number, lean?: LeanMatch): Promise<HitRow[]>;
  /** Compacts the indexes after many writes (a nightly job, or after a bulk import). */
  optimize(db: DbOrTrx): Promise<void>;
  /** Runs one search's reads with the engine's settings for them (PostgreSQL: bitmap scans only). */
  read<T>(db: DbOrTrx, work: (db: DbOrTrx) => Promise<T>): Promise<T>;
}

const postgres = postgresSearchRepository();

export function searchRepository(dialect: Dialect): SearchRepository {
  return dialect === 'postgres' ? postgres : sqliteSearchRepository;
}
