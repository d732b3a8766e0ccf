import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase } from '../../../../test/support/db.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AppContext, PlatformModule } from '../../platform/module.js';
import { createOrgService, orgsModule, parseOrgCsv, seedOrgs } from '../orgs/index.js';
import { portalModule, portalPages } from './index.js';
import { safeNext } from './portal.routes.js';

const config = loadConfig({ HINGGAN_ENV: 'test', HINGGAN_LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
const counties = ['乌兰浩特市', '阿尔山市', '科尔沁右翼前旗', '科尔沁右翼中旗', '扎赉特旗', '突泉县'];

/** The HTML from a section's h2 to the end of its first (innermost) section. */
function sectionAfter(html: string, heading: string): string {
  const start = html.indexOf(`>${heading}</h2>`);
  expect(start, `heading ${heading}`).toBeGreaterThan(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

function inOrder(html: string, words: readonly string[]): boolean {
  let from = 0;
  for (const word of words) {
    const at = html.indexOf(word, from);
    if (at < 0) return false;
    from = at + word.length;
  }
  return true;
}

describeEachDialect('portal home page', (database) => {
  let app: FastifyInstance;
  let ctx: AppContext | undefined;

  beforeAll(async () => {
    const db = database();
    await seedOrgs({ db: db.db, clock: { now: () => new Date() } });
    // A probe module hands the test the app's context, and a route that fails, for the 500 page.
    const probe: PlatformModule = {
      name: 'probe',
      pages: async (scope, options) => {
        ctx = options.ctx;
        scope.get('/probe/fail', async () => {
          throw new Error('secret connection string postgres://u:p@host');
        });
        scope.get('/probe/forbidden', async () => {
          throw new AppError('auth.forbidden');
        });
      },
    };
    app = await buildApp({ config, database: db, serveWorkbench: false, modules: [orgsModule, portalModule, probe] });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
  });

  it('shows the league home page in Chinese with its banners, counties and cities', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<title>兴安盟行政公署</title>');
    const list = sectionAfter(html, '旗县市');
    expect(inOrder(list, counties)).toBe(true);
    expect(list.match(/<li>/g)).toHaveLength(6);
    // Mongolian names from the registry, marked as Mongolian, before the Chinese name.
    expect(list).toContain('<span lang="mn-Mong">ᠤᠯᠠᠭᠠᠨᠬᠣᠲᠠ</span>乌兰浩特市');
    expect(list).toContain('<span lang="mn-Mong">ᠲᠦᠴᠢᠤᠸᠠᠨ ᠰᠢᠶᠠᠨ</span>突泉县');
  });

  it('lists the league departments under their leading bodies, and no county departments', async () => {
    const html = (await app.inject({ url: '/' })).body;
    const departments = sectionAfter(html, '盟直部门');
    expect(inOrder(departments, ['<h3>', '中共兴安盟委员会', '中共兴安盟委组织部', '<h3>', '兴安盟行政公署', '兴安盟教育局', '兴安盟财政局'])).toBe(true);
    expect(departments).toContain('兴安盟行政审批政务服务与数据管理局');
    expect(departments).not.toContain('乌兰浩特市教育局');
    // Internal offices (kind office) are not departments.
    expect(departments).not.toContain('>兴安盟行政公署办公室<');
    expect(departments).not.toContain('>办公室<');
    expect(departments.match(/<li>/g)!.length).toBeGreaterThanOrEqual(40);
  });

  it('carries the inspection meta tags, landmarks, a skip link and headings in order', async () => {
    const html = (await app.inject({ url: '/' })).body;
    expect(html).toContain('<meta name="SiteName" content="兴安盟行政公署"/>');
    expect(html).toMatch(/<meta name="SiteDomain" content="[^"]+"\/>/);
    expect(html).toMatch(/<meta name="SiteIDCode" content="[^"]+"\/>/);
    expect(html).toContain('<meta name="ColumnName" content="首页"/>');
    expect(html).toMatch(/<body><a class="skip-link" href="#main">跳到主要内容<\/a>/);
    for (const landmark of ['<header', '<nav class="site-nav" aria-label="主导航"', '<main id="main"', '<footer']) {
      expect(html).toContain(landmark);
    }
    const headings = [...html.matchAll(/<h([1-6])/g)].map((m) => Number(m[1]));
    expect(headings[0]).toBe(1);
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);
    expect(inOrder(html, ['首页', '政务公开', '政务服务', '互动交流', '走进兴安'])).toBe(true);
    expect(html).toContain('<a href="/" aria-current="page">首页</a>');
    expect(html).toContain('主办：兴安盟行政公署办公室');
    expect(html).toContain('网站标识码：待配置');
    expect(html).not.toContain('<script');
    // Mongolian first (left) in the bilingual header.
    expect(inOrder(html, ['<span class="brand-mn" lang="mn-Mong">ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ', '<span class="brand-zh" lang="zh-CN">兴安盟行政公署'])).toBe(true);
  });

  it('shows the page in vertical traditional Mongolian with ?lang=mn or the lang cookie', async () => {
    const byQuery = await app.inject({ url: '/?lang=mn' });
    const byCookie = await app.inject({ url: '/', headers: { cookie: 'theme=x; lang=mn-Mong' } });
    expect(byCookie.body).toBe(byQuery.body);
    const html = byQuery.body;
    expect(html.startsWith('<!doctype html><html lang="mn-Mong" class="mn-vertical">')).toBe(true);
    expect(html).toContain('ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ');
    expect(html).toContain('<h2 id="counties">ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠬᠣᠲᠠ</h2>');
    // Every label is Mongolian; names the registry has only in Chinese stay Chinese and say so.
    expect(html).toContain('<h2 id="departments">ᠠᠶᠢᠮᠠᠭ\u202Fᠤᠨ ᠠᠯᠪᠠ ᠲᠠᠰᠤᠭ</h2>');
    expect(html).toContain('<span class="org"><span lang="zh-CN">兴安盟教育局</span></span>');
    expect(html).toContain('<span lang="mn-Mong">ᠤᠯᠠᠭᠠᠨᠬᠣᠲᠠ</span><span lang="zh-CN">乌兰浩特市</span>');

    const cssUrl = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    const css = await app.inject({ url: cssUrl });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toMatch(/\.mn-vertical\s*\{\s*writing-mode:\s*vertical-lr;/);
    expect(css.body).toMatch(/\[lang\|='mn'\]\s*\{\s*font-family:\s*'Noto Sans Mongolian',/);

    const fontFace = /@font-face\s*\{[^}]*font-family:\s*'Noto Sans Mongolian'[^}]*src:\s*url\('([^']+)'\)\s*format\('woff2'\)/.exec(css.body);
    expect(fontFace).not.toBeNull();
    const fontUrl = new URL(fontFace![1]!, `http://x${cssUrl}`).pathname;
    expect(html).toContain(`<link rel="preload" href="${fontUrl}" as="font" type="font/woff2" crossorigin="anonymous"/>`);
    const font = await app.inject({ url: fontUrl });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.rawPayload.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(font.rawPayload.length).toBeLessThan(1024 * 1024);
    const license = await app.inject({ url: '/assets/portal/OFL.txt' });
    expect(license.statusCode).toBe(200);
    expect(license.body).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('stays Chinese whatever the browser language, until the reader chooses', async () => {
    for (const language of ['en-US,en;q=0.9', 'mn', 'mn-MN,mn']) {
      const html = (await app.inject({ url: '/', headers: { 'accept-language': language } })).body;
      expect(html.startsWith('<!doctype html><html lang="zh-CN">'), language).toBe(true);
    }
    const malformed = await app.inject({ url: '/', headers: { cookie: 'lang=%E0%A4%A' } });
    expect(malformed.statusCode).toBe(200);
    expect(malformed.body).toContain('<html lang="zh-CN">');
    expect((await app.inject({ url: '/', headers: { cookie: 'lang=en' } })).body).toContain('<html lang="en">');
  });

  it('switches language through /lang, keeping the reader on the same path', async () => {
    const html = (await app.inject({ url: '/' })).body;
    expect(html).toContain('<a href="/lang/mn?next=%2F" lang="mn-Mong" hreflang="mn-Mong">ᠮᠣᠩᠭᠣᠯ</a>');
    expect(html).toContain('<a href="/lang/zh?next=%2F" lang="zh-CN" hreflang="zh-CN" aria-current="true">中文</a>');

    const toMn = await app.inject({ url: '/lang/mn?next=%2F' });
    expect(toMn.statusCode).toBe(303);
    expect(toMn.headers.location).toBe('/');
    const cookie = toMn.cookies.find((c) => c.name === 'lang');
    expect(cookie).toMatchObject({ value: 'mn-Mong', path: '/', httpOnly: true, sameSite: 'Lax' });
    const after = await app.inject({ url: toMn.headers.location!, headers: { cookie: `lang=${cookie!.value}` } });
    expect(after.body).toContain('<html lang="mn-Mong"');

    const onOtherPage = await app.inject({ url: '/zwgk/abc?page=2' });
    expect(onOtherPage.body).toContain('href="/lang/mn?next=%2Fzwgk%2Fabc"');
    expect(onOtherPage.body).not.toContain('aria-current="page"');
    const back = await app.inject({ url: '/lang/zh?next=%2Fzwgk%2Fabc%3Fpage%3D2%26lang%3Dmn' });
    expect(back.headers.location).toBe('/zwgk/abc?page=2');
    expect(back.cookies.find((c) => c.name === 'lang')?.value).toBe('zh-CN');

    expect((await app.inject({ url: '/lang/xx?next=%2F' })).statusCode).toBe(404);
  });

  it('never redirects off the site after a language switch', () => {
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/ /x', undefined]) {
      expect(safeNext(next)).toBe('/');
    }
    expect(safeNext('/zwgk/?lang=mn&q=1')).toBe('/zwgk/?q=1');
  });

  it('answers 304 to a reader who has the page, per language', async () => {
    const zh = await app.inject({ url: '/' });
    const mn = await app.inject({ url: '/?lang=mn' });
    const etag = zh.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(mn.headers.etag).not.toBe(etag);
    expect(zh.headers['last-modified']).toBeTruthy();
    expect(zh.headers.vary).toBe('Accept-Encoding, Cookie');

    const again = await app.inject({ url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const otherLanguage = await app.inject({ url: '/?lang=mn', headers: { 'if-none-match': etag } });
    expect(otherLanguage.statusCode).toBe(200);
    const since = await app.inject({ url: '/', headers: { 'if-modified-since': zh.headers['last-modified'] as string } });
    expect(since.statusCode).toBe(304);
  });

  it('sends the same page compressed to readers who accept it', async () => {
    const plain = (await app.inject({ url: '/' })).body;
    const br = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain);
    expect(br.rawPayload.length).toBeLessThan(plain.length / 3);
    const gz = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain);
    const revalidate = await app.inject({ url: '/', headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string } });
    expect(revalidate.statusCode).toBe(304);
  });

  it('serves the cached page until invalidated, then shows the change', async () => {
    expect(ctx).toBeDefined();
    const before = (await app.inject({ url: '/' })).body;
    const { rows } = parseOrgCsv(
      'ref,parent_ref,kind,code,name_zh,name_mn,name_latin,short_name,doc_prefixes,credit_code\n' +
        '152200000000.xsh.jyj,152200000000.xsh,department,,兴安盟教育体育局,,,教育局,兴教发;兴教字,\n',
    );
    await createOrgService({ db: database().db, clock: { now: () => new Date() } }).importRows(rows);
    expect((await app.inject({ url: '/' })).body).toBe(before);
    portalPages(ctx!)!.invalidate();
    const after = (await app.inject({ url: '/' })).body;
    expect(after).toContain('兴安盟教育体育局');
    expect(after).not.toContain('兴安盟教育局<');
  });

  it('answers an unknown path with the portal 404 page', async () => {
    const response = await app.inject({ url: '/no/such/page', headers: { 'x-request-id': 'req-portal-404' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<h1>您访问的页面不存在</h1>');
    expect(html).toContain('错误代码：404 route.not_found');
    expect(html).toContain('请求编号：req-portal-404');
    expect(html).toContain('<a href="/">返回首页</a>');
    expect(html).toContain('<main id="main"');

    const missingAsset = await app.inject({ url: '/assets/portal/portal.nothing.css' });
    expect(missingAsset.statusCode).toBe(404);
    const api = await app.inject({ url: '/api/v1/no-such' });
    expect(api.headers['content-type']).toContain('application/json');
  });

  it('shows other failures without their internals', async () => {
    const failed = await app.inject({ url: '/probe/fail' });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).toContain('<h1>服务暂时出现问题</h1>');
    expect(failed.body).toContain('错误代码：500 internal');
    expect(failed.body).not.toContain('postgres://');
    const forbidden = await app.inject({ url: '/probe/forbidden?lang=mn' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.body).toContain('<html lang="mn-Mong" class="mn-vertical">');
    expect(forbidden.body).toContain('<p lang="zh-CN">没有执行此操作的权限</p>');
  });
});

describe('portal without organisations', () => {
  it('still renders the home page, saying the lists are empty', async () => {
    const db = await freshDatabase('sqlite');
    const app = await buildApp({ config, database: db, serveWorkbench: false });
    try {
      const response = await app.inject({ url: '/' });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('暂无信息');
    } finally {
      await app.close();
      await db.destroy();
    }
  });
});
