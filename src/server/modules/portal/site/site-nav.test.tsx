import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { testConfig } from '../../../../../test/support/app.js';
import { buildApp } from '../../../app.js';
import { FixedClock } from '../../../platform/clock.js';
import { orgsModule, seedOrgs } from '../../orgs/index.js';
import { portalModule } from '../index.js';
import { siteFactory } from './site.testing.js';

/** The main navigation's entries as `[label, href, current]`, tags stripped from the labels. */
const navOf = (html: string): [string, string, boolean][] => {
  const nav = /<nav class="site-nav"[^>]*>(.*?)<\/nav>/s.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a href="([^"]*)"( aria-current="page")?>(.*?)<\/a>/gs)].map((m) => [m[3]!.replace(/<[^>]+>/g, ''), m[1]!, Boolean(m[2])]);
};

const voidElements = new Set(['area', 'br', 'col', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);

/** Chinese text inside <main> that no enclosing element marks lang="zh-CN" (a screen reader would read it as Mongolian). */
function unmarkedChinese(html: string): string[] {
  const main = /<main[^>]*>(.*)<\/main>/s.exec(html)?.[1] ?? '';
  const langs: (string | undefined)[] = ['mn-Mong'];
  const found: string[] = [];
  for (const [, close, tag, attrs, text] of main.matchAll(/<(\/?)(\w+)([^>]*)>|([^<]+)/g)) {
    if (text !== undefined) {
      const lang = langs.findLast((l) => l !== undefined);
      if (/\p{Script=Han}/u.test(text) && lang !== 'zh-CN') found.push(text);
    } else if (close) langs.pop();
    else if (!voidElements.has(tag!.toLowerCase()) && !attrs!.endsWith('/')) langs.push(/\slang="([^"]+)"/.exec(attrs!)?.[1]);
  }
  return found;
}

describeEachDialect('the public site navigation', (database) => {
  let app: FastifyInstance;
  let articleInInteraction = '';

  beforeAll(async () => {
    const db = database();
    const clock = new FixedClock('2026-03-10T02:00:00.000Z');
    await seedOrgs({ db: db.db, clock });
    const org = await db.db.selectFrom('orgs').select('id').where('code', '=', '152200').executeTakeFirstOrThrow();
    const make = siteFactory(db.db, org.id);
    const main = await make.site({ code: 'main', prefix: '', nameZh: '兴安盟行政公署', nameMn: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ' });
    // The columns every government site is seeded with: the disclosure, service and interaction
    // columns share their destination with the fixed areas of the navigation.
    await make.column(main, { slug: 'news', nameZh: '要闻动态', nameMn: 'ᠰᠣᠨᠢᠨ ᠮᠡᠳᠡᠭᠡ', position: 0 });
    await make.column(main, { slug: 'notices', nameZh: '通知公告', category: 'notice', position: 1 });
    await make.column(main, { slug: 'disclosure', nameZh: '政府信息公开', category: 'disclosure', position: 2 });
    await make.column(main, { slug: 'services', nameZh: '办事服务', category: 'service', position: 3 });
    // Its own slug: /interaction/… is the interaction area's path.
    const interaction = await make.column(main, { slug: 'hdjl', nameZh: '互动交流', nameMn: 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ', category: 'interaction', position: 4 });
    await make.column(main, { slug: 'topics', nameZh: '专题专栏', category: 'topic', position: 5 });
    const answer = await make.article(main, interaction.id, { title: '关于供暖的答复', published_at: '2026-03-05T01:00:00.000Z' });
    articleInInteraction = `/hdjl/${answer.serial}.html`;
    app = await buildApp({ config: testConfig(), database: db, clock, serveWorkbench: false, modules: [orgsModule, portalModule] });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows each destination once: the area links stand for the disclosure, service and interaction columns', async () => {
    const nav = navOf((await app.inject({ url: '/' })).body);
    expect(nav.map(([label, href]) => [label, href])).toEqual([
      ['首页', '/'],
      ['政务公开', '/disclosure/'],
      ['政务服务', '/services/'],
      ['互动交流', '/interaction/'],
      ['要闻动态', '/news/'],
      ['通知公告', '/notices/'],
      ['专题专栏', '/topics/'],
    ]);
    expect(nav.filter(([, , current]) => current).map(([label]) => label)).toEqual(['首页']);
  });

  it('marks the area current on a page of a column it stands for', async () => {
    const page = await app.inject({ url: articleInInteraction });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('关于供暖的答复');
    expect(navOf(page.body).filter(([, , current]) => current).map(([label, href]) => [label, href])).toEqual([['互动交流', '/interaction/']]);
  });

  it('names the navigation in Mongolian on a Mongolian page, with no Chinese fallback', async () => {
    const page = await app.inject({ url: '/', headers: { cookie: 'lang=mn-Mong' } });
    const nav = /<nav class="site-nav".*?<\/nav>/s.exec(page.body)?.[0] ?? '';
    expect(nav).toContain('<a href="/interaction/">ᠬᠠᠷᠢᠯᠴᠠᠨ ᠰᠣᠯᠢᠯᠴᠠᠬᠤ</a>');
    expect(nav).toContain('aria-label="ᠭᠣᠣᠯ ᠵᠢᠭᠠᠭᠤᠷ"');
    // Only the columns without a Mongolian name (通知公告, 专题专栏) stay Chinese, marked as such.
    expect([...nav.matchAll(/<span lang="zh-CN">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['通知公告', '专题专栏']);
  });

  it('labels the disclosure and interaction pages in Mongolian, and marks the Chinese content they show', async () => {
    const mn = { headers: { cookie: 'lang=mn-Mong' } };
    const disclosure = (await app.inject({ url: '/disclosure/', ...mn })).body;
    expect(disclosure).toContain('<h1>ᠵᠠᠰᠠᠭ\u202Fᠤᠨ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ</h1>');
    expect(disclosure).toContain('<h2>ᠢᠳᠡᠪᠬᠢᠲᠡᠢ ᠢᠯᠡ ᠪᠣᠯᠭᠠᠬᠤ ᠭᠠᠷᠴᠠᠭ</h2>');
    expect(disclosure).toContain('lang="zh-CN">规章和规范性文件</a>');
    const apply = (await app.inject({ url: '/disclosure/apply', ...mn })).body;
    const interaction = (await app.inject({ url: '/interaction/', ...mn })).body;
    expect(interaction).toContain('<h1>ᠬᠠᠷᠢᠯᠴᠠᠨ ᠰᠣᠯᠢᠯᠴᠠᠬᠤ</h1>');
    const write = (await app.inject({ url: '/interaction/write/consult', ...mn })).body;
    expect(write).toContain('<button type="submit">ᠲᠤᠰᠢᠶᠠᠬᠤ</button>');
    for (const page of [disclosure, apply, interaction, write]) {
      expect(page).toContain('<html lang="mn-Mong" class="mn-vertical">');
      expect(unmarkedChinese(page)).toEqual([]);
    }
    // The checker does see Chinese: a Chinese page is full of it.
    expect(unmarkedChinese((await app.inject({ url: '/disclosure/apply' })).body).length).toBeGreaterThan(5);
  });
});
