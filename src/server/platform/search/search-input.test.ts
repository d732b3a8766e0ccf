import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { AppError } from '../errors/app-error.js';
import { createSearch, type Search, type SearchDocument } from './index.js';

const hinggan = '\u182C\u1822\u1829\u182D\u1820\u1828'; // ᠬᠢᠩᠭᠠᠨ
const hingganWithFvs = '\u182C\u1822\u1829\u182D\u180B\u1820\u1828';
const aimag = '\u1820\u1836\u1822\u182E\u1820\u182D'; // ᠠᠶᠢᠮᠠᠭ (league)

function doc(key: string, overrides: Partial<SearchDocument> = {}): SearchDocument {
  return { scope: 'documents', key, title: '', body: '', visibility: ['public'], ...overrides };
}

describeEachDialect('search input', (database, dialect) => {
  let search: Search;
  const put = (...docs: SearchDocument[]) =>
    database()
      .db.transaction()
      .execute(async (trx) => {
        for (const d of docs) await search.index(trx, d);
      });
  const find = (text: string) => search.query({ scopes: ['documents'], text, tags: ['public'] });
  const keys = async (text: string) => (await find(text)).hits.map((h) => h.key).sort();

  beforeAll(async () => {
    search = createSearch({ db: database().db, dialect });
    await put(
      doc('html', {
        title: '<script>alert("防汛")</script> 防汛 & 抗旱',
        body: '请注意 <b>防汛</b> 物资 & "储备"，联系 O\'Brien。',
      }),
      doc('attachment', { title: '会议纪要', body: '会议研究了有关事项。', extra: `附件二：${'说明'.repeat(100)}森林防火物资清单` }),
      doc('mongolian', { title: `${hingganWithFvs} ${aimag}`, body: `${hinggan}\u202F\u1824\u1828 ${aimag} 兴安盟` }),
    );
  });

  it('escapes HTML in titles and snippets and marks only the matches', async () => {
    const [hit] = (await find('防汛')).hits;
    expect(hit!.titleHtml).toBe('&lt;script&gt;alert(&quot;<mark>防汛</mark>&quot;)&lt;/script&gt; <mark>防汛</mark> &amp; 抗旱');
    expect(hit!.snippet).toBe('请注意 &lt;b&gt;<mark>防汛</mark>&lt;/b&gt; 物资 &amp; &quot;储备&quot;，联系 O&#39;Brien。');
    expect(hit!.title).toBe('<script>alert("防汛")</script> 防汛 & 抗旱'); // the plain title, for the caller to escape
  });

  it('shows the attachments’ passage when only the attachments match', async () => {
    const [hit] = (await find('森林防火')).hits;
    expect(hit!.key).toBe('attachment');
    expect(hit!.snippet).toMatch(/^….*<mark>森林防火<\/mark>物资清单$/u);
  });

  it('matches Mongolian however its variation selectors and suffix spaces are encoded', async () => {
    expect(await keys(hinggan)).toEqual(['mongolian']);
    expect(await keys(hingganWithFvs)).toEqual(['mongolian']);
    expect(await keys(`${aimag}\u200D`)).toEqual(['mongolian']);
    expect(await keys('\u1824\u1828')).toEqual(['mongolian']); // the suffix after NNBSP is a word of its own
    const [hit] = (await find(hinggan)).hits;
    // The title keeps its original encoding inside the mark.
    expect(hit!.titleHtml).toBe(`<mark>${hingganWithFvs}</mark> ${aimag}`);
  });

  it('finds substrings of text written in full-width letters', async () => {
    await put(doc('fullwidth', { title: 'ＡＢＣ防疫站工作简报' }));
    expect(await find('bc防疫')).toMatchObject({ total: 1, fallback: true, hits: [{ key: 'fullwidth', titleHtml: 'Ａ<mark>ＢＣ防疫</mark>站工作简报' }] });
    expect(await keys('abc')).toEqual(['fullwidth']);
  });

  it('replaces an entry when indexed again, and removes it', async () => {
    await put(doc('changing', { title: '草原防火通告', fields: { type: 'notice' } }));
    expect(await keys('草原防火')).toEqual(['changing']);
    await put(doc('changing', { title: '秸秆禁烧通告', fields: { type: 'notice' } }));
    expect(await keys('草原防火')).toEqual([]);
    expect(await find('秸秆禁烧')).toMatchObject({ total: 1, hits: [{ key: 'changing', title: '秸秆禁烧通告' }] });
    expect(await find('禁烧通')).toMatchObject({ total: 1, fallback: true }); // the substring index was replaced too
    expect(await find('防火通')).toMatchObject({ total: 0 });

    const { db } = database();
    expect(await db.transaction().execute((trx) => search.remove(trx, 'documents', 'changing'))).toBe(true);
    expect(await find('秸秆禁烧')).toMatchObject({ total: 0, hits: [] });
    expect(await find('禁烧通')).toMatchObject({ total: 0, hits: [] });
    expect(await db.transaction().execute((trx) => search.remove(trx, 'documents', 'changing'))).toBe(false);
  });

  it('writes in the caller’s transaction: a rollback leaves no entry', async () => {
    const { db } = database();
    await expect(
      db.transaction().execute(async (trx) => {
        await search.index(trx, doc('rolled-back', { title: '撤回的草稿' }));
        throw new Error('business write failed');
      }),
    ).rejects.toThrow('business write failed');
    expect(await find('草稿')).toMatchObject({ total: 0 });
  });

  it('removes a whole scope', async () => {
    await put(doc('a', { scope: 'portal:old', title: '旧站点文章' }), doc('b', { scope: 'portal:old', title: '旧站点公告' }));
    const inScope = () => search.query({ scopes: ['portal:old'], text: '旧站点', tags: ['public'] });
    expect((await inScope()).total).toBe(2);
    expect(await database().db.transaction().execute((trx) => search.removeScope(trx, 'portal:old'))).toBe(2);
    expect((await inScope()).total).toBe(0);
  });

  it('finds the same after the indexes are compacted', async () => {
    const before = await find('防汛');
    await search.optimize();
    expect(await find('防汛')).toEqual(before);
    expect(await keys('森林防火')).toEqual(['attachment']);
    expect(await find('林防火物')).toMatchObject({ total: 1, fallback: true });
  });

  it('treats hostile query text as plain words, never as engine syntax', async () => {
    const hostile = [
      '"', '""', '*', '防汛*', '"防汛" OR "抗旱"', 'NEAR(防汛 抗旱)', '{title}: 防汛', '防汛 NOT 抗旱', '^防汛', '防汛 AND',
      "'", "'; drop table search_entries; --", '防汛 & !抗旱', '防汛 | 抗旱', '防汛:*', '防汛 <-> 抗旱', '\\', '防汛\\', '(防汛',
      '\u0000防汛', '防汛\u0000\u0001', '%_', 'v_7075626c6963', '<mark>防汛</mark>',
    ];
    for (const text of hostile) {
      const result = await find(text).catch((error: unknown) => error);
      if (result instanceof AppError) {
        expect(result.code, text).toBe('search.query_empty');
        continue;
      }
      expect(result, text).toMatchObject({ total: expect.any(Number) });
    }
    expect(await keys('"防汛" OR "抗旱"')).toEqual(['html']); // OR is a word here, and a function word at that
    expect(await keys("'; drop table search_entries; --")).toEqual([]);
    expect(await keys('防汛')).toEqual(['html']); // the table is still there
  });

  it('answers bad queries with search.* errors', async () => {
    const code = (promise: Promise<unknown>) => promise.then(() => 'no error', (error: AppError) => error.code);
    const base = { scopes: ['documents'], tags: ['public'] };
    expect(await code(search.query({ ...base, text: '' }))).toBe('search.query_empty');
    expect(await code(search.query({ ...base, text: '   ' }))).toBe('search.query_empty');
    expect(await code(search.query({ ...base, text: '，。！？“”' }))).toBe('search.query_empty');
    expect(await code(search.query({ ...base, text: '防'.repeat(201) }))).toBe('search.query_too_long');
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    expect(await code(search.query({ ...base, text: words }))).toBe('search.query_too_many_terms');
    expect(await code(search.query({ ...base, text: '防汛', page: 600, pageSize: 20 }))).toBe('search.page_too_deep');
    expect(await code(search.query({ ...base, text: '防汛', pageSize: 1000 }))).toBe('search.query_invalid');
    expect(await code(search.query({ ...base, text: '防汛', page: 0 }))).toBe('search.query_invalid');
    expect(await code(search.query({ ...base, scopes: [], text: '防汛' }))).toBe('search.query_invalid');
    expect(await code(search.query({ ...base, scopes: ['Bad Scope'], text: '防汛' }))).toBe('search.query_invalid');
    expect(await code(search.query({ ...base, text: '防汛', filters: { from: '2025-13-01' } }))).toBe('search.query_invalid');
    expect(await code(search.query({ ...base, text: '防汛', filters: { from: '2025-02-01', to: '2025-01-01' } }))).toBe('search.query_invalid');
    expect(await code(search.query({ ...base, text: '防汛', filters: { 'bad name': 'x' } }))).toBe('search.query_invalid');
    const manyScopes = Array.from({ length: 50 }, (_, i) => `portal:site-${i}`);
    const manyTags = Array.from({ length: 41 }, (_, i) => `org-${i}`);
    expect(await code(search.query({ scopes: manyScopes, tags: manyTags, text: '防汛' }))).toBe('search.query_invalid');
    const error = await search.query({ ...base, text: '防汛', pageSize: 1000 }).catch((e: AppError) => e);
    expect((error as AppError).fields?.[0]).toMatchObject({ path: 'pageSize' });
  });

  it('refuses to index an entry without visibility or with bad fields', async () => {
    const code = (d: SearchDocument) =>
      database()
        .db.transaction()
        .execute((trx) => search.index(trx, d))
        .then(() => 'no error', (error: AppError) => error.code);
    expect(await code(doc('x', { visibility: [] }))).toBe('search.document_invalid');
    expect(await code(doc('x', { fields: { date: '2025/01/01' } }))).toBe('search.document_invalid');
    expect(await code(doc('x', { fields: { from: 'x' } }))).toBe('search.document_invalid');
    expect(await code(doc('', {}))).toBe('search.document_invalid');
    expect(await code(doc('x', { scope: 'Documents' }))).toBe('search.document_invalid');
    // A shown value may not share a filterable field's name (which would the hit show?).
    expect(await code(doc('x', { fields: { site: 'a' }, shown: { site: 'b' } }))).toBe('search.document_invalid');
    expect((await find('x')).total).toBe(0);
  });
});
