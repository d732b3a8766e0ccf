import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { commonFacets } from './common-facets.js';
import { createSearch, type Search, type SearchDocument } from './index.js';
import { fieldFacet, planSearch, visibilityFacet } from './search-plan.js';
import { searchRepository } from './search.repository.js';
import { searchQuerySchema } from './search.schema.js';

/**
 * Facets held by half of all entries are checked on rows instead of matched in the index;
 * with the floor at three entries, seven entries show it (common: in four or more). The answers
 * must be the same as the index alone would give, on both engines.
 */
describeEachDialect('search: common facets', (database, dialect) => {
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
    // PostgreSQL takes its counts from the table's statistics.
    if (dialect === 'postgres') await sql`analyze search_entries`.execute(db);
  });

  // Twice: before the counts are in (the index alone) and after (common facets checked on rows); on
  // PostgreSQL a third time, with entries indexed before rows kept their facets (checked on `words`).
  const cases = dialect === 'postgres' ? ['before', 'after', 'after, rows without facets'] : ['before', 'after'];
  it.each(cases)('finds what every word and filter allows, common facets included (%s the counts)', async (when) => {
    if (when !== 'before') await search.counted();
    if (when === 'after, rows without facets') {
      await sql`update search_entries set facets = null where key in ('a1', 'a4', 'm2')`.execute(database().db);
    }
    expect(await keys('兴安盟 旅游')).toEqual(['a1', 'a2', 'm2']);
    expect(await keys('兴安盟 旅游', 'arxan')).toEqual(['a1', 'a2']);
    expect(await keys('兴安盟 旅游', 'main')).toEqual(['m2']);
    expect(await keys('旅游 建设', 'arxan')).toEqual(['a1', 'a3']);
    expect(await keys('兴安盟 旅游', 'arxan', ['public', 'staff'])).toEqual(['a1', 'a2', 'a4']);
    expect(await keys('兴安盟')).toEqual(['a1', 'a2', 'm1', 'm2', 'm3']);
    expect(await keys('大米 兴安盟', 'arxan')).toEqual([]);
    expect(await keys('冰雪 兴安盟', 'arxan')).toEqual(['a2']);
    expect(await keys('冰雪 兴安盟', 'main')).toEqual([]);
    expect(await keys('兴安盟', 'main')).toEqual(['m1', 'm2', 'm3']);
  });

  it('leaves the common single facets out of the index match, to be checked on rows', async () => {
    const common = commonFacets(searchRepository(dialect), { db: database().db, entries: 3, clock });
    const lean = (tags: string[], site: string) =>
      common!.lean(planSearch(searchQuerySchema.parse({ scopes: ['portal'], tags, text: '兴安盟 冰雪', filters: { site } }))!);
    // Nothing is known common before its count is in, and no search waits for the count.
    expect(lean(['public'], 'arxan')).toBeUndefined();
    lean(['public'], 'main');
    await common!.counted();
    // public: 6 of 7 entries; arxan: 4 of 7; main: 3 of 7.
    expect(lean(['public'], 'arxan')).toEqual({ facetGroups: [], checkFacets: [visibilityFacet('portal', 'public'), fieldFacet('site', 'arxan')] });
    expect(lean(['public'], 'main')).toEqual({ facetGroups: [[fieldFacet('site', 'main')]], checkFacets: [visibilityFacet('portal', 'public')] });
    // An OR of facets stays in the index.
    expect(lean(['public', 'staff'], 'main')).toBeUndefined();
  });

  it('checks nothing on rows while counts fail, tries them again at the next search, and takes no counts on a transaction', async () => {
    let fail = true;
    const flaky = {
      countEntries: () => (fail ? Promise.reject(new Error('数据库暂不可用')) : Promise.resolve(7)),
      countFacet: () => Promise.resolve(6),
    };
    const common = commonFacets(flaky, { db: database().db, entries: 3, clock })!;
    const plan = planSearch(searchQuerySchema.parse({ scopes: ['portal'], tags: ['public'], text: '冰雪' }))!;
    expect(common.lean(plan)).toBeUndefined();
    await common.counted(); // the failure is swallowed: no unhandled rejection fails this test
    fail = false;
    expect(common.lean(plan)).toBeUndefined(); // counted again, in the background
    await common.counted();
    expect(common.lean(plan)).toEqual({ facetGroups: [], checkFacets: [visibilityFacet('portal', 'public')] });

    await database()
      .db.transaction()
      .execute(async (trx) => expect(commonFacets(flaky, { db: trx, entries: 3, clock })).toBeUndefined());
  });
});
