import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { startServer, type Started } from '../../src/server/main.js';
import { siteFactory } from '../../src/server/modules/portal/site/site.testing.js';
import { serviceItemFactory } from '../../src/server/modules/services/services.testing.js';
import { browserAvailable, launchBrowser, screenshotsDir } from './browser.js';

/**
 * The public portal as readers meet it: every page type passes axe-core's WCAG 2.1 A/AA rules in
 * Chinese, in vertical Mongolian and in 适老化 mode; the keyboard reaches the skip link first and the
 * navigation with a visible focus; nothing needs JavaScript; a body that got into the table unsafe
 * still cannot run script (the Content Security Policy).
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const pwned = 'PWNED';

describe.skipIf(!browserAvailable)('the public portal in the browser', () => {
  let platform: Started;
  let browser: Browser;
  const paths = {} as Record<'article' | 'mnArticle' | 'unsafe' | 'guide', string>;
  let newsName = '';
  /** What the Content Security Policy blocked, by page URL. */
  const blocked: string[] = [];

  const open = async (options: { locale?: 'mn-Mong'; elder?: boolean; javaScript?: boolean } = {}): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
    const url = platform.urls.portal;
    const cookies = [
      ...(options.locale ? [{ name: 'lang', value: options.locale, url }] : []),
      ...(options.elder ? [{ name: 'elder', value: '1', url }] : []),
    ];
    if (cookies.length) await context.addCookies(cookies);
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    return context;
  };
  const visit = async (context: BrowserContext, at: string): Promise<Page> => {
    const page = await context.newPage();
    const response = await page.goto(new URL(at, platform.urls.portal).toString());
    expect(response?.status(), at).toBe(200);
    return page;
  };

  beforeAll(async () => {
    // The portal alone: the workbench is not needed here, so it is not built.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hg-browser-portal-'));
    platform = await startServer(loadConfig({ HINGGAN_ENV: 'test', HINGGAN_LOG_LEVEL: 'warn', HINGGAN_DATA_DIR: dataDir, HINGGAN_PORT: '0' }));
    browser = await launchBrowser();
    // Articles written straight into the content table before any page is requested (nothing cached yet).
    const db = platform.database.db;
    const site = await db.selectFrom('portal_sites').select(['id', 'org_id']).where('path_prefix', '=', '').executeTakeFirstOrThrow();
    const news = await db.selectFrom('portal_columns').select(['id', 'path', 'name_zh']).where('site_id', '=', site.id).where('path', '=', 'news').executeTakeFirstOrThrow();
    const last = await db.selectFrom('portal_articles').select((eb) => eb.fn.max('serial').as('serial')).where('site_id', '=', site.id).executeTakeFirst();
    let serial = Number(last?.serial ?? 0);
    const make = siteFactory(db, site.org_id);
    const article = (input: Parameters<typeof make.article>[2]) => make.article(site.id, news.id, { serial: ++serial, ...input });
    const zh = await article({
      title: '兴安盟数字政府建设取得新进展',
      source: '兴安盟行政公署办公室',
      body_html: '<p>兴安盟深入推进数字政府建设，<strong>网上可办率</strong>达到96%以上。</p><h2>下一步工作</h2><ul><li>扩大“一网通办”覆盖面</li></ul>',
      tags: JSON.stringify(['数字政府']),
    });
    const mn = await article({ title: 'ᠳ᠋ᠢᠵᠢᠲᠠᠯ ᠵᠠᠰᠠᠭ ᠤᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠲᠠ', lang: 'mn-Mong', translation_of: zh.id, body_html: '<p>ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ ᠤᠨ ᠳ᠋ᠢᠵᠢᠲᠠᠯ ᠵᠠᠰᠠᠭ</p>' });
    // Not through publishing: script, an event handler and a javascript: link as they were stored.
    const unsafe = await article({
      title: '未经发布流程写入的正文',
      body_html: `<p>正文</p><script>document.title = '${pwned}'</script><img src="/assets/portal/none.png" alt="" onerror="document.title = '${pwned}'"><p><a id="js-link" href="javascript:document.title = '${pwned}'">链接</a></p>`,
    });
    // A published service item of the league's 行政审批局, for the 办事服务 list and its guide page.
    const bureau = await db.selectFrom('orgs').select('id').where('ref', '=', '152200000000.xsh.zwsj').executeTakeFirstOrThrow();
    await serviceItemFactory.item(db, { orgId: bureau.id, code: 'BROWSER0000000001', name: '食品经营许可', at: new Date().toISOString(), published: true });
    paths.guide = '/services/items/BROWSER0000000001';
    newsName = news.name_zh;
    paths.article = `/${news.path}/${zh.serial}.html`;
    paths.mnArticle = `/${news.path}/${mn.serial}.html`;
    paths.unsafe = `/${news.path}/${unsafe.serial}.html`;
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  /** axe-core's violations on the page (injected through the debugger protocol, which the CSP does not govern). */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    const results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      wcagTags,
    );
    // It did check something (contrast, names, landmarks…): an empty run would prove nothing.
    expect(results.passes.map((r) => r.id)).toEqual(expect.arrayContaining(['color-contrast', 'html-has-lang', 'link-name']));
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('has no axe-core WCAG 2.1 A/AA violation on any page type, in Chinese, in Mongolian and in 适老化 mode', async () => {
    const pages = ['/', '/news/', paths.article, '/search?q=数字政府', '/services/', paths.guide, '/disclosure/', '/interaction/'];
    const runs: { context: BrowserContext; name: string; pages: string[] }[] = [
      { context: await open(), name: 'zh', pages },
      { context: await open({ locale: 'mn-Mong' }), name: 'mn', pages: pages.map((p) => (p === paths.article ? paths.mnArticle : p)) },
      { context: await open({ elder: true }), name: 'elder', pages: ['/', paths.article] },
    ];
    const found: Record<string, string[]> = {};
    for (const run of runs) {
      for (const at of run.pages) {
        const page = await visit(run.context, at);
        const lang = await page.getAttribute('html', 'lang');
        expect(lang, at).toBe(run.name === 'mn' ? 'mn-Mong' : 'zh-CN');
        if (run.name === 'elder') expect(await page.getAttribute('html', 'class'), at).toContain('elder');
        const violations = await axeViolations(page);
        if (violations.length) found[`${run.name} ${at}`] = violations;
        await page.close();
      }
      await run.context.close();
    }
    expect(found).toEqual({});
    expect(blocked).toEqual([]);
  });

  it('reaches the skip link with the first Tab, then the main navigation with a visible focus', async () => {
    const context = await open();
    const page = await visit(context, paths.article);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { className: el.className, href: el.getAttribute('href'), onScreen: box.top >= 0 && box.bottom <= innerHeight && box.width > 0 };
    });
    expect(first).toEqual({ className: 'skip-link', href: '#main', onScreen: true });

    // On through the header (language switch, 适老化, search) to the first entry of the main navigation.
    let inNav = false;
    for (let i = 0; i < 15 && !inNav; i++) {
      await page.keyboard.press('Tab');
      inNav = await page.evaluate(() => document.activeElement?.closest('nav.site-nav') !== null);
    }
    expect(inNav).toBe(true);
    const focus = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { text: document.activeElement!.textContent, look: [style.outlineStyle, style.outlineWidth, style.boxShadow, style.backgroundColor].join(' | ') };
      });
    const focused = await focus();
    expect(focused.text).toBe('首页');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    const resting = await page.evaluate(() => {
      const style = getComputedStyle(document.querySelector('nav.site-nav a')!);
      return [style.outlineStyle, style.outlineWidth, style.boxShadow, style.backgroundColor].join(' | ');
    });
    expect(focused.look).not.toBe(resting);
    await page.screenshot({ path: path.join(screenshotsDir, 'portal-focus.png') });

    // Following the skip link moves focus into <main>.
    await page.keyboard.press('Shift+Tab');
    await page.focus('.skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await context.close();
  });

  it('lays a Mongolian page out vertically in the shipped Mongolian web font', async () => {
    const context = await open({ locale: 'mn-Mong' });
    const page = await visit(context, paths.mnArticle);
    const layout = await page.evaluate(async () => {
      await document.fonts.ready;
      const main = document.querySelector('main')!;
      return {
        writingMode: getComputedStyle(main).writingMode,
        // check() is also true when no face matches; so the face must exist and be loaded, too.
        faceLoaded: [...document.fonts].some((f) => f.family.replace(/["']/g, '') === 'Noto Sans Mongolian' && f.status === 'loaded'),
        check: document.fonts.check('16px "Noto Sans Mongolian"', 'ᠮᠣᠩᠭᠣᠯ'),
      };
    });
    expect(layout).toEqual({ writingMode: 'vertical-lr', faceLoaded: true, check: true });
    expect(await page.locator('main h1').innerText()).toContain('ᠳ᠋ᠢᠵᠢᠲᠠᠯ');
    await page.screenshot({ path: path.join(screenshotsDir, 'portal-article-mn.png') });
    await context.close();
  });

  it('works with JavaScript turned off: navigation links, an article and the search form', async () => {
    const context = await open({ javaScript: false });
    const page = await visit(context, '/');
    await page.locator('nav.site-nav').getByRole('link', { name: newsName }).click();
    await page.waitForURL(/\/news\/$/);
    await page.getByRole('link', { name: '兴安盟数字政府建设取得新进展' }).click();
    await page.waitForURL((url) => url.pathname === paths.article);
    expect(await page.locator('main h1').innerText()).toBe('兴安盟数字政府建设取得新进展');
    await page.getByLabel('站内搜索').fill('数字政府');
    await page.getByLabel('站内搜索').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await context.close();
  });

  it('transfers the home page in at most 100 KB (HTML, CSS and all else it loads, as served; the Mongolian font aside)', async () => {
    const context = await open();
    const page = await context.newPage();
    const transfers: { url: string; bytes: number; encoding: string }[] = [];
    page.on('requestfinished', (request) => {
      transfers.push({ url: request.url(), bytes: 0, encoding: '' });
      const entry = transfers.at(-1)!;
      void Promise.all([request.sizes(), request.response()]).then(([sizes, response]) => {
        entry.bytes = sizes.responseBodySize + sizes.responseHeadersSize;
        entry.encoding = response?.headers()['content-encoding'] ?? '';
      });
    });
    await page.goto(platform.urls.portal, { waitUntil: 'networkidle' });
    await expect.poll(() => transfers.every((t) => t.bytes > 0)).toBe(true);
    const counted = transfers.filter((t) => !t.url.endsWith('.woff2'));
    expect(counted.map((t) => new URL(t.url).pathname)).toEqual(expect.arrayContaining(['/', expect.stringMatching(/^\/assets\/portal\/portal\.[\w-]+\.css$/)]));
    // The HTML and the stylesheet travel compressed.
    expect(counted.every((t) => t.encoding === 'br' || t.encoding === 'gzip')).toBe(true);
    const total = counted.reduce((sum, t) => sum + t.bytes, 0);
    console.info(`portal home transferred: ${counted.map((t) => `${new URL(t.url).pathname} ${t.bytes} B (${t.encoding})`).join(', ')}; total ${total} B`);
    expect(total).toBeLessThanOrEqual(100 * 1024);
    await context.close();
  });

  it('runs no script from a stored body that bypassed publishing: the Content Security Policy blocks it', async () => {
    const context = await open();
    const before = blocked.length;
    const page = await context.newPage();
    const response = await page.goto(new URL(paths.unsafe, platform.urls.portal).toString());
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
    await page.locator('#js-link').click();
    await page.waitForLoadState('load');
    expect(await page.title()).toBe('未经发布流程写入的正文 - 兴安盟行政公署');
    // The browser reported what it refused: the inline script, the handler and the javascript: link.
    await expect.poll(() => blocked.length - before).toBeGreaterThanOrEqual(3);
    blocked.splice(before);
    await context.close();
  });
});
