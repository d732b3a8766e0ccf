/**
 * Entry ids carry the entry's date: `day × 2^30 + n`, where `day` counts from 0000-01-01 (1 for
 * that day) and is 0 for entries without a date. Newest first is then id order, which both FTS5 and
 * a B-tree walk without sorting. (Date filters are facets: see `date-facets.ts`.)
 */
export const IDS_PER_DAY = 2 ** 30;

const DAY_MS = 86_400_000;
const yearZero = new Date(0);
yearZero.setUTCFullYear(0, 0, 1);

/** 1 for 0000-01-01; `Date.UTC` cannot be used, as it maps years below 100 to the 1900s. */
export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round((date.getTime() - yearZero.getTime()) / DAY_MS) + 1;
}

/** The first id of a date's block (of the undated block for null). */
export const firstIdOf = (date: string | null): number => (date ? dayNumber(date) : 0) * IDS_PER_DAY;
