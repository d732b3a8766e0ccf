import type { DbOrTrx } from '../../db/database.js';
import type { CommonFacets } from './common-facets.js';
import { normalizeText } from './normalize.js';
import type { LeanMatch, SearchPlan } from './search-plan.js';
import type { HitRow, MatchSet, SearchRepository } from './search.repository.js';
import { MAX_COUNTED } from './search.schema.js';

/** Where a hit stands: its relevance tier, or a substring fallback match. */
export type HitTier = Exclude<MatchSet, 'words'> | 'fallback';

export interface Found {
  readonly fallback: boolean;
  readonly total: number;
  readonly totalExact: boolean;
  readonly hits: readonly (readonly [HitRow, HitTier])[];
}

/**
 * Runs a plan. The matching ids are fetched first, up to `MAX_COUNTED` + 1. When that is all of
 * them (most searches), the page is chosen from the ids themselves: tiers from the titles, no more
 * index work. A larger result is paged through the index, tier by tier, each newest first, and its
 * total shown as "more than `MAX_COUNTED`". When no entry has every word, the substring fallback.
 *
 * With `common`, the common facets are checked on rows (`common-facets.ts`): on SQLite in the
 * match of the ids, the walk that goes to the end of the lists (its pages of a larger result stop
 * early and use the index alone); on PostgreSQL in every statement.
 */
export async function findEntries(repository: SearchRepository, db: DbOrTrx, plan: SearchPlan, common?: CommonFacets): Promise<Found> {
  return repository.read(db, async (reader) => {
    const lean = common?.lean(plan);
    const ids = await repository.matchIds(reader, plan, MAX_COUNTED + 1, lean);
    if (ids.length === 0 && plan.gramTerms.length) {
      const fallback = await repository.fallbackIds(reader, plan, lean);
      if (fallback.ids.length) {
        const page = newestFirst(fallback.ids).slice(plan.offset, plan.offset + plan.limit);
        const rows = await rowsInOrder(repository, reader, page);
        return { fallback: true, total: fallback.ids.length, totalExact: fallback.exhaustive, hits: rows.map((row) => [row, 'fallback'] as const) };
      }
    }
    if (ids.length <= MAX_COUNTED) {
      return { fallback: false, total: ids.length, totalExact: true, hits: await pageOfIds(repository, reader, plan, ids) };
    }
    return { fallback: false, total: MAX_COUNTED, totalExact: false, hits: await pageOfIndex(repository, reader, plan, lean) };
  });
}

const newestFirst = (ids: readonly number[]): number[] => [...ids].sort((a, b) => b - a);

async function rowsInOrder(repository: SearchRepository, db: DbOrTrx, ids: readonly number[]): Promise<HitRow[]> {
  const byId = new Map((await repository.rows(db, ids)).map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is HitRow => row !== undefined);
}

/** A hit's tier from its title: every query word in it, some, or none (substring test, normalised). */
export function titleTier(title: string, words: readonly string[]): Exclude<HitTier, 'fallback'> {
  const normalized = normalizeText(title);
  const inTitle = words.filter((word) => normalized.includes(word)).length;
  return inTitle === words.length ? 'title' : inTitle > 0 ? 'someTitle' : 'untitled';
}

const tierRank: Record<HitTier, number> = { title: 3, someTitle: 2, untitled: 1, fallback: 0 };

async function pageOfIds(repository: SearchRepository, db: DbOrTrx, plan: SearchPlan, ids: readonly number[]): Promise<[HitRow, HitTier][]> {
  let page: number[];
  if (plan.sort === 'date') {
    page = newestFirst(ids).slice(plan.offset, plan.offset + plan.limit);
  } else {
    const tiers = (await repository.titles(db, ids)).map(({ id, title }) => ({ id, rank: tierRank[titleTier(title, plan.words)] }));
    tiers.sort((a, b) => b.rank - a.rank || b.id - a.id);
    page = tiers.slice(plan.offset, plan.offset + plan.limit).map((t) => t.id);
  }
  return (await rowsInOrder(repository, db, page)).map((row) => [row, titleTier(row.title, plan.words)]);
}

/** Relevance in the index: every word in the title, then some of them, then none (one word: title or not). */
function tierSets(plan: SearchPlan): Exclude<MatchSet, 'words'>[] {
  return plan.words.length > 1 ? ['title', 'someTitle', 'untitled'] : ['title', 'untitled'];
}

/** The page across the sets in order, each newest first, counting a set only when the page starts beyond it. */
async function pageOfIndex(repository: SearchRepository, db: DbOrTrx, plan: SearchPlan, lean?: LeanMatch): Promise<[HitRow, HitTier][]> {
  if (plan.sort === 'date') {
    const rows = await repository.page(db, plan, 'words', plan.limit, plan.offset, lean);
    return rows.map((row) => [row, titleTier(row.title, plan.words)]);
  }
  const out: [HitRow, HitTier][] = [];
  const sets = tierSets(plan);
  let skip = plan.offset;
  for (const set of sets) {
    if (skip > 0 && set !== sets[sets.length - 1]) {
      const size = await repository.count(db, plan, set, skip + 1, lean);
      if (size <= skip) {
        skip -= size;
        continue;
      }
    }
    const rows = await repository.page(db, plan, set, plan.limit - out.length, skip, lean);
    out.push(...rows.map((row): [HitRow, HitTier] => [row, set]));
    skip = 0;
    if (out.length === plan.limit) break;
  }
  return out;
}
