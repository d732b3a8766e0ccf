import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { searchOf } from './disclosure.deps.js';
import { disclosureHarness, refs, type DisclosureHarness, type Json } from './disclosure.testing.js';

describeEachDialect('disclosure: catalogue and index numbers', (database) => {
  let h: DisclosureHarness;
  let office: string;
  const editor = () => h.as('portal.editor');
  const create = async (title: string, documentDate = '2026-11-20', extra: Record<string, unknown> = {}) =>
    h.call(await editor(), 'POST', '/api/v1/disclosure/entries', { orgId: office, title, category: 'regulations', summary: '关于农村牧区人居环境整治的规范性文件', documentDate, ...extra });

  beforeAll(async () => {
    h = await disclosureHarness(database(), '2026-11-27T02:00:00.000Z');
    office = await h.org(refs.xshOffice);
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('numbers parallel creations consecutively, each once, as 机构代码/年-序号', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => create(`兴安盟行政公署办公室并发条目${i + 1}`)));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const numbers = answers.map((a) => a.body.indexNumber as string);
    expect(new Set(numbers).size).toBe(8);
    for (const n of numbers) expect(n).toMatch(/^[0-9A-Z]{9}\/2026-\d{5}$/);
    expect(new Set(numbers.map((n) => n.split('/')[0])).size).toBe(1);
    expect(numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const settings = await h.call(await editor(), 'GET', `/api/v1/disclosure/orgs/${office}`);
    expect(settings.body).toMatchObject({ orgCode: numbers[0]!.split('/')[0], orgCodeSource: 'derived' });
  });

  it('never reuses a number: a withdrawn entry keeps its number and the next one follows', async () => {
    const first = await create('将被撤回的条目');
    const withdrawn = await h.call(await editor(), 'POST', `/api/v1/disclosure/entries/${first.body.id}/withdraw`, { reason: '重复录入' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', indexNumber: first.body.indexNumber });
    const next = await create('撤回之后的条目');
    expect(Number(next.body.indexNumber.slice(-5))).toBe(Number(first.body.indexNumber.slice(-5)) + 1);
  });

  it('flags entries published more than 20 working days after 成文日期, and indexes published ones for search', async () => {
    const timely = await create('兴安盟及时公开的规划文件', '2026-11-02');
    const late = await create('兴安盟超期公开的统计公报', '2026-10-09');
    const a = await h.call(await editor(), 'POST', `/api/v1/disclosure/entries/${timely.body.id}/publish`);
    const b = await h.call(await editor(), 'POST', `/api/v1/disclosure/entries/${late.body.id}/publish`);
    expect(a.body).toMatchObject({ status: 'published', publishDate: '2026-11-27', late: false, workingDaysToPublish: 19 });
    expect(b.body).toMatchObject({ late: true, workingDaysToPublish: 36 });
    const found = await searchOf(h.database.db).query({ scopes: ['portal'], text: '统计公报', tags: ['public'], filters: { type: 'disclosure' } });
    expect(found.hits.map((hit) => hit.key)).toEqual([`disclosure:${late.body.id}`]);
    await h.call(await editor(), 'POST', `/api/v1/disclosure/entries/${late.body.id}/withdraw`, { reason: '内容有误' });
    expect((await searchOf(h.database.db).query({ scopes: ['portal'], text: '统计公报', tags: ['public'] })).hits).toEqual([]);
  });

  it('marks validity with its note and date, refusing 废止 without them', async () => {
    const entry = await create('兴安盟某暂行办法');
    const bare = await h.call(await editor(), 'POST', `/api/v1/disclosure/entries/${entry.body.id}/validity`, { validity: 'abolished' });
    expect([bare.status, bare.code]).toEqual([422, 'disclosure.validity_note_required']);
    const marked = await h.call(await editor(), 'POST', `/api/v1/disclosure/entries/${entry.body.id}/validity`, { validity: 'abolished', note: '被兴署发〔2026〕9号废止', date: '2026-11-01' });
    expect(marked.body).toMatchObject({ validity: 'abolished', validityNote: '被兴署发〔2026〕9号废止', validityDate: '2026-11-01' });
  });

  it('refuses bad input with clear errors and keeps the guide sanitised and versioned', async () => {
    expect((await create('未来的文件', '2026-12-30')).code).toBe('disclosure.future_date');
    expect((await create('X')).status).toBe(400);
    const saved = await h.call(await editor(), 'PUT', `/api/v1/disclosure/orgs/${office}/texts/guide`, { bodyHtml: '<h2>一、主动公开</h2><p onclick="x()">本机关主动公开<script>alert(1)</script>政府信息。</p>' });
    expect(saved.body.guide).toMatchObject({ version: 1, bodyHtml: '<h2>一、主动公开</h2><p>本机关主动公开政府信息。</p>' });
    await h.call(await editor(), 'PUT', `/api/v1/disclosure/orgs/${office}/texts/guide`, { bodyHtml: '<p>第二版指南</p>' });
    const versions = await h.call(await editor(), 'GET', `/api/v1/disclosure/orgs/${office}/texts/guide`);
    expect(versions.body.items.map((v: Json) => v.version)).toEqual([2, 1]);
  });

  it('lets only the organisation’s editors write, and hides other organisations’ catalogues', async () => {
    const entry = await create('仅本机关可见的草稿');
    const reviewer = await h.as('portal.reviewer');
    expect((await h.call(reviewer, 'GET', `/api/v1/disclosure/entries/${entry.body.id}`)).status).toBe(200);
    expect((await h.call(reviewer, 'PATCH', `/api/v1/disclosure/entries/${entry.body.id}`, { summary: '改' })).status).toBe(403);
    const stranger = await h.user('discl.fgw.editor', refs.fgw, 'editor');
    expect((await h.call(stranger, 'GET', `/api/v1/disclosure/entries/${entry.body.id}`)).status).toBe(404);
    expect((await h.call(stranger, 'GET', `/api/v1/disclosure/entries?orgId=${office}`)).status).toBe(404);
  });
});
