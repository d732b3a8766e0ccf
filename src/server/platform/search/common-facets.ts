import type { DbOrTrx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { LeanMatch, SearchPlan } from './search-plan.js';
import type { SearchRepository } from './search.repository.js';

/**
 * Facets held by so many entries that walking their doclists costs a search more than checking them
 * on the rows of the entries its words found (found at 1,000,000 articles).
 *
 * FTS5 answers an AND by leap-frogging through the doclists of all its tokens. When the match is
 * small it walks to the end of every list, and a facet nearly every entry holds — the portal's
 * `public` tag, its main site — costs nearly a full decode of its list. Left out of the index match,
 * such a facet is checked on each candidate's narrow `search_entry_meta` row instead, about 2 µs a
 * row. GIN steps such a list forward for every candidate of the rarest word; left out, it is
 * checked on the row's small `facets` column, which the bitmap scan reads anyway for the id: a
 * whole-table count to 1,001 took a third less (PostgreSQL).
 *
 * A check only pays when most candidates pass it, so a facet is common when at least `share` of all
 * entries hold it (and never below `entries`: small indexes are fast as they are). Words are not
 * checked on rows: their text is in the wide `search_entries` rows, 15–30 µs a row to read, and
 * with words in a fifth of the entries that was slower than the index (measured at 1,000,000).
 *
 * The counts (the facet's entries up to the threshold, all entries) take up to a second on a cold
 * million-entry index (SQLite; PostgreSQL reads its statistics), so no search waits for them: they run in the background on the search's own
 * database, a facet counts as not common until its count is in, and a count older than `ttlMs` is
 * used while it is taken again.
 */
export interface CommonFacetOptions {
  /** Where the counts are taken: the search's own database (given a transaction, none are). */
  readonly db: DbOrTrx;
  /** Fewer entries than this never make a facet common. */
  readonly entries: number;
  /** The share of all entries a common facet is held by. */
  readonly share?: number;
  readonly clock: Clock;
  /** How long a count is kept. */
  readonly ttlMs?: number;
}

/** Default floor: 100,000 entries (a tenth of the million the targets are set at). */
export const COMMON_FACET_ENTRIES = 100_000;
/** Default share: half of all entries. */
export const COMMON_FACET_SHARE = 0.5;
const TTL_MS = 30 * 60_000;
/** Verdicts kept at most; the map starts again when full. */
const MAX_KNOWN = 10_000;

export interface CommonFacets {
  /** The plan's match with its common facets moved to row checks; undefined when none is known common. */
  lean(plan: SearchPlan): LeanMatch | undefined;
  /** Settles when the counts started so far are in (for tests and benchmarks). */
  counted(): Promise<void>;
}

export function commonFacets(repository: Pick<SearchRepository, 'countFacet' | 'countEntries'>, options: CommonFacetOptions): CommonFacets | undefined {
  const { countFacet, countEntries } = repository;
  // A transaction ends: counts taken on it later would fail. Such a search checks no facet on rows.
  if (!countFacet || !countEntries || options.db.isTransaction) return undefined;
  const { db, clock } = options;
  const ttl = options.ttlMs ?? TTL_MS;
  const share = options.share ?? COMMON_FACET_SHARE;
  const known = new Map<string, { common: boolean; until: number }>();
  const counting = new Map<string, Promise<void>>();
  let threshold: { entries: number; until: number } | undefined;
  let countingEntries: Promise<number | undefined> | undefined;

  /**
   * Entries a common facet is held by at least: the share of all, not below the floor. An expired
   * figure serves while it is counted again; undefined when it was never counted (a failed count
   * is tried again at the next call).
   */
  function commonAt(now: number): Promise<number | undefined> {
    if (!threshold || threshold.until <= now) {
      countingEntries ??= countEntries!(db)
        .then((n) => (threshold = { entries: Math.max(options.entries, Math.ceil(share * n)), until: now + ttl }).entries)
        .catch(() => undefined)
        .finally(() => (countingEntries = undefined));
      if (!threshold) return countingEntries;
    }
    return Promise.resolve(threshold.entries);
  }

  function count(facet: string, now: number): void {
    if (counting.has(facet)) return;
    const work = (async () => {
      const at = await commonAt(now);
      if (at === undefined) return;
      const common = (await countFacet!(db, facet, at)) >= at;
      if (known.size >= MAX_KNOWN) known.clear();
      known.set(facet, { common, until: now + ttl });
    })()
      .catch(() => undefined) // not common meanwhile; counted again at the next search
      .finally(() => counting.delete(facet));
    counting.set(facet, work);
  }

  function isCommon(facet: string): boolean {
    const now = clock.now().getTime();
    const verdict = known.get(facet);
    if (!verdict || verdict.until <= now) count(facet, now);
    return verdict?.common ?? false;
  }

  return {
    lean(plan) {
      // A group of one facet may be checked on rows; a group of several is an OR the index answers.
      const verdicts = plan.facetGroups.map((group) => group.length === 1 && isCommon(group[0]!));
      if (!verdicts.includes(true)) return undefined;
      return {
        facetGroups: plan.facetGroups.filter((_, i) => !verdicts[i]),
        checkFacets: plan.facetGroups.filter((_, i) => verdicts[i]).map((group) => group[0]!),
      };
    },
    async counted() {
      while (counting.size) await Promise.all(counting.values());
    },
  };
}
