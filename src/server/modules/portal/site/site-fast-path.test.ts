import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { testConfig } from '../../../../../test/support/app.js';
import { buildApp } from '../../../app.js';
import { FixedClock } from '../../../platform/clock.js';
import type { AppContext, PlatformModule } from '../../../platform/module.js';
import { orgsModule, seedOrgs } from '../../orgs/index.js';
import { portalEvents, portalModule } from '../index.js';
import { siteFactory } from './site.testing.js';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/**
 * A cached public page over a real socket: the second request for it is answered before Fastify
 * (site-fast-path.ts), and must be indistinguishable from the router's answer but for its request id.
 */
describeEachDialect('public pages answered from the cache before routing', (database) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  let base: URL;
  let make: ReturnType<typeof siteFactory>;
  const ids = {} as Record<string, string>;
  /** Requests that reached Fastify's hooks, by URL. */
  const routed: string[] = [];
  const clock = new FixedClock('2026-03-10T02:00:00.000Z');

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(new URL(path, base), { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  const reachedRouter = async (call: () => Promise<Answer>): Promise<{ answer: Answer; routed: boolean }> => {
    const before = routed.length;
    const answer = await call();
    return { answer, routed: routed.length > before };
  };
  const withoutRequestId = (headers: IncomingHttpHeaders) => {
    const { date: _date, 'x-request-id': _id, ...rest } = headers;
    return rest;
  };

  beforeAll(async () => {
    const db = database();
    await seedOrgs({ db: db.db, clock });
    const org = await db.db.selectFrom('orgs').select('id').where('code', '=', '152200').executeTakeFirstOrThrow();
    make = siteFactory(db.db, org.id);
    ids.main = await make.site({ code: 'main', prefix: '', nameZh: '兴安盟行政公署', nameMn: 'ᠬᠢᠩᠭᠠᠨ ᠠᠶᠢᠮᠠᠭ' });
    ids.aes = await make.site({ code: 'aes', prefix: '/aes', nameZh: '阿尔山市人民政府', hosts: ['aes.hinggan.local'] });
    ids.news = (await make.column(ids.main, { slug: 'news', nameZh: '兴安要闻', nameMn: 'ᠮᠡᠳᠡᠭᠡ' })).id;
    ids.tour = (await make.column(ids.aes, { slug: 'tour', nameZh: '旅游资讯' })).id;
    // Long enough (> 1 KB) to be sent compressed.
    const body = `<p>${'兴安盟推进数字政府建设。'.repeat(120)}</p>`;
    ids.article = String((await make.article(ids.main, ids.news, { title: '数字政府建设推进会召开', body_html: body })).serial);
    await make.article(ids.aes, ids.tour, { title: '阿尔山冰雪节开幕' });
    const probe: PlatformModule = {
      name: 'probe',
      hooks: (scope) => scope.addHook('onRequest', (request, _reply, done) => (routed.push(request.url), done())),
      pages: async (_scope, options) => {
        ctx = options.ctx;
      },
    };
    app = await buildApp({ config: testConfig(), database: db, clock, serveWorkbench: false, modules: [orgsModule, portalModule, probe] });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = new URL(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers a page the router has cached with the same bytes and headers, security headers included', async () => {
    const path = `/news/${ids.article}.html`;
    const first = await reachedRouter(() => get(path));
    const second = await reachedRouter(() => get(path));
    expect(first.routed).toBe(true);
    expect(second.routed).toBe(false);
    expect(second.answer.status).toBe(200);
    expect(second.answer.body.equals(first.answer.body)).toBe(true);
    expect(second.answer.body.toString()).toContain('数字政府建设推进会召开');
    expect(withoutRequestId(second.answer.headers)).toEqual(withoutRequestId(first.answer.headers));
    expect(second.answer.headers['content-security-policy']).toContain("script-src 'self'");
    expect(second.answer.headers['x-frame-options']).toBe('DENY');
    expect(second.answer.headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
    expect(second.answer.headers['x-request-id']).not.toBe(first.answer.headers['x-request-id']);
    // A caller's own request id is echoed, as the router does.
    expect((await get(path, { 'x-request-id': 'trace-1234567' })).headers['x-request-id']).toBe('trace-1234567');
  });

  it('answers 304 and compressed copies as the router does', async () => {
    const path = '/news/';
    const plain = await get(path);
    const etag = plain.headers.etag!;
    const notModified = await reachedRouter(() => get(path, { 'if-none-match': etag }));
    expect(notModified).toMatchObject({ routed: false, answer: { status: 304 } });
    expect(notModified.answer.body.length).toBe(0);
    expect(notModified.answer.headers.etag).toBe(etag);
    const br = await reachedRouter(() => get(path, { 'accept-encoding': 'gzip, deflate, br' }));
    expect(br.routed).toBe(false);
    expect(br.answer.headers['content-encoding']).toBe('br');
    expect(Number(br.answer.headers['content-length'])).toBe(br.answer.body.length);
    expect(brotliDecompressSync(br.answer.body).equals(plain.body)).toBe(true);
  });

  it('keeps languages, 适老化 mode and host names apart', async () => {
    const zh = await get('/news/');
    await get('/news/', { cookie: 'lang=mn-Mong; other=1' });
    const mn = await reachedRouter(() => get('/news/', { cookie: 'other=2; lang=mn-Mong' }));
    expect(mn.routed).toBe(false);
    expect(mn.answer.body.toString()).toContain('lang="mn-Mong"');
    expect(mn.answer.body.equals(zh.body)).toBe(false);
    const elder = await reachedRouter(() => get('/news/', { cookie: 'elder=1' }));
    expect(elder.routed).toBe(true);
    expect(elder.answer.body.toString()).toContain('class="elder"');
    // The department site on its own host name and under the main host's path are cached apart.
    const own = await get('/tour/', { host: 'aes.hinggan.local' });
    const under = await get('/aes/tour/');
    expect(own.body.toString()).toContain('阿尔山冰雪节开幕');
    expect(under.body.toString()).toContain('阿尔山冰雪节开幕');
    const unknown = await reachedRouter(() => get('/tour/', { host: 'elsewhere.example' }));
    expect(unknown.routed).toBe(true);
    expect(unknown.answer.status).toBeGreaterThanOrEqual(400);
  });

  it('shows a publication at once: an invalidated page goes back to the router', async () => {
    const before = await get('/news/');
    await get('/news/');
    const created = await make.article(ids.main!, ids.news!, { title: '新发布的要闻', published_at: '2026-03-09T00:00:00.000Z' });
    portalEvents(ctx).siteChanged({ siteId: ids.main!, paths: [`/news/${created.serial}.html`] });
    const after = await reachedRouter(() => get('/news/'));
    expect(after.routed).toBe(true);
    expect(after.answer.body.toString()).toContain('新发布的要闻');
    expect(after.answer.headers.etag).not.toBe(before.headers.etag);
    expect((await reachedRouter(() => get('/news/'))).routed).toBe(false);
  });

  it('leaves HEAD, writes and the API to the router', async () => {
    await get('/news/');
    expect((await reachedRouter(() => get('/news/', {}, 'HEAD'))).routed).toBe(true);
    expect((await reachedRouter(() => get('/news/', {}, 'POST'))).routed).toBe(true);
    expect((await reachedRouter(() => get('/api/v1/health'))).routed).toBe(true);
  });
});
