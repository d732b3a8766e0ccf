import { AppError } from '../errors/app-error.js';
import './search.errors.js';
import { dateFacets, dateRangeFacets } from './date-facets.js';
import { normalizeText } from './normalize.js';
import { MAX_COUNTED, MAX_QUERY_LENGTH, MAX_QUERY_WORDS, type ParsedSearchQuery, type SearchFieldValue } from './search.schema.js';
import { queryTerms, termTokens } from './segmenter.js';

/**
 * Filter tokens ("facets") are indexed with the words: visibility tags in the entry's scope and
 * filterable fields (hex-encoded), the date (`date-facets.ts`) and the title's words, each behind a prefix with
 * `_`. Words are runs of letters, digits and marks only, so no text in a title or body can ever equal
 * a facet (and on SQLite facets live in their own column besides).
 */
const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
/**
 * Visibility is indexed per scope (`documents` × `org-7`): a query's scopes and tags then make one
 * group of facets. A separate scope facet would hold nearly every entry of a deployment and cost
 * every search a walk through it.
 */
export const visibilityFacet = (scope: string, tag: string): string => `v_${hex(scope)}_${hex(tag)}`;
export const fieldFacet = (name: string, value: string): string => `f_${hex(name)}_${hex(value)}`;
/**
 * Each title word is indexed again as a facet, so "every word in the title" is a lookup of short
 * doclists rather than a walk through the word's doclist checking columns.
 */
export const titleFacet = (word: string): string => `t_${word}`;

/** The facets of an entry: each tag in its scope, its date's (`date-facets.ts`), each other string field value. */
export function entryFacets(scope: string, visibility: readonly string[], fields: Readonly<Record<string, SearchFieldValue>>): string[] {
  const facets = new Set<string>(visibility.map((tag) => visibilityFacet(scope, tag)));
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'date') {
      if (typeof value === 'string') for (const facet of dateFacets(value)) facets.add(facet);
      continue;
    }
    if (typeof value === 'string') facets.add(fieldFacet(name, value));
    else if (Array.isArray(value)) for (const v of value as readonly string[]) facets.add(fieldFacet(name, v));
  }
  return [...facets];
}

/** Scopes × tags a query may ask for (each pair is one facet to match). */
export const MAX_SCOPE_TAGS = 2_000;

/** Function words dropped from a query that has other words (they match nearly everything). */
const stopWords = new Set(['的', '地', '得', '了', '着', '和', '与', '及', '或', '之', '在', '对', '为', '是', '等', '将', '把', '被', '于', '以', '其', '并', 'the', 'a', 'an', 'of', 'and', 'or']);

/** The least a term must have for the substring fallback: the trigram index cannot match shorter. */
export const MIN_GRAM_TERM = 3;
/**
 * The substring fallback looks at the newest this many entries containing the substrings (SQLite:
 * then keeps those the caller may see; PostgreSQL: the newest visible ones), so a common substring
 * costs no more than a rare one.
 */
export const MAX_FALLBACK_CANDIDATES = 1_000;

/** A checked query, turned into what the repositories match. */
export interface SearchPlan {
  /** Normalised terms as typed (runs of letters and digits), for the fallback and highlighting. */
  readonly terms: readonly string[];
  /** Words all of which an entry must contain (the word index). */
  readonly words: readonly string[];
  /** Fallback: terms found as substrings (trigram index); empty when no term is long enough. */
  readonly gramTerms: readonly string[];
  /** Fallback: terms too short for trigrams, matched as substrings of the stored text. */
  readonly gramShortTerms: readonly string[];
  /** Facets of which an entry needs at least one in each group (scope × tag; dates; each field filter). */
  readonly facetGroups: readonly (readonly string[])[];
  readonly sort: 'relevance' | 'date';
  readonly limit: number;
  readonly offset: number;
}

/**
 * A plan's index match with its common facets left out (`common-facets.ts`): the index matches the
 * plan's words and `facetGroups`; each candidate's row must then hold every `checkFacets` facet.
 */
export interface LeanMatch {
  readonly facetGroups: readonly (readonly string[])[];
  readonly checkFacets: readonly string[];
}

/** Turns a parsed query into a plan; undefined when the caller has no tags (nothing is visible). */
export function planSearch(query: ParsedSearchQuery): SearchPlan | undefined {
  if (query.text.length > MAX_QUERY_LENGTH) {
    throw new AppError('search.query_too_long', { details: { maxLength: MAX_QUERY_LENGTH } });
  }
  const terms = [...new Set(queryTerms(normalizeText(query.text)))];
  if (terms.length === 0) throw new AppError('search.query_empty');
  const allWords = [...new Set(terms.flatMap(termTokens))];
  const contentWords = allWords.filter((w) => !stopWords.has(w));
  const words = contentWords.length ? contentWords : allWords;
  if (words.length > MAX_QUERY_WORDS) {
    throw new AppError('search.query_too_many_terms', { details: { maxWords: MAX_QUERY_WORDS } });
  }
  if (words.length === 0) throw new AppError('search.query_empty');

  const offset = (query.page - 1) * query.pageSize;
  if (offset + query.pageSize > MAX_COUNTED) throw new AppError('search.page_too_deep', { details: { maxResults: MAX_COUNTED } });
  const filters = query.filters ?? {};
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new AppError('search.query_invalid', { fields: [{ path: 'filters.from', message: '开始日期不能晚于结束日期' }] });
  }
  if (query.tags.length === 0) return undefined;

  if (query.scopes.length * query.tags.length > MAX_SCOPE_TAGS) {
    throw new AppError('search.query_invalid', {
      fields: [{ path: 'tags', message: `检索范围数与可见范围标签数之积不能超过 ${MAX_SCOPE_TAGS}` }],
    });
  }
  const facetGroups: string[][] = [query.scopes.flatMap((scope) => query.tags.map((tag) => visibilityFacet(scope, tag)))];
  if (filters.from || filters.to) facetGroups.push(dateRangeFacets(filters.from, filters.to));
  for (const [name, value] of Object.entries(filters)) {
    if (name === 'from' || name === 'to' || value === undefined) continue;
    const values = typeof value === 'string' ? [value] : value;
    facetGroups.push(values.map((v) => fieldFacet(name, v)));
  }
  const gramTerms = terms.filter((t) => [...t].length >= MIN_GRAM_TERM);
  // Beside substring terms, short terms only narrow the fallback; function words among them go.
  const gramShortTerms = terms.filter((t) => !gramTerms.includes(t) && !stopWords.has(t));
  return {
    terms,
    words,
    gramTerms,
    gramShortTerms,
    facetGroups: facetGroups.map((g) => [...new Set(g)]),
    sort: query.sort,
    limit: query.pageSize,
    offset,
  };
}
