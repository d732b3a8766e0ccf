import { beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { createAppContext } from '../../../context.js';
import { seedAll } from '../../../main.js';
import { FixedClock } from '../../../platform/clock.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG } from '../portal-search.js';
import { publishingSearch } from '../publishing/article-index.js';
import { demoArticles } from './demo.articles.js';
import { seedDemoArticles, type DemoArticlesReport } from './demo.seed.js';

describeEachDialect('portal: the demo articles seed', (database) => {
  // A Friday in 2026, 10:00 in Hinggan.
  const now = '2026-11-27T02:00:00.000Z';
  const clock = new FixedClock(now);
  const development = testConfig({ HINGGAN_ENV: 'development' });
  let report: DemoArticlesReport | undefined;
  let afterTestStart = -1;

  const articles = () =>
    database()
      .db.selectFrom('portal_articles as a')
      .innerJoin('portal_sites as s', 's.id', 'a.site_id')
      .innerJoin('portal_columns as c', 'c.id', 'a.column_id')
      .select(['a.id', 'a.title', 'a.lang', 'a.status', 'a.validity', 'a.validity_note', 'a.withdraw_reason', 'a.published_at', 'a.publish_at'])
      .select(['a.translation_of', 'a.interprets_id', 'a.created_by', 'a.reviewed_by', 's.code as site', 'c.id as column_id', 'c.category'])
      .execute();

  beforeAll(async () => {
    // Sites and accounts as a test start writes them (no articles), then the seed as a development start runs it.
    await seedAll(database(), testConfig(), 'demo');
    afterTestStart = (await articles()).length;
    report = await seedDemoArticles(createAppContext({ config: development, database: database(), clock }), { profile: 'demo' });
  }, 180_000);

  it('writes every catalogue article through the workflow, by the site editor and a different reviewer', async () => {
    expect(afterTestStart).toBe(0);
    const rows = await articles();
    expect(rows).toHaveLength(demoArticles.length);
    expect(report).toEqual({ published: demoArticles.length - 1, scheduled: 1, withdrawn: 1, mongolian: demoArticles.filter((a) => a.lang === 'mn-Mong').length });
    expect(new Set(rows.map((r) => r.site))).toEqual(new Set(['main', 'fgw', 'aes', 'tour']));
    for (const row of rows) {
      expect(row.reviewed_by, row.title).toBeTruthy();
      expect(row.reviewed_by).not.toBe(row.created_by);
    }
    const events = await database().db.selectFrom('portal_article_events').select(['action']).execute();
    for (const action of ['create', 'submit', 'approve', 'publish', 'schedule', 'withdraw', 'validity']) {
      expect(events.map((e) => e.action), action).toContain(action);
    }
  });

  it('spreads real publish times over three months, never after the seed, with fresh news in every news column', async () => {
    const rows = await articles();
    const times = rows.filter((r) => r.published_at).map((r) => Date.parse(r.published_at!));
    const nowMs = Date.parse(now);
    expect(Math.max(...times)).toBeLessThanOrEqual(nowMs);
    expect((nowMs - Math.min(...times)) / 86_400_000).toBeGreaterThan(80);
    const newsColumns = await database().db.selectFrom('portal_columns').select(['id', 'name_zh']).where('category', '=', 'news').execute();
    for (const column of newsColumns) {
      const latest = Math.max(...rows.filter((r) => r.column_id === column.id && r.status === 'published').map((r) => Date.parse(r.published_at!)));
      expect((nowMs - latest) / 86_400_000, column.name_zh).toBeLessThan(14);
    }
  });

  it('keeps a withdrawn notice with its reason, an abolished policy with its note, and one scheduled for the future', async () => {
    const rows = await articles();
    const withdrawn = rows.filter((r) => r.status === 'withdrawn');
    expect(withdrawn.map((r) => r.title)).toEqual(['关于调整部分政务服务事项办理地点的公告']);
    expect(withdrawn[0]!.withdraw_reason).toContain('撤回');
    const abolished = rows.filter((r) => r.validity === 'abolished');
    expect(abolished.map((r) => r.title)).toEqual(['兴安盟城镇供热管理暂行办法']);
    expect(abolished[0]!.validity_note).toContain('废止');
    const scheduled = rows.filter((r) => r.status === 'scheduled');
    expect(scheduled).toHaveLength(1);
    expect(Date.parse(scheduled[0]!.publish_at!)).toBeGreaterThan(Date.parse(now));
  });

  it('links Mongolian versions to their originals and interpretations to their policies', async () => {
    const rows = await articles();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const mongolian = rows.filter((r) => r.lang === 'mn-Mong');
    expect(mongolian.length).toBeGreaterThanOrEqual(10);
    for (const version of mongolian) {
      const original = byId.get(version.translation_of!);
      expect(original?.lang, version.title).toBe('zh-CN');
      expect(original!.column_id).toBe(version.column_id);
    }
    const interpretations = rows.filter((r) => r.interprets_id);
    expect(interpretations.length).toBe(demoArticles.filter((a) => a.interprets).length);
    for (const i of interpretations) expect(byId.get(i.interprets_id!)?.category).toBe('notice');
  });

  it('makes the published articles findable in the public search, the withdrawn one not', async () => {
    const search = publishingSearch(database().db);
    const ask = (text: string) => search.query({ scopes: [PORTAL_SEARCH_SCOPE], tags: [PUBLIC_TAG], text, page: 1, pageSize: 50 }, database().db);
    const arxan = await ask('阿尔山');
    expect(arxan.total).toBeGreaterThan(5);
    expect(arxan.hits.map((h) => h.title)).toContain('阿尔山国家森林公园游览指南');
    expect((await ask('兴安盟大米')).hits.map((h) => h.fields.url)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/[a-z/-]+\/\d+\.html$/)]));
    expect((await ask('办理地点调整')).hits.map((h) => h.title)).not.toContain('关于调整部分政务服务事项办理地点的公告');
  });

  it('writes nothing the second time', async () => {
    const before = (await articles()).length;
    const again = await seedDemoArticles(createAppContext({ config: development, database: database(), clock }), { profile: 'demo' });
    expect(again).toEqual({ published: 0, scheduled: 0, withdrawn: 0, mongolian: 0 });
    expect((await articles()).length).toBe(before);
  });
});
