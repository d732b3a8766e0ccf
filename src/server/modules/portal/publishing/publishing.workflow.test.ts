import { readFile } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG } from '../portal-search.js';
import { publishingSearch } from './article-index.js';
import { publishingFixture } from './publishing.testing.js';

type Fixture = Awaited<ReturnType<typeof publishingFixture>>;

describeEachDialect('portal publishing: articles and their review', (database) => {
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  let fx: Fixture;
  let policies: string;
  let news: string;

  beforeAll(async () => {
    fx = await publishingFixture(database(), clock);
    policies = await fx.columnId('main', 'policies');
    news = await fx.columnId('main', 'news/local');
  }, 60_000);

  const found = async (text: string) =>
    (await publishingSearch(database().db).query({ scopes: [PORTAL_SEARCH_SCOPE], text, tags: [PUBLIC_TAG] }, database().db)).hits.map((h) => h.key);

  async function draft(columnId: string, title: string, extra: Record<string, unknown> = {}) {
    const created = await fx.call('portal.editor', 'POST', '/portal/articles', { columnId, title, bodyHtml: '<p>正文第一段。</p>', ...extra });
    expect(created.status).toBe(201);
    return created.json;
  }
  async function submitted(columnId: string, title: string) {
    const article = await draft(columnId, title);
    const sent = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/submit`, { revision: article.revision });
    expect(sent.status).toBe(200);
    return sent.json;
  }

  it('keeps every save as a version with a diff, sanitises the body and fields, and refuses edits after submission', async () => {
    const article = await draft(news, '<script>alert(1)</script>兴安盟推进数字政府建设', {
      bodyHtml: '<p onclick="x()">数字政府<img src="https://evil.example/x.png"><img src="/api/v1/portal/files/abc-1"></p><script>steal()</script><a href="javascript:alert(1)">链接</a><table><tr><td colspan="2">表</td></tr></table>',
      source: '<b>行署办公室</b>',
    });
    expect(article.title).toBe('兴安盟推进数字政府建设');
    expect(article.source).toBe('行署办公室');
    expect(article.bodyHtml).not.toMatch(/script|onclick|evil|javascript/);
    expect(article.bodyHtml).toContain('<img src="/api/v1/portal/files/abc-1" />');
    expect(article.bodyHtml).toContain('<td colspan="2">表</td>');
    expect(article).toMatchObject({ status: 'draft', version: 1, actions: expect.arrayContaining(['edit', 'submit']) });

    const edited = await fx.call('portal.editor', 'PATCH', `/portal/articles/${article.id}`, { revision: article.revision, bodyHtml: '<p>数字政府建设全面提速。</p>', tags: ['数字政府'] });
    expect(edited.json).toMatchObject({ version: 2, tags: ['数字政府'] });
    const stale = await fx.call('portal.editor', 'PATCH', `/portal/articles/${article.id}`, { revision: article.revision, title: '旧版本上的修改' });
    expect(stale).toMatchObject({ status: 409, json: { error: { code: 'portal.changed_concurrently' } } });

    const versions = await fx.call('portal.editor', 'GET', `/portal/articles/${article.id}/versions`);
    expect(versions.json.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    const diff = await fx.call('portal.reviewer', 'GET', `/portal/articles/${article.id}/diff?from=1&to=2`);
    expect(diff.json.parts.some((p: { op: string; text: string }) => p.op === 'insert' && p.text.includes('提速'))).toBe(true);
    expect(diff.json.fields).toEqual([{ field: 'tags', before: [], after: ['数字政府'] }]);

    const sent = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/submit`, { revision: edited.json.revision });
    expect(sent.json).toMatchObject({ status: 'submitted', actions: ['read'] });
    const late = await fx.call('portal.editor', 'PATCH', `/portal/articles/${article.id}`, { revision: sent.json.revision, title: '送审后修改' });
    expect(late).toMatchObject({ status: 409, json: { error: { code: 'portal.not_editable' } } });
  });

  it('refuses the author as reviewer even when he holds the reviewer role, and lets a second person approve once', async () => {
    const article = await submitted(policies, '兴安盟关于促进肉牛产业发展的若干措施');
    const editorId = (await database().db.selectFrom('users').select('id').where('username', '=', 'portal.editor').executeTakeFirstOrThrow()).id;
    const bgs = (await database().db.selectFrom('users').select('org_id').where('username', '=', 'portal.editor').executeTakeFirstOrThrow()).org_id;
    await database().db.insertInto('user_roles').values({ user_id: editorId, role: 'reviewer', org_id: bgs, scope: 'org' } as never).execute();
    await fx.signInAll();
    const self = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/approve`, { revision: article.revision, publish: 'now' });
    expect(self).toMatchObject({ status: 403, json: { error: { code: 'portal.self_review' } } });
    expect((await fx.call('portal.editor', 'GET', `/portal/articles/${article.id}`)).json.actions).not.toContain('approve');
    const queue = await fx.call('portal.editor', 'GET', '/portal/articles?view=review');
    expect(queue.json.items.map((i: { id: string }) => i.id)).not.toContain(article.id);
    await database().db.deleteFrom('user_roles').where('user_id', '=', editorId).where('role', '=', 'reviewer').execute();
    await fx.signInAll();

    const waiting = await fx.call('portal.reviewer', 'GET', '/portal/articles?view=review&q=肉牛');
    expect(waiting.json.items.map((i: { id: string }) => i.id)).toEqual([article.id]);

    const approved = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/approve`, { revision: article.revision, publish: 'now' });
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'published', publishedAt: clock.now().toISOString(), reviewedByName: '孙审核', url: `/policies/${article.serial}.html` });
    expect(approved.json.events.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'approve', 'publish']);
    // Published: the reviewer may now withdraw it or mark its validity, and approve no more.
    expect(approved.json.actions).not.toContain('approve');
    expect(approved.json.actions).toContain('withdraw');
    const again = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/approve`, { revision: article.revision, publish: 'now' });
    expect(again.status).toBe(409);
    expect(await found('肉牛产业')).toContain(`article:${article.id}`);
  });

  it('refuses a back-dated schedule and publishes a scheduled article when due, at the time of publication', async () => {
    const article = await submitted(news, '阿尔山冰雪节开幕');
    const past = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/approve`, { revision: article.revision, publish: 'at', publishAt: '2026-11-27T01:59:00.000Z' });
    expect(past).toMatchObject({ status: 422, json: { error: { code: 'portal.backdated' } } });
    const scheduled = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/approve`, { revision: article.revision, publish: 'at', publishAt: '2026-11-28T00:30:00.000Z' });
    expect(scheduled.json).toMatchObject({ status: 'scheduled', publishAt: '2026-11-28T00:30:00.000Z', publishedAt: null });
    expect(await fx.worker.tick()).toBe(0);
    expect(await found('冰雪节')).not.toContain(`article:${article.id}`);

    clock.set('2026-11-28T00:31:00.000Z'); // the worker was down for a minute: it still publishes, at its own time
    await fx.signInAll();
    expect(await fx.worker.tick()).toBe(1);
    const published = await fx.call('portal.editor', 'GET', `/portal/articles/${article.id}`);
    expect(published.json).toMatchObject({ status: 'published', publishedAt: '2026-11-28T00:31:00.000Z' });
    expect(published.json.events.at(-1)).toMatchObject({ action: 'publish', actorName: '系统' });
    expect(await found('冰雪节')).toContain(`article:${article.id}`);
  });

  it('sends back with a mandatory reason, and the author edits and resubmits', async () => {
    const article = await submitted(news, '全盟秋季防火工作部署会召开');
    const noReason = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/reject`, { revision: article.revision, reason: '  ' });
    expect(noReason).toMatchObject({ status: 422, json: { error: { code: 'portal.reason_required' } } });
    const rejected = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/reject`, { revision: article.revision, reason: '请补充会议时间' });
    expect(rejected.json).toMatchObject({ status: 'rejected', rejectReason: '请补充会议时间' });
    const mine = await fx.call('portal.editor', 'GET', '/portal/articles?view=mine&status=rejected');
    expect(mine.json.items.map((i: { id: string }) => i.id)).toContain(article.id);
    const edited = await fx.call('portal.editor', 'PATCH', `/portal/articles/${article.id}`, { revision: rejected.json.revision, summary: '11月20日召开' });
    const resent = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/submit`, { revision: edited.json.revision });
    expect(resent.json).toMatchObject({ status: 'submitted', rejectReason: null });
  });

  it('withdraws with a reason: the notice stays, the search entry goes; a policy is marked abolished', async () => {
    const article = await submitted(policies, '兴安盟草原禁牧休牧办法');
    const live = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/approve`, { revision: article.revision, publish: 'now' });
    const marked = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/validity`, { revision: live.json.revision, validity: 'abolished', note: '已被新办法废止', validityOn: '2026-11-01' });
    expect(marked.json).toMatchObject({ validity: 'abolished', validityNote: '已被新办法废止', validityOn: '2026-11-01' });
    const newsArticle = await submitted(news, '草原新闻一则');
    const newsLive = await fx.call('portal.reviewer', 'POST', `/portal/articles/${newsArticle.id}/approve`, { revision: newsArticle.revision, publish: 'now' });
    const notPolicy = await fx.call('portal.editor', 'POST', `/portal/articles/${newsArticle.id}/validity`, { revision: newsLive.json.revision, validity: 'expired', note: '过期' });
    expect(notPolicy).toMatchObject({ status: 422, json: { error: { code: 'portal.validity_not_policy' } } });

    expect(await found('禁牧休牧')).toContain(`article:${article.id}`);
    const noReason = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/withdraw`, { revision: marked.json.revision, reason: '' });
    expect(noReason.json.error.code).toBe('portal.reason_required');
    const withdrawn = await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/withdraw`, { revision: marked.json.revision, reason: '内容需更正' });
    expect(withdrawn.json).toMatchObject({ status: 'withdrawn', withdrawReason: '内容需更正', withdrawnAt: clock.now().toISOString(), publishedAt: live.json.publishedAt });
    expect(await found('禁牧休牧')).not.toContain(`article:${article.id}`);
  });

  it('checks translations and interpretations, and answers other organisations with not found', async () => {
    const original = await draft(news, '兴安盟大米品牌推介会举行');
    const bad = await fx.call('portal.editor', 'POST', '/portal/articles', { columnId: news, title: '译文', lang: 'zh-CN', translationOf: original.id });
    expect(bad.json.error.code).toBe('portal.translation_invalid');
    const mn = await fx.call('portal.editor', 'POST', '/portal/articles', { columnId: news, title: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ', lang: 'mn-Mong', translationOf: original.id });
    expect(mn.status).toBe(201);
    const notPolicy = await fx.call('portal.editor', 'POST', '/portal/articles', { columnId: news, title: '解读', interpretsId: original.id });
    expect(notPolicy.json.error.code).toBe('portal.interprets_invalid');
    expect((await fx.call('aes.editor', 'GET', `/portal/articles/${original.id}`)).status).toBe(404);
    expect((await fx.call('aes.editor', 'POST', '/portal/articles', { columnId: news, title: '越权' })).status).toBe(404);
    expect((await fx.call('xsh.clerk', 'GET', '/portal/articles')).status).toBe(403);
  });

  it('takes covers as pictures only and serves files of published articles to anyone', async () => {
    const article = await draft(news, '带封面的文章');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const notImage = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/cover?name=a.txt`, 'hello', { 'content-type': 'text/plain' });
    expect(notImage.status).toBe(415);
    const disguised = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/cover?name=a.png`, 'MZ not a picture', { 'content-type': 'image/png' });
    expect(disguised).toMatchObject({ status: 415, json: { error: { code: 'portal.upload_type_mismatch' } } });
    const cover = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/cover?name=cover.png`, png, { 'content-type': 'image/png' });
    expect(cover.status).toBe(201);
    const fileUrl = cover.json.cover.url as string;
    expect((await fx.call(undefined, 'GET', fileUrl.replace('/api/v1', ''))).status).toBe(404); // a draft's file is not public
    const sent = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/submit`, { revision: cover.json.revision });
    await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/approve`, { revision: sent.json.revision, publish: 'now' });
    const publicFile = await fx.call(undefined, 'GET', fileUrl.replace('/api/v1', ''));
    expect(publicFile.status).toBe(200);
    expect(publicFile.headers['content-type']).toBe('image/png');
  });

  it("finds a published article by its attachments' text, and only once it is published", async () => {
    // fixtures/notice.pdf: a two-page notice with a Chinese text layer (扎赉特旗应急物资储备清单 on page 2).
    const pdf = await readFile(new URL('../../../platform/search/fixtures/notice.pdf', import.meta.url));
    const article = await draft(news, '防汛工作部署会召开');
    const attached = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/attachments?name=notice.pdf&title=${encodeURIComponent('防汛通知')}`, pdf, { 'content-type': 'application/pdf' });
    expect(attached.status).toBe(201);
    const key = `article:${article.id}`;
    expect(await found('应急物资储备')).not.toContain(key);
    const sent = await fx.call('portal.editor', 'POST', `/portal/articles/${article.id}/submit`, { revision: attached.json.revision });
    await fx.call('portal.reviewer', 'POST', `/portal/articles/${article.id}/approve`, { revision: sent.json.revision, publish: 'now' });
    expect(await found('应急物资储备')).toContain(key);
    expect(await found('防汛通知')).toContain(key);
  });
});
