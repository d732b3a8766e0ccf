import type { DbOrTrx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { LeanMatch, SearchPlan } from './search-plan.js';
import type { SearchRepository } from './search.repository.js';

/**
 * Facets held by so many entries that walking their doclists costs a search more than checking them
 * on the rows of the entries its words found (SQLite; found at 1,000,000 articles).
 *
 * FTS5 answers an AND by leap-frogging through the doclists of all its tokens. When the match is
 * small it walks to the end of every list, and a facet nearly every entry holds — the portal's
 * `public` tag, its main site — costs nearly a full decode of its list. Left out of the index match,
 * such a facet is checked on each candidate's narrow `search_entry_meta` row instead, about 2 µs a
 * row.
 *
 * A check only pays when most candidates pass it, so a facet is common when at least `share` of all
 * entries hold it (and never below `entries`: small indexes are fast as they are). Words are not
 * checked on rows: their text is in the wide `search_entries` rows, 15–30 µs a row to read, and
 * with words in a fifth of the entries that was slower than the index (measured at 1,000,000).
 *
 * Counts are remembered for `ttlMs`, per search (one database); the number of all entries is
 * refreshed in the background once known, so no search waits for it again.
 */
export interface CommonFacetOptions {
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
  /** The plan's match with its common facets moved to row checks; undefined when none is common. */
  lean(db: DbOrTrx, plan: SearchPlan): Promise<LeanMatch | undefined>;
}

export function commonFacets(repository: Pick<SearchRepository, 'countFacet' | 'countEntries'>, options: CommonFacetOptions): CommonFacets | undefined {
  const { countFacet, countEntries } = repository;
  if (!countFacet || !countEntries) return undefined;
  const ttl = options.ttlMs ?? TTL_MS;
  const share = options.share ?? COMMON_FACET_SHARE;
  const known = new Map<string, { common: boolean; until: number }>();
  let threshold: { entries: number; until: number; refreshing?: Promise<unknown> } | undefined;

  const thresholdOf = async (db: DbOrTrx, now: number) => ({
    entries: Math.max(options.entries, Math.ceil(share * (await countEntries(db)))),
    until: now + ttl,
  });

  /** Entries a common facet is held by at least: the share of all, not below the floor. */
  async function commonAt(db: DbOrTrx, now: number): Promise<number> {
    if (!threshold) threshold = await thresholdOf(db, now);
    else if (threshold.until <= now && !threshold.refreshing) {
      const current = threshold;
      current.refreshing = thresholdOf(db, now).then(
        (fresh) => (threshold = fresh),
        () => (current.refreshing = undefined), // tried again at the next search
      );
    }
    return threshold.entries;
  }

  async function isCommon(db: DbOrTrx, facet: string): Promise<boolean> {
    const now = options.clock.now().getTime();
    const cached = known.get(facet);
    if (cached && cached.until > now) return cached.common;
    const at = await commonAt(db, now);
    const common = (await countFacet!(db, facet, at)) >= at;
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(facet, { common, until: now + ttl });
    return common;
  }

  return {
    async lean(db, plan) {
      // A group of one facet may be checked on rows; a group of several is an OR the index answers.
      const verdicts = await Promise.all(plan.facetGroups.map(async (group) => group.length === 1 && (await isCommon(db, group[0]!))));
      if (!verdicts.includes(true)) return undefined;
      return {
        facetGroups: plan.facetGroups.filter((_, i) => !verdicts[i]),
        checkFacets: plan.facetGroups.filter((_, i) => verdicts[i]).map((group) => group[0]!),
      };
    },
  };
}
