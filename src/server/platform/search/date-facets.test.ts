import { describe, expect, it } from 'vitest';
import { dateFacets, dateRangeFacets } from './date-facets.js';

/** Every date the facets cover, by brute force over the facets of each day. */
function covered(facets: string[], from: string, to: string): string[] {
  const set = new Set(facets);
  const days: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (dateFacets(day).some((f) => set.has(f))) days.push(day);
  }
  return days;
}

describe('date facets', () => {
  it('index a date at six levels', () => {
    expect(dateFacets('2020-03-15')).toEqual(['d1_2', 'd2_20', 'd3_202', 'd4_2020', 'd5_202003', 'd6_20200315']);
    expect(dateFacets('0987-12-01')).toEqual(['d1_0', 'd2_09', 'd3_098', 'd4_0987', 'd5_098712', 'd6_09871201']);
  });

  it('cover a range exactly with few facets', () => {
    expect(dateRangeFacets('2020-01-01', '2020-12-31')).toEqual(['d4_2020']);
    expect(dateRangeFacets('2024-02-01', '2024-02-29')).toEqual(['d5_202402']);
    expect(dateRangeFacets('2020-03-30', '2021-01-02')).toEqual([
      'd6_20200330', 'd6_20200331', 'd5_202004', 'd5_202005', 'd5_202006', 'd5_202007', 'd5_202008', 'd5_202009',
      'd5_202010', 'd5_202011', 'd5_202012', 'd6_20210101', 'd6_20210102',
    ]);
    expect(dateRangeFacets('2000-01-01', undefined)).toEqual(['d1_2', 'd1_3', 'd1_4', 'd1_5', 'd1_6', 'd1_7', 'd1_8', 'd1_9']);
    expect(dateRangeFacets('2025-01-01', undefined)).toEqual(['d4_2025', 'd4_2026', 'd4_2027', 'd4_2028', 'd4_2029', 'd3_203', 'd3_204', 'd3_205', 'd3_206', 'd3_207', 'd3_208', 'd3_209', 'd2_21', 'd2_22', 'd2_23', 'd2_24', 'd2_25', 'd2_26', 'd2_27', 'd2_28', 'd2_29', 'd1_3', 'd1_4', 'd1_5', 'd1_6', 'd1_7', 'd1_8', 'd1_9']);
    expect(dateRangeFacets(undefined, '1999-12-31')).toEqual(['d1_0', 'd1_1']);
    expect(dateRangeFacets(undefined, '2020-02-29')).toEqual(['d1_0', 'd1_1', 'd3_200', 'd3_201', 'd5_202001', 'd5_202002']);
    expect(dateRangeFacets('2024-05-05', '2024-05-05')).toEqual(['d6_20240505']);
    expect(dateRangeFacets('2024-05-06', '2024-05-05')).toEqual([]);
  });

  it('match exactly the days of the range, and no others', () => {
    for (const [from, to] of [
      ['2019-12-20', '2021-02-10'],
      ['2023-02-27', '2024-03-02'],
      ['2016-01-01', '2016-06-30'],
    ] as const) {
      const facets = dateRangeFacets(from, to);
      const inside = covered(facets, '2015-01-01', '2025-12-31');
      expect(inside[0]).toBe(from);
      expect(inside[inside.length - 1]).toBe(to);
      expect(inside.length).toBe((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
      expect(facets.length).toBeLessThan(40);
    }
  });
});
