import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { createSearch, type Search, type SearchDocument, type SearchQuery } from './index.js';

/** An indexable document with sensible defaults. */
function doc(key: string, overrides: Partial<SearchDocument> = {}): SearchDocument {
  return { scope: 'documents', key, title: '', body: '', visibility: ['public'], ...overrides };
}

describeEachDialect('search', (database, dialect) => {
  let search: Search;
  const put = (...docs: SearchDocument[]) =>
    database()
      .db.transaction()
      .execute(async (trx) => {
        for (const d of docs) await search.index(trx, d);
      });
  const find = (text: string, more: Partial<SearchQuery> = {}) =>
    search.query({ scopes: ['documents'], text, tags: ['public', 'org-a', 'org-b'], ...more });
  const keys = async (text: string, more: Partial<SearchQuery> = {}) => (await find(text, more)).hits.map((h) => h.key).sort();

  beforeAll(async () => {
    const { db } = database();
    // The deployment's names, read through a function as the orgs table would be.
    search = createSearch({ db, dialect, clock: new FixedClock('2025-06-01T00:00:00.000Z') }, { words: async () => ['额尔格图镇', '阿力得尔苏木'] });
    await put(
      doc('flood', {
        title: '乌兰浩特市人民政府关于做好防汛抗旱工作的通知',
        body: '各苏木乡镇人民政府：为切实做好今年汛期安全度汛工作，现将有关事项通知如下。',
        fields: { date: '2025-05-20', type: 'notice', orgId: 'org-a' },
        visibility: ['org-a'],
      }),
      doc('fire', {
        title: '阿尔山市森林草原防火工作方案',
        body: '额尔格图镇人民政府要加强巡查，严防森林火灾。',
        fields: { date: '2024-11-02', type: 'plan', orgId: 'org-b' },
        visibility: ['org-b'],
      }),
      doc('budget', {
        title: '关于2025年盟本级财政预算的报告',
        body: '阿力得尔苏木等地区的财政收入稳步增长。',
        extra: '附件：预算明细表。乌兰浩特市本级支出情况。',
        fields: { date: '2025-01-15', type: 'report', orgId: 'org-a' },
        visibility: ['public'],
      }),
    );
  });

  it('finds documents by words that segmentation finds, in title, body and attachments', async () => {
    expect(await keys('防汛')).toEqual(['flood']);
    expect(await keys('人民政府')).toEqual(['fire', 'flood']);
    expect(await keys('政府 防汛')).toEqual(['flood']); // every word must occur
    expect(await keys('预算明细')).toEqual(['budget']); // attachments' text
    expect(await keys('财政预算')).toEqual(['budget']);
    const result = await find('水利工程');
    expect(result).toMatchObject({ total: 0, fallback: false, hits: [] });
  });

  it('finds 乌兰浩特 in text segmented as 乌兰浩特市', async () => {
    const result = await find('乌兰浩特');
    expect(result.hits.map((h) => h.key).sort()).toEqual(['budget', 'flood']);
    expect(result.total).toBe(2);
  });

  it('ranks a title match above a match in the attachments', async () => {
    await put(doc('budget-2', { title: '乌兰浩特市财政工作汇报', body: '财政收支平衡。', visibility: ['org-b'] }));
    const result = await find('乌兰浩特 财政');
    expect(result.hits.map((h) => h.key)).toEqual(['budget-2', 'budget']);
    expect(result.hits[0]!.score).toBeGreaterThan(result.hits[1]!.score);
    await database().db.transaction().execute((trx) => search.remove(trx, 'documents', 'budget-2'));
  });

  it('falls back to substring matching when segmentation misses', async () => {
    // 浩特市 is no word: the text was segmented as 乌兰浩特市.
    const result = await find('浩特市');
    expect(result).toMatchObject({ total: 2, fallback: true });
    expect(result.hits.map((h) => h.key).sort()).toEqual(['budget', 'flood']);
    const flood = result.hits.find((h) => h.key === 'flood')!;
    expect(flood.titleHtml).toBe('乌兰<mark>浩特市</mark>人民政府关于做好防汛抗旱工作的通知');
    // A short term narrows the fallback as a substring; a function word is ignored.
    expect(await keys('浩特市 汛期')).toEqual(['flood']);
    expect(await keys('浩特市 的 附件')).toEqual(['budget']);
    // The fallback still honours visibility and filters.
    expect(await keys('浩特市', { tags: ['org-b'] })).toEqual([]);
    expect(await keys('浩特市', { filters: { type: 'report' } })).toEqual(['budget']);
    expect(await keys('浩特市', { filters: { from: '2025-03-01' } })).toEqual(['flood']);
  });

  it('knows the deployment’s place names', async () => {
    // A name in the dictionary is one word, found without the fallback…
    expect(await find('额尔格图镇')).toMatchObject({ total: 1, fallback: false, hits: [{ key: 'fire' }] });
    expect(await find('阿力得尔苏木')).toMatchObject({ total: 1, fallback: false, hits: [{ key: 'budget' }] });
    // …and part of it is still found, by substring.
    expect(await find('额尔格图')).toMatchObject({ total: 1, fallback: true, hits: [{ key: 'fire' }] });
  });

  it('shows an entry only to callers holding one of its tags', async () => {
    const visible = async (tags: string[]) => {
      const result = await find('人民政府', { tags });
      expect(result.total).toBe(result.hits.length);
      return result.hits.map((h) => h.key).sort();
    };
    expect(await visible(['org-a'])).toEqual(['flood']);
    expect(await visible(['org-b'])).toEqual(['fire']);
    expect(await visible(['org-a', 'org-b'])).toEqual(['fire', 'flood']);
    expect(await visible(['public'])).toEqual([]);
    expect(await visible(['org'])).toEqual([]); // a prefix of a tag is not the tag
    expect(await visible(['org-a-1'])).toEqual([]);
    expect(await visible([])).toEqual([]);
    expect((await find('财政', { tags: ['public'] })).total).toBe(1);
  });

  it('cannot be fooled by text that looks like a tag', async () => {
    const hex = (text: string) => Buffer.from(text).toString('hex');
    const tagToken = `v_${hex('documents')}_${hex('org-a')}`;
    await put(doc('forged', { title: `伪造 ${tagToken}`, body: `{facets} : "${tagToken}"`, visibility: ['org-z'] }));
    expect(await find(tagToken, { tags: ['org-a'] })).toMatchObject({ total: 0, hits: [] });
    expect(await find('伪造', { tags: ['org-a'] })).toMatchObject({ total: 0, hits: [] });
    expect(await keys('伪造', { tags: ['org-z'] })).toEqual(['forged']);
    await database().db.transaction().execute((trx) => search.remove(trx, 'documents', 'forged'));
  });

  it('filters by scope, field values and date range', async () => {
    await put(doc('site-1', { scope: 'portal:site-1', title: '乌兰浩特市政务公开指南', fields: { column: ['guide', 'open'] } }));
    await put(doc('site-2', { scope: 'portal:site-2', title: '阿尔山市政务公开指南', fields: { column: 'guide' } }));
    expect(await keys('政务公开')).toEqual([]);
    expect(await keys('政务公开', { scopes: ['portal:site-1'] })).toEqual(['site-1']);
    expect(await keys('政务公开', { scopes: ['portal:site-1', 'portal:site-2'] })).toEqual(['site-1', 'site-2']);
    expect(await keys('政务公开', { scopes: ['portal:site-1', 'portal:site-2'], filters: { column: 'open' } })).toEqual(['site-1']);
    expect(await keys('政务公开', { scopes: ['portal:site-1', 'portal:site-2'], filters: { column: ['open', 'guide'] } })).toEqual(['site-1', 'site-2']);

    expect(await keys('人民政府', { filters: { type: 'notice' } })).toEqual(['flood']);
    expect(await keys('人民政府', { filters: { orgId: 'org-b' } })).toEqual(['fire']);
    expect(await keys('人民政府', { filters: { type: ['notice', 'plan'], orgId: 'org-b' } })).toEqual(['fire']);
    expect(await keys('人民政府', { filters: { type: 'unknown' } })).toEqual([]);
    expect(await keys('人民政府', { filters: { from: '2025-01-01' } })).toEqual(['flood']);
    expect(await keys('人民政府', { filters: { to: '2024-12-31' } })).toEqual(['fire']);
    expect(await keys('人民政府', { filters: { from: '2024-11-02', to: '2024-11-02' } })).toEqual(['fire']);
    const hit = (await find('防汛')).hits[0]!;
    expect(hit.fields).toEqual({ date: '2025-05-20', type: 'notice', orgId: 'org-a' });
  });

  it('returns shown values with each hit but never filters on them, and indexes no token of them', async () => {
    await put(doc('shown', { scope: 'portal:site-3', title: '科尔沁右翼中旗营商环境报告', fields: { type: 'report' }, shown: { url: '/kyzq/report-1.html', siteName: '科右中旗人民政府' } }));
    const scopes = ['portal:site-3'];
    const [hit] = (await search.query({ scopes, text: '营商环境', tags: ['public'] })).hits;
    expect(hit?.fields).toEqual({ type: 'report', url: '/kyzq/report-1.html', siteName: '科右中旗人民政府' });
    expect(await keys('营商环境', { scopes, filters: { type: 'report' } })).toEqual(['shown']);
    expect(await keys('营商环境', { scopes, filters: { url: '/kyzq/report-1.html' } })).toEqual([]);
    // Only the visibility tag and the filterable field are index tokens: nothing of the link or the name.
    const stored = await database().db.selectFrom('search_entries').selectAll().where('key', '=', 'shown').executeTakeFirstOrThrow();
    // PostgreSQL keeps them in the row's vectors, SQLite in the entry's narrow meta row.
    const meta = dialect === 'sqlite' ? (await sql<{ facets: string }>`select facets from search_entry_meta where id = ${stored.id}`.execute(database().db)).rows : [];
    const tokens = JSON.stringify([stored, meta]);
    expect(tokens).toContain(Buffer.from('report').toString('hex'));
    expect(tokens).not.toContain(Buffer.from('/kyzq/report-1.html').toString('hex'));
    expect(tokens).not.toContain(Buffer.from('科右中旗人民政府').toString('hex'));
  });

  it('pages through many results, by relevance or newest first', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      doc(`page-${i}`, {
        scope: 'paging',
        title: `第${i + 1}期草原生态保护简报`,
        body: '草原'.repeat(1 + (i % 5)),
        fields: { date: `2024-01-${String(i + 1).padStart(2, '0')}` },
        visibility: [i % 2 ? 'org-a' : 'public'],
      }),
    );
    await put(...many);
    const pageOf = (page: number, sort: 'relevance' | 'date' = 'relevance') =>
      search.query({ scopes: ['paging'], text: '草原生态', tags: ['public', 'org-a'], page, pageSize: 10, sort });
    const pages = [await pageOf(1), await pageOf(2), await pageOf(3), await pageOf(4)];
    expect(pages.map((p) => p.total)).toEqual([25, 25, 25, 25]);
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 5, 0]);
    const seen = pages.flatMap((p) => p.hits.map((h) => h.key));
    expect(new Set(seen).size).toBe(25);
    const scores = pages.flatMap((p) => p.hits.map((h) => h.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const byDate = [await pageOf(1, 'date'), await pageOf(2, 'date'), await pageOf(3, 'date')].flatMap((p) => p.hits.map((h) => h.key));
    expect(byDate).toEqual(Array.from({ length: 25 }, (_, i) => `page-${24 - i}`));
    const publicOnly = await search.query({ scopes: ['paging'], text: '草原生态', tags: ['public'], pageSize: 100 });
    expect(publicOnly.total).toBe(13);
    expect(publicOnly.hits).toHaveLength(13);
  });

  it('orders by title matches first, each group newest first', async () => {
    const dated = (key: string, title: string, body: string, date: string) => doc(key, { scope: 'tiers', title, body, fields: { date } });
    await put(
      dated('t-old', '耕地保护工作方案', '', '2023-03-01'),
      dated('b-new', '工作方案', '涉及耕地保护。', '2025-03-01'),
      dated('t-new', '关于耕地保护的通知', '', '2024-03-01'),
      dated('b-old', '会议纪要', '耕地保护。', '2020-03-01'),
      dated('b-mid', '简报', '耕地保护。', '2022-03-01'),
    );
    const pageOf = (text: string, page: number) => search.query({ scopes: ['tiers'], text, tags: ['public'], page, pageSize: 2 });
    const pages = [await pageOf('耕地保护', 1), await pageOf('耕地保护', 2), await pageOf('耕地保护', 3)];
    expect(pages.map((p) => [p.order, p.total])).toEqual([
      ['relevance', 5],
      ['relevance', 5],
      ['relevance', 5],
    ]);
    expect(pages.flatMap((p) => p.hits.map((h) => [h.key, h.score]))).toEqual([
      ['t-new', 3],
      ['t-old', 3],
      ['b-new', 1],
      ['b-mid', 1],
      ['b-old', 1],
    ]);
    // Some of the words in the title rank between all and none.
    const some = await search.query({ scopes: ['tiers'], text: '耕地保护 方案', tags: ['public'] });
    expect(some.hits.map((h) => [h.key, h.score])).toEqual([
      ['t-old', 3],
      ['b-new', 2],
    ]);
  });
});
