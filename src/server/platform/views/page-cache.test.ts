import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createPageCache, sendCachedPage } from './page-cache.js';

function setup(initial = '<p>一</p>') {
  let now = Date.parse('2026-11-27T00:00:00Z');
  let content = initial;
  let renders = 0;
  const cache = createPageCache<'zh-CN' | 'en'>(
    async (key) => {
      renders += 1;
      return `${content}${key}`;
    },
    { now: () => now, maxAgeMs: 60_000, vary: 'Cookie' },
  );
  return {
    cache,
    renders: () => renders,
    setContent: (c: string) => (content = c),
    advance: (ms: number) => (now += ms),
  };
}

describe('page cache', () => {
  it('renders once per key and serves the same bytes after', async () => {
    const s = setup();
    const first = await s.cache.load('zh-CN');
    expect(first.identity.body.toString()).toBe('<p>一</p>zh-CN');
    expect(await s.cache.load('zh-CN')).toBe(first);
    expect(s.cache.peek('zh-CN')).toBe(first);
    expect(s.cache.peek('en')).toBeUndefined();
    await s.cache.load('en');
    expect(s.renders()).toBe(2);
  });

  it('keeps ETag and Last-Modified across a rebuild that renders the same bytes', async () => {
    const s = setup();
    const first = await s.cache.load('zh-CN');
    s.advance(10_000);
    s.cache.invalidate();
    const same = await s.cache.load('zh-CN');
    expect(same).not.toBe(first);
    expect(same.identity.headers.etag).toBe(first.identity.headers.etag);
    expect(same.identity.headers['last-modified']).toBe(first.identity.headers['last-modified']);
    s.setContent('<p>二</p>');
    s.cache.invalidate();
    const changed = await s.cache.load('zh-CN');
    expect(changed.identity.headers.etag).not.toBe(first.identity.headers.etag);
    expect(changed.lastModified).toBe(first.lastModified + 10_000);
  });

  it('rebuilds a stale page in the background while serving the old one', async () => {
    const s = setup();
    const first = await s.cache.load('zh-CN');
    s.setContent('<p>新</p>');
    s.advance(30_000);
    expect(s.cache.peek('zh-CN')).toBe(first);
    s.advance(31_000);
    expect(s.cache.peek('zh-CN')).toBe(first);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(s.cache.peek('zh-CN')!.identity.body.toString()).toBe('<p>新</p>zh-CN');
  });

  it('does not keep a page rendered before an invalidation', async () => {
    const s = setup();
    const pending = s.cache.load('zh-CN');
    s.setContent('<p>后</p>');
    s.cache.invalidate();
    await pending;
    expect(s.cache.peek('zh-CN')).toBeUndefined();
    expect((await s.cache.load('zh-CN')).identity.body.toString()).toBe('<p>后</p>zh-CN');
  });

  it('answers 200 with headers, then 304 for the same ETag or date', async () => {
    const s = setup();
    const app = Fastify();
    app.get('/', async (request, reply) => sendCachedPage(request, reply, await s.cache.load('zh-CN')));
    const ok = await app.inject({ url: '/' });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      vary: 'Accept-Encoding, Cookie',
      'content-length': String(Buffer.byteLength('<p>一</p>zh-CN')),
    });
    const etag = ok.headers.etag as string;
    expect((await app.inject({ url: '/', headers: { 'if-none-match': `W/"x", ${etag}` } })).statusCode).toBe(304);
    expect((await app.inject({ url: '/', headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);
    const lastModified = ok.headers['last-modified'] as string;
    expect((await app.inject({ url: '/', headers: { 'if-modified-since': lastModified } })).statusCode).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await app.inject({ url: '/', headers: { 'if-modified-since': earlier } })).statusCode).toBe(200);
    await app.close();
  });
});
