/**
 * Date filters as facets. An entry's date is indexed at six levels — millennium, century, decade,
 * year, month, day (`d4_2020`, `d5_202003`, `d6_20200315`…) — and a range becomes the fewest of them
 * that cover it exactly (2020-03-15…2021-12-31: 17 days, 9 months, one year). The engines then
 * filter dates as they filter visibility; an id range instead makes FTS5 step through the doclists
 * of common words up to the range's start.
 */
const levels = [
  { digits: 1, years: 1000 },
  { digits: 2, years: 100 },
  { digits: 3, years: 10 },
  { digits: 4, years: 1 },
] as const;

interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

const parse = (iso: string): Day => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const key = (day: Day) => day.y * 10_000 + day.m * 100 + day.d;
const daysIn = (y: number, m: number) => {
  const date = new Date(0);
  date.setUTCFullYear(y, m, 0); // day 0 of the next month: the last of this one
  return date.getUTCDate();
};

/** The facets of one date, one per level. */
export function dateFacets(iso: string): string[] {
  const { y, m, d } = parse(iso);
  const year = pad(y, 4);
  return [
    ...levels.map((level, i) => `d${i + 1}_${year.slice(0, level.digits)}`),
    `d5_${year}${pad(m, 2)}`,
    `d6_${year}${pad(m, 2)}${pad(d, 2)}`,
  ];
}

/** The facets whose dates are exactly those from `from` to `to` (inclusive; open ends reach 0000 and 9999). */
export function dateRangeFacets(from: string | undefined, to: string | undefined): string[] {
  const end = key(parse(to ?? '9999-12-31'));
  const out: string[] = [];
  let cur = parse(from ?? '0000-01-01');
  while (key(cur) <= end) {
    const yearStart = cur.m === 1 && cur.d === 1;
    const level = levels.find((l) => yearStart && cur.y % l.years === 0 && key({ y: cur.y + l.years - 1, m: 12, d: 31 }) <= end);
    if (level) {
      out.push(`d${levels.indexOf(level) + 1}_${pad(cur.y, 4).slice(0, level.digits)}`);
      cur = { y: cur.y + level.years, m: 1, d: 1 };
    } else if (cur.d === 1 && key({ ...cur, d: daysIn(cur.y, cur.m) }) <= end) {
      out.push(`d5_${pad(cur.y, 4)}${pad(cur.m, 2)}`);
      cur = cur.m === 12 ? { y: cur.y + 1, m: 1, d: 1 } : { y: cur.y, m: cur.m + 1, d: 1 };
    } else {
      out.push(`d6_${pad(cur.y, 4)}${pad(cur.m, 2)}${pad(cur.d, 2)}`);
      const last = cur.d === daysIn(cur.y, cur.m);
      cur = !last ? { ...cur, d: cur.d + 1 } : cur.m === 12 ? { y: cur.y + 1, m: 1, d: 1 } : { y: cur.y, m: cur.m + 1, d: 1 };
    }
    if (cur.y > 9999) break;
  }
  return out;
}
