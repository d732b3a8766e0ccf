import type { DbOrTrx } from '../../db/database.js';
import type { Clock } from '../clock.js';
import type { LeanMatch, SearchPlan } from './search-plan.js';
import type { SearchRepository } from './search.repository.js';

/**
 * Tokens held by so many entries that walking their doclists costs a search more than checking them
 * on the rows of the entries the other tokens found (SQLite; found at 1,000,000 entries).
 *
 * FTS5 answers an AND by leap-frogging through the doclists of all its tokens. When the match is
 * small, it walks to the end of every list, and a token nearly every entry holds — the portal's
 * `public` tag, 兴安盟 in a league's documents, a large site — costs nearly a full decode of its
 * list: about 10 ms per million entries each. Left out of the index match, such a token is checked
 * on each candidate's row instead (a facet in `search_entry_facets`, a word in the stored text),
 * about 2 µs a row.
 *
 * What counts as common is decided per token by counting its entries up to `entries` (a few ms
 * at most) and remembered for `ttlMs`, per search (one database).
 */
export interface CommonTokenOptions {
  /** A token held by at least this many entries is checked on rows. */
  readonly entries: number;
  readonly clock: Clock;
  /** How long a token's verdict is kept. */
  readonly ttlMs?: number;
}

/** Default: 100,000 entries (a tenth of the million the targets are set at). */
export const COMMON_TOKEN_ENTRIES = 100_000;
const TTL_MS = 10 * 60_000;
/** Verdicts kept at most; the map starts again when full. */
const MAX_KNOWN = 20_000;

/**
 * Words checked on rows must read the same in the stored text as in the index: Han characters are
 * unchanged by the normalisation (NFKC, lower case, ignorables), so a substring test finds them.
 */
const checkableWord = /^\p{Script=Han}+$/u;

export interface CommonTokens {
  /** The plan's match with its common tokens moved to row checks; undefined when none is common. */
  lean(db: DbOrTrx, plan: SearchPlan): Promise<LeanMatch | undefined>;
}

export function commonTokens(repository: Pick<SearchRepository, 'countToken'>, options: CommonTokenOptions): CommonTokens | undefined {
  const { countToken } = repository;
  if (!countToken) return undefined;
  const ttl = options.ttlMs ?? TTL_MS;
  const known = new Map<string, { common: boolean; until: number }>();

  async function isCommon(db: DbOrTrx, kind: 'word' | 'facet', token: string): Promise<boolean> {
    const now = options.clock.now().getTime();
    const key = `${kind}:${token}`;
    const cached = known.get(key);
    if (cached && cached.until > now) return cached.common;
    const common = (await countToken!(db, kind, token, options.entries)) >= options.entries;
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(key, { common, until: now + ttl });
    return common;
  }

  return {
    async lean(db, plan) {
      const wordVerdicts = await Promise.all(plan.words.map(async (word) => checkableWord.test(word) && (await isCommon(db, 'word', word))));
      const checkWords = plan.words.filter((_, i) => wordVerdicts[i]);
      const words = plan.words.filter((_, i) => !wordVerdicts[i]);
      // Only words as common as these: most entries match, the index walk stops at the first
      // page's worth, and checking rows would read far more candidates than it saves.
      if (words.length === 0) return undefined;
      // A group of one facet may be checked on rows; a group of several is an OR the index answers.
      const groupVerdicts = await Promise.all(plan.facetGroups.map(async (group) => group.length === 1 && (await isCommon(db, 'facet', group[0]!))));
      const checkFacets = plan.facetGroups.filter((_, i) => groupVerdicts[i]).map((group) => group[0]!);
      if (checkWords.length === 0 && checkFacets.length === 0) return undefined;
      return { words, facetGroups: plan.facetGroups.filter((_, i) => !groupVerdicts[i]), checkWords, checkFacets };
    },
  };
}
