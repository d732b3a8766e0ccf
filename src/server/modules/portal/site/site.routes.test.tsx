import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { testConfig } from '../../../../../test/support/app.js';
import { buildApp } from '../../../app.js';
import { FixedClock } from '../../../platform/clock.js';
import type { AppContext, PlatformModule } from '../../../platform/module.js';
import { orgsModule, seedOrgs } from '../../orgs/index.js';
import { portalEvents, portalModule } from '../index.js';
import { registerSiteSection, renderSitePage } from './index.js';
import { siteFactory } from './site.testing.js';

const metaOf = (html: string, name: string) => new RegExp(`<meta name="${name}" content="([^"]*)"/>`).exec(html)?.[1];

describeEachDialect('public site pages', (database) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let make: ReturnType<typeof siteFactory>;
  const ids = {} as Record<string, string>;
  const id = (name: string): string => ids[name]!;
  const clock = new FixedClock('2026-03-10T02:00:00.000Z');

  beforeAll(async () => {
    const db = database();
    await seedOrgs({ db: db.db, clock });
    const org = await db.db.selectFrom('orgs').select('id').where('code', '=', '152200').executeTakeFirstOrThrow();
    make = siteFactory(db.db, org.id);
    ids.main = await make.site({ code: 'main', prefix: '', nameZh: '兴安盟行政公署', nameMn: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ', siteIdCode: '1522000001' });
    ids.fgw = await make.site({ code: 'fgw', prefix: '/fgw', nameZh: '兴安盟发展和改革委员会' });
    ids.aes = await make.site({ code: 'aes', prefix: '/aes', nameZh: '阿尔山市人民政府', hosts: ['aes.hinggan.local'] });
    const news = await make.column(ids.main, { slug: 'news', nameZh: '兴安要闻', nameMn: 'ᠮᠡᠳᠡᠭᠡ' });
    ids.news = news.id;
    const local = await make.column(ids.main, { slug: 'local', nameZh: '旗县动态', parentId: news.id, parentPath: 'news' });
    ids.local = local.id;
    ids.policy = (await make.column(ids.main, { slug: 'policy', nameZh: '政策文件', category: 'notice', position: 1 })).id;
    ids.fgwNews = (await make.column(ids.fgw, { slug: 'news', nameZh: '发改动态' })).id;
    ids.aesNews = (await make.column(ids.aes, { slug: 'tour', nameZh: '旅游资讯' })).id;
    ids.guide = (await make.column(ids.main, { slug: 'guide', nameZh: '办事指南', category: 'service', position: 2 })).id;
    for (let i = 1; i <= 24; i++) {
      await make.article(ids.main, ids.local, { title: `旗县新闻第${i}篇`, published_at: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 3600_000).toISOString() });
    }
    const policy = await make.article(ids.main, ids.policy, {
      title: '关于促进数字政府建设的实施意见',
      subtitle: '兴署发〔2026〕3号',
      source: '兴安盟行政公署办公室',
      author: '刘编辑',
      body_html: '<p>第一条 <strong>总则</strong></p><script>alert(1)</script><p onclick="x()">第二条</p>',
      tags: JSON.stringify(['数字政府', '政务服务']),
      published_at: '2026-03-05T01:05:00.000Z',
    });
    ids.policyArticle = policy.id;
    ids.policySerial = String(policy.serial);
    const mn = await make.article(ids.main, ids.policy, { title: 'ᠲᠣᠭᠲᠠᠭᠠᠯ', lang: 'mn-Mong', translation_of: policy.id, published_at: '2026-03-05T02:00:00.000Z' });
    ids.mnSerial = String(mn.serial);
    const reading = await make.article(ids.main, ids.policy, { title: '图解：数字政府实施意见', interprets_id: policy.id, published_at: '2026-03-06T01:00:00.000Z' });
    ids.readingSerial = String(reading.serial);
    const withdrawn = await make.article(ids.main, ids.policy, {
      title: '已撤稿的通知',
      status: 'withdrawn',
      withdrawn_at: '2026-03-07T06:00:00.000Z',
      withdraw_reason: '内容有误，已重新发布',
      body_html: '<p>不应显示的正文</p>',
    });
    ids.withdrawnSerial = String(withdrawn.serial);
    const abolished = await make.article(ids.main, ids.policy, {
      title: '旧的管理办法',
      validity: 'abolished',
      validity_note: '被兴署发〔2026〕3号废止',
      validity_on: '2026-03-05',
      validity_changed_at: '2026-03-05T02:00:00.000Z',
    });
    ids.abolishedSerial = String(abolished.serial);
    await make.article(ids.fgw, ids.fgwNews, { title: '发改委召开项目推进会' });
    await make.article(ids.aes, ids.aesNews, { title: '阿尔山冰雪节开幕' });
    await db.db.insertInto('portal_redirects').values({ from_path: '/old-news/', to_path: '/news/', created_at: '2026-03-01T00:00:00.000Z' }).execute();

    const probe: PlatformModule = {
      name: 'probe',
      pages: async (_scope, options) => {
        ctx = options.ctx;
        registerSiteSection(ctx, 'probe-section', (at, _request, reply) =>
          reply.type('text/html; charset=utf-8').send(renderSitePage(at, { title: '探针', section: 'interaction', body: <p>信箱：{at.site.nameZh} {at.rest}</p> })),
        );
      },
    };
    app = await buildApp({ config: testConfig(), database: db, clock, serveWorkbench: false, modules: [orgsModule, portalModule, probe] });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('routes by path prefix: the main portal at /, a department section under /fgw/', async () => {
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="zh-CN">');
    expect(metaOf(home.body, 'SiteName')).toBe('兴安盟行政公署');
    expect(metaOf(home.body, 'SiteIDCode')).toBe('1522000001');
    expect(home.body).toContain('旗县新闻第24篇');
    expect(home.body).toContain('网站标识码：1522000001');
    expect(home.body).toContain('公安机关备案号：蒙公网安备 15220002000001号');
    // The main portal still lists the league's counties, and links the other sites of the group.
    expect(home.body).toContain('乌兰浩特市');
    expect(home.body).toContain('<a href="/fgw/">');
    // Mongolian name first in the bilingual header.
    expect(home.body.indexOf('ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ')).toBeLessThan(home.body.indexOf('<span class="brand-zh"'));

    const fgw = await app.inject({ url: '/fgw/' });
    expect(metaOf(fgw.body, 'SiteName')).toBe('兴安盟发展和改革委员会');
    expect(fgw.body).toContain('发改委召开项目推进会');
    expect(fgw.body).not.toContain('旗县新闻');
    expect(fgw.body).toContain('<a href="/fgw/disclosure/">政务公开</a>');
    expect((await app.inject({ url: '/fgw/news/1.html' })).body).toContain('<h1>发改委召开项目推进会</h1>');
  });

  it('routes by host name, and refuses unknown host names with a clear page', async () => {
    const aes = await app.inject({ url: '/', headers: { host: 'aes.hinggan.local' } });
    expect(aes.statusCode).toBe(200);
    expect(metaOf(aes.body, 'SiteName')).toBe('阿尔山市人民政府');
    expect(metaOf(aes.body, 'SiteDomain')).toBe('aes.hinggan.local');
    // On its own host the site lives at the root: links carry no prefix.
    expect(aes.body).toContain('<a href="/tour/1.html">阿尔山冰雪节开幕</a>');
    expect((await app.inject({ url: '/aes/', headers: { host: 'localhost' } })).body).toContain('阿尔山冰雪节开幕');
    for (const host of ['127.0.0.1:8080', 'localhost']) {
      expect(metaOf((await app.inject({ url: '/', headers: { host } })).body, 'SiteName'), host).toBe('兴安盟行政公署');
    }
    const unknown = await app.inject({ url: '/', headers: { host: 'evil.example.com' } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('本平台没有以此域名访问的网站');
    expect(unknown.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('refuses path traversal before routing', async () => {
    for (const url of ['/news/..%2f..%2fetc%2fpasswd', '/news/%252e%252e/x', '/news/a%5cb', '/news/a%00.html', '/news/%2e%2e%5c%2e%2e%5cwin.ini']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.body, url).toContain('portal.site.bad_path');
    }
    // Literal dot segments are resolved by the client before sending; what arrives is then an unknown page.
    for (const url of ['/fgw/%2e%2e/%2e%2e/etc/passwd', '/fgw/../../etc/passwd']) {
      const response = await app.inject({ url });
      expect([400, 404], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain('root:');
    }
    expect((await app.inject({ url: '/news/%E0%A4%A' })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('answers moved addresses with 301 and unknown ones with 404', async () => {
    const moved = await app.inject({ url: '/old-news/' });
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe('/news/');
    expect((await app.inject({ url: '/no-such-column/' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/news/99999.html' })).statusCode).toBe(404);
    // An article under a wrong column path is sent to its column.
    const wrong = await app.inject({ url: `/news/${ids.policySerial}.html` });
    expect(wrong.statusCode).toBe(301);
    expect(wrong.headers.location).toBe(`/policy/${ids.policySerial}.html`);
  });

  it('lists a column with its sub-columns and pages of 20', async () => {
    const first = await app.inject({ url: '/news/' });
    expect(first.statusCode).toBe(200);
    expect(metaOf(first.body, 'ColumnName')).toBe('兴安要闻');
    expect(first.body).toContain('<a href="/news/local/">旗县动态</a>');
    expect(first.body.match(/旗县新闻第\d+篇/g)).toHaveLength(20);
    expect(first.body).toContain('第 1 页，共 2 页');
    expect(first.body).toContain('<a href="/news/?page=2" rel="next">下一页</a>');
    const second = await app.inject({ url: '/news/?page=2' });
    expect(second.body.match(/旗县新闻第\d+篇/g)).toEqual(['旗县新闻第4篇', '旗县新闻第3篇', '旗县新闻第2篇', '旗县新闻第1篇']);
    expect((await app.inject({ url: '/news/?page=3' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/news/?page=abc' })).statusCode).toBe(400);
    expect(first.body).toContain('<link rel="alternate" type="application/rss+xml" title="兴安要闻" href="/news/rss.xml"/>');
  });

  it('shows an article with the inspection meta tags, stored body, tags, language and interpretation links', async () => {
    const response = await app.inject({ url: `/policy/${ids.policySerial}.html` });
    expect(response.statusCode).toBe(200);
    // The stored body goes out as publishing left it (sanitised on save). This one was written around
    // publishing with a script and a handler: the page's Content Security Policy lets no inline script,
    // handler or javascript: link run (a browser shows it in test/browser/portal.test.ts).
    const csp = response.headers['content-security-policy'] as string;
    expect(csp.split('; ')).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toMatch(/default-src 'self'/);
    const html = response.body;
    expect(metaOf(html, 'ArticleTitle')).toBe('关于促进数字政府建设的实施意见');
    expect(metaOf(html, 'PubDate')).toBe('2026-03-05 09:05');
    expect(metaOf(html, 'ContentSource')).toBe('兴安盟行政公署办公室');
    expect(metaOf(html, 'ColumnName')).toBe('政策文件');
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="http://localhost(:80)?/policy/${ids.policySerial}.html"/>`));
    expect(html).toContain('<h1>关于促进数字政府建设的实施意见</h1>');
    expect(html).toContain('兴署发〔2026〕3号');
    expect(html).toContain('作者：刘编辑');
    expect(html).toContain('<p>第一条 <strong>总则</strong></p>');
    expect(html).toContain('<span class="tag">数字政府</span>');
    expect(html).toContain(`<a href="/policy/${ids.readingSerial}.html">图解：数字政府实施意见</a>`);
    // The language switch leads to the Mongolian version of this article.
    expect(html).toContain(`href="/lang/mn?next=${encodeURIComponent(`/policy/${ids.mnSerial}.html`)}"`);
    const reading = (await app.inject({ url: `/policy/${ids.readingSerial}.html` })).body;
    expect(reading).toContain(`<a href="/policy/${ids.policySerial}.html">关于促进数字政府建设的实施意见</a>`);
    const mn = (await app.inject({ url: `/policy/${ids.mnSerial}.html?lang=mn` })).body;
    expect(mn).toContain('<html lang="mn-Mong" class="mn-vertical">');
    expect(mn).toContain(`href="/lang/zh?next=${encodeURIComponent(`/policy/${ids.policySerial}.html`)}"`);
  });

  it('shows the withdrawal notice instead of the body, and marks an abolished policy', async () => {
    const withdrawn = (await app.inject({ url: `/policy/${ids.withdrawnSerial}.html` })).body;
    expect(withdrawn).toContain('撤稿说明');
    expect(withdrawn).toContain('本文已于 2026-03-07 14:00 撤稿。');
    expect(withdrawn).toContain('撤稿原因：内容有误，已重新发布');
    expect(withdrawn).not.toContain('不应显示的正文');
    const abolished = (await app.inject({ url: `/policy/${ids.abolishedSerial}.html` })).body;
    expect(abolished).toMatch(/<div class="validity-mark validity-abolished" role="note"><p class="validity-state"><strong>已废止<\/strong>/);
    expect(abolished).toContain('自 2026-03-05 起废止。');
    expect(abolished).toContain('被兴署发〔2026〕3号废止');
    expect((await app.inject({ url: '/policy/' })).body).toContain('<span class="validity-tag">已废止</span>');
  });

  it('publishes valid RSS 2.0 per column and a sitemap per site', async () => {
    const rss = await app.inject({ url: '/news/rss.xml' });
    expect(rss.statusCode).toBe(200);
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(XMLValidator.validate(rss.body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(rss.body);
    expect(feed.rss['@_version']).toBe('2.0');
    expect(feed.rss.channel.item).toHaveLength(24);
    expect(feed.rss.channel.item[0].title).toBe('旗县新闻第24篇');
    expect(feed.rss.channel.item[0].link).toMatch(/^http:\/\/localhost(:80)?\/news\/local\/\d+\.html$/);

    const sitemap = await app.inject({ url: '/fgw/sitemap.xml' });
    expect(XMLValidator.validate(sitemap.body)).toBe(true);
    const urls = new XMLParser().parse(sitemap.body).urlset.url as { loc: string }[];
    expect(urls.map((u) => new URL(u.loc).pathname)).toEqual(['/fgw/', '/fgw/news/', '/fgw/news/1.html']);
  });

  it('answers 304 to a reader who has the page', async () => {
    const first = await app.inject({ url: '/news/' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.vary).toBe('Accept-Encoding, Cookie');
    const again = await app.inject({ url: '/news/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const since = await app.inject({ url: '/news/', headers: { 'if-modified-since': first.headers['last-modified'] as string } });
    expect(since.statusCode).toBe(304);
    expect((await app.inject({ url: '/news/?lang=mn', headers: { 'if-none-match': etag } })).statusCode).toBe(200);
  });

  it('drops exactly the changed pages on a siteChanged event', async () => {
    const db = database().db;
    const fgwBefore = (await app.inject({ url: '/fgw/' })).body;
    const policyBefore = (await app.inject({ url: '/policy/' })).body;
    for (const url of ['/news/rss.xml', '/', '/news/', '/news/local/']) await app.inject({ url });
    const created = await make.article(id('main'), id('local'), { title: '新发布的旗县新闻', published_at: '2026-03-09T00:00:00.000Z' });
    await make.article(id('fgw'), id('fgwNews'), { title: '未通知的发改新闻', published_at: '2026-03-09T00:00:00.000Z' });
    await db.updateTable('portal_columns').set({ name_zh: '政策文件（新）' }).where('id', '=', id('policy')).execute();
    // Cached until told.
    expect((await app.inject({ url: '/news/local/' })).body).not.toContain('新发布的旗县新闻');
    portalEvents(ctx).siteChanged({ siteId: ids.main!, paths: [`/news/local/${created.serial}.html`] });
    expect((await app.inject({ url: '/news/local/' })).body).toContain('新发布的旗县新闻');
    expect((await app.inject({ url: '/news/' })).body).toContain('新发布的旗县新闻');
    expect((await app.inject({ url: '/' })).body).toContain('新发布的旗县新闻');
    expect((await app.inject({ url: '/news/rss.xml' })).body).toContain('新发布的旗县新闻');
    // Another site and an untouched column of this one stay as they were.
    expect((await app.inject({ url: '/fgw/' })).body).toBe(fgwBefore);
    expect((await app.inject({ url: '/policy/' })).body).toBe(policyBefore);
    portalEvents(ctx).siteChanged({ siteId: ids.fgw! });
    expect((await app.inject({ url: '/fgw/' })).body).toContain('未通知的发改新闻');
  });

  it('remembers 适老化 mode in a cookie and caches its pages apart', async () => {
    const plain = await app.inject({ url: '/fgw/' });
    expect(plain.body).toContain('<a class="elder-switch" href="/elder/on?next=%2Ffgw%2F">适老模式</a>');
    const on = await app.inject({ url: '/elder/on?next=%2Ffgw%2F' });
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe('/fgw/');
    const cookie = on.cookies.find((c) => c.name === 'elder');
    expect(cookie).toMatchObject({ value: '1', httpOnly: true, sameSite: 'Lax' });
    const elder = await app.inject({ url: '/fgw/', headers: { cookie: 'elder=1' } });
    expect(elder.body).toContain('<html lang="zh-CN" class="elder">');
    expect(elder.body).toContain('href="/elder/off?next=%2Ffgw%2F">标准模式</a>');
    expect(elder.headers.etag).not.toBe(plain.headers.etag);
    expect((await app.inject({ url: '/fgw/' })).body).toBe(plain.body);
    const off = await app.inject({ url: '/elder/off?next=%2Ffgw%2F' });
    expect(off.cookies.find((c) => c.name === 'elder')?.maxAge).toBe(0);
  });

  it('hands registered sections their site and shows the services entry honestly', async () => {
    const section = await app.inject({ url: '/fgw/probe-section/write/leader' });
    expect(section.statusCode).toBe(200);
    expect(section.body).toContain('信箱：兴安盟发展和改革委员会 /probe-section/write/leader');
    expect(section.body).toContain('<a href="/fgw/interaction/" aria-current="page">互动交流</a>');
    const services = (await app.inject({ url: '/services/' })).body;
    expect(services).toContain('网上办事系统尚未接入本平台');
    expect(services).toContain('<a href="/guide/">办事指南</a>');
    expect((await app.inject({ url: '/fgw/services/' })).body).toContain('本站暂无办事服务栏目。');
  });

  it('searches public entries with filters, highlighting and checked input', async () => {
    const empty = await app.inject({ url: '/search' });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('请输入要查找的词。');
    expect((await app.inject({ url: '/search?q=x&scope=everything' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/search?q=x&from=2026-13-40' })).statusCode).toBe(400);
    expect((await app.inject({ url: `/search?q=${'长'.repeat(101)}` })).statusCode).toBe(400);
    const none = await app.inject({ url: `/search?q=${encodeURIComponent('不存在的词语')}` });
    expect(none.body).toContain('共找到 0 条结果');
  });
});
