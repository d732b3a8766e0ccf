import { beforeAll, expect, it } from 'vitest';
import { testConfig } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { createAppContext } from '../../../context.js';
import { FixedClock } from '../../../platform/clock.js';
import { seedOrgs } from '../../orgs/index.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG } from '../portal-search.js';
import { publishingSearch } from '../publishing/article-index.js';
import { seedBulkArticles, type BulkArticleResult } from './index.js';
import { seedDemoSites } from './sites.seed.js';

describeEachDialect('portal: bulk articles (hinggan seed --articles N)', (database) => {
  const N = 300;
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  let result: BulkArticleResult;

  const rows = () =>
    database()
      .db.selectFrom('portal_articles as a')
      .innerJoin('portal_sites as s', 's.id', 'a.site_id')
      .innerJoin('portal_columns as c', 'c.id', 'a.column_id')
      .select(['a.id', 'a.site_id', 'a.column_id', 'a.serial', 'a.status', 'a.published_at', 'a.created_by', 'a.reviewed_by', 's.path_prefix', 's.code', 'c.path'])
      .execute();

  beforeAll(async () => {
    const ctx = createAppContext({ config: testConfig(), database: database(), clock });
    await seedOrgs(ctx);
    await seedDemoSites(ctx);
    result = await seedBulkArticles(ctx, { count: N, batchSize: 120 });
  }, 120_000);

  it('writes N published articles over the sites, their columns and the past years, each with its first version', async () => {
    const articles = await rows();
    expect(articles).toHaveLength(N);
    expect(result).toMatchObject({ articles: N, sites: 4 });
    expect(new Set(articles.map((a) => a.status))).toEqual(new Set(['published']));
    expect(new Set(articles.map((a) => a.code))).toEqual(new Set(['main', 'fgw', 'aes', 'tour']));
    expect(new Set(articles.map((a) => a.column_id)).size).toBeGreaterThan(15);
    const years = new Set(articles.map((a) => a.published_at!.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(5);
    for (const a of articles) {
      expect(Date.parse(a.published_at!)).toBeLessThan(Date.parse('2026-11-27T02:00:00.000Z'));
      expect(a.reviewed_by).not.toBe(a.created_by);
    }
    // Published in order, as a site publishes: each site's serials follow the publication times.
    for (const code of ['main', 'fgw', 'aes', 'tour']) {
      const times = articles.filter((a) => a.code === code).sort((a, b) => Number(a.serial) - Number(b.serial)).map((a) => a.published_at!);
      expect(times, code).toEqual([...times].sort());
    }
    const versions = await database().db.selectFrom('portal_article_versions').select(['article_id', 'number']).execute();
    expect(versions.map((v) => v.article_id).sort()).toEqual(articles.map((a) => a.id).sort());
    expect(new Set(versions.map((v) => v.number))).toEqual(new Set([1]));
  });

  it('numbers articles per site from 1 without gaps, and a second run continues after them', async () => {
    const serialsOf = async () => {
      const bySite = new Map<string, number[]>();
      for (const a of await rows()) bySite.set(a.site_id, [...(bySite.get(a.site_id) ?? []), Number(a.serial)]);
      return bySite;
    };
    for (const serials of (await serialsOf()).values()) expect(serials.sort((a, b) => a - b)).toEqual(serials.map((_, i) => i + 1));
    await seedBulkArticles(createAppContext({ config: testConfig(), database: database(), clock }), { count: 40, seed: 7 });
    const counters = await database().db.selectFrom('portal_article_serials').selectAll().execute();
    const after = await serialsOf();
    expect([...after.values()].reduce((n, s) => n + s.length, 0)).toBe(N + 40);
    for (const counter of counters) {
      const serials = after.get(counter.site_id)!.sort((a, b) => a - b);
      expect(serials).toEqual(serials.map((_, i) => i + 1));
      expect(Number(counter.last_serial)).toBe(serials.length);
    }
  });

  it('indexes every article in the public search with its site, column and URL', async () => {
    const db = database().db;
    const articles = await rows();
    const entries = await db.selectFrom('search_entries').select(['key', 'fields']).where('scope', '=', PORTAL_SEARCH_SCOPE).execute();
    expect(entries).toHaveLength(articles.length);
    const article = articles[0]!;
    const entry = entries.find((e) => e.key === `article:${article.id}`)!;
    expect(JSON.parse(entry.fields)).toMatchObject({
      site: article.site_id,
      column: article.column_id,
      type: 'article',
      lang: 'zh-CN',
      url: `${article.path_prefix}/${article.path}/${article.serial}.html`,
    });

    const search = publishingSearch(db);
    const ask = (text: string, site?: string) =>
      search.query({ scopes: [PORTAL_SEARCH_SCOPE], tags: [PUBLIC_TAG], text, ...(site ? { filters: { site } } : {}), page: 1, pageSize: 100 }, db);
    const everywhere = await ask('阿尔山');
    expect(everywhere.total).toBeGreaterThan(10);
    const aes = articles.find((a) => a.code === 'aes')!.site_id;
    const onAes = await ask('阿尔山', aes);
    expect(onAes.total).toBeGreaterThan(0);
    expect(onAes.total).toBeLessThan(everywhere.total);
    expect(new Set(onAes.hits.map((h) => h.fields.site))).toEqual(new Set([aes]));
    expect(await ask('阿尔山', 'no-such-site')).toMatchObject({ total: 0 });
  });
});
