import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { commonTokens } from './common-tokens.js';
import { createSearch, type Search, type SearchDocument } from './index.js';
import { fieldFacet, planSearch, visibilityFacet } from './search-plan.js';
import { searchRepository } from './search.repository.js';
import { searchQuerySchema } from './search.schema.js';

/**
 * Words and facets most entries hold are checked on rows instead of walked in the index (SQLite);
 * here "most" is three entries, so a handful of entries shows it. The answers must be the same as
 * the index alone would give, on both engines.
 */
describeEachDialect('search: common words and facets', (database, dialect) => {
  const clock = new FixedClock('2026-06-01T00:00:00.000Z');
  let search: Search;
  const doc = (key: string, title: string, body: string, site: string, visibility = ['public']): SearchDocument => ({
    scope: 'portal',
    key,
    title,
    body,
    visibility,
    fields: { site, date: '2026-05-01' },
  });
  const keys = async (text: string, site?: string, tags = ['public']) =>
    (await search.query({ scopes: ['portal'], tags, text, ...(site ? { filters: { site } } : {}), pageSize: 50 })).hits.map((h) => h.key).sort();

  beforeAll(async () => {
    const { db } = database();
    search = createSearch({ db, dialect, clock }, { commonEntries: 3 });
    await db.transaction().execute(async (trx) => {
      for (const d of [
        doc('a1', '兴安盟旅游发展规划', '兴安盟全域旅游建设。', 'arxan'),
        doc('a2', '阿尔山冬季旅游', '兴安盟阿尔山市冰雪旅游。', 'arxan'),
        doc('a3', '阿尔山旅游服务', '游客服务中心建设。', 'arxan'), // no 兴安盟
        doc('a4', '兴安盟旅游统计', '兴安盟旅游人数增长。', 'arxan', ['staff']), // not public
        doc('m1', '兴安盟农牧业', '兴安盟大米品牌建设。', 'main'),
        doc('m2', '兴安盟旅游宣传', '兴安盟旅游推介会。', 'main'),
        doc('m3', '兴安盟招商', '兴安盟营商环境建设。', 'main'),
      ])
        await search.index(trx, d);
    });
  });

  it('finds what every word and filter allows, common ones included', async () => {
    expect(await keys('兴安盟 旅游')).toEqual(['a1', 'a2', 'm2']);
    expect(await keys('兴安盟 旅游', 'arxan')).toEqual(['a1', 'a2']);
    expect(await keys('兴安盟 旅游', 'main')).toEqual(['m2']);
    expect(await keys('旅游 建设', 'arxan')).toEqual(['a1', 'a3']);
    expect(await keys('兴安盟 旅游', 'arxan', ['public', 'staff'])).toEqual(['a1', 'a2', 'a4']);
    expect(await keys('兴安盟')).toEqual(['a1', 'a2', 'm1', 'm2', 'm3']);
    expect(await keys('大米 兴安盟', 'arxan')).toEqual([]);
    expect(await keys('冰雪 兴安盟', 'arxan')).toEqual(['a2']);
    expect(await keys('冰雪 兴安盟', 'main')).toEqual([]);
  });

  it('on SQLite leaves the common words and single facets out of the index match, to be checked on rows', async () => {
    const common = commonTokens(searchRepository(dialect), { entries: 3, clock });
    if (dialect === 'postgres') {
      expect(common).toBeUndefined(); // GIN answers an AND from its posting trees
      return;
    }
    // Every word common (兴安盟 and 旅游 are in 4–6 entries): the index alone, which stops early.
    const broad = planSearch(searchQuerySchema.parse({ scopes: ['portal'], tags: ['public'], text: '兴安盟 旅游', filters: { site: 'arxan' } }))!;
    expect(await common!.lean(database().db, broad)).toBeUndefined();
    const plan = planSearch(searchQuerySchema.parse({ scopes: ['portal'], tags: ['public'], text: '兴安盟 冰雪', filters: { site: 'arxan' } }))!;
    expect(await common!.lean(database().db, plan)).toEqual({
      words: ['冰雪'],
      facetGroups: [],
      checkWords: ['兴安盟'],
      checkFacets: [visibilityFacet('portal', 'public'), fieldFacet('site', 'arxan')],
    });
    const rare = planSearch(searchQuerySchema.parse({ scopes: ['portal'], tags: ['public', 'staff'], text: '大米 兴安盟' }))!;
    expect(await common!.lean(database().db, rare)).toEqual({
      words: ['大米'],
      facetGroups: [[visibilityFacet('portal', 'public'), visibilityFacet('portal', 'staff')]], // an OR stays in the index
      checkWords: ['兴安盟'],
      checkFacets: [],
    });
  });
});
