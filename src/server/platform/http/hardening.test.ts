import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { buildApp } from '../../app.js';
import { installErrorHandler } from './error-handler.js';
import { installHardening, isCrossSiteWrite } from './hardening.js';

describeEachDialect('web hardening on the whole app', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ config: testConfig(), database: database(), serveWorkbench: false });
  });
  afterAll(() => app.close());

  it('sends a CSP without inline script, nosniff, frame and referrer rules on pages, API answers and errors', async () => {
    for (const url of ['/', '/api/v1/orgs', '/healthz', '/no-such-page', '/api/docs/']) {
      const response = await app.inject(url);
      const csp = response.headers['content-security-policy'] as string;
      expect(csp, url).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });

  it('refuses a cross-site write in the browser, but not a same-origin one or a non-browser client', async () => {
    const payload = { username: 'nobody', password: 'x' };
    const crossSite = await app.inject({ method: 'POST', url: '/api/v1/session', payload, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('auth.csrf');
    const foreignOrigin = await app.inject({ method: 'POST', url: '/api/v1/session', payload, headers: { origin: 'https://evil.example' } });
    expect(foreignOrigin.json().error.code).toBe('auth.csrf');
    const sameOrigin = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload,
      headers: { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' },
    });
    expect(sameOrigin.json().error.code).toBe('auth.invalid_credentials');
    const cli = await app.inject({ method: 'POST', url: '/api/v1/session', payload });
    expect(cli.json().error.code).toBe('auth.invalid_credentials');
  });
});

describe('HSTS and rate limits', () => {
  it('sends HSTS only in production', async () => {
    const production = Fastify();
    await installHardening(production, { production: true });
    production.get('/', async () => 'ok');
    expect((await production.inject('/')).headers['strict-transport-security']).toMatch(/max-age=31536000/);
    const development = Fastify();
    await installHardening(development, { production: false });
    development.get('/', async () => 'ok');
    expect((await development.inject('/')).headers['strict-transport-security']).toBeUndefined();
  });

  it('limits a route that asks for it with a coded 429', async () => {
    const app = Fastify();
    installErrorHandler(app);
    await installHardening(app, { production: false });
    app.post('/limited', { config: { rateLimit: { max: 3, timeWindow: 60_000 } } }, async () => ({ ok: true }));
    app.post('/free', async () => ({ ok: true }));
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await app.inject({ method: 'POST', url: '/limited' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const limited = await app.inject({ method: 'POST', url: '/limited' });
    expect(limited.json().error.code).toBe('request.rate_limited');
    expect(limited.json().error.message).toBe('请求过于频繁，请稍后再试');
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'POST', url: '/free' })).statusCode).toBe(200);
  });
});

describe('isCrossSiteWrite', () => {
  it('looks only at writes, trusts fetch metadata first, then the Origin', () => {
    expect(isCrossSiteWrite('GET', { 'sec-fetch-site': 'cross-site' })).toBe(false);
    expect(isCrossSiteWrite('DELETE', { 'sec-fetch-site': 'same-site' })).toBe(true);
    expect(isCrossSiteWrite('POST', { origin: 'null' })).toBe(true);
    expect(isCrossSiteWrite('POST', { origin: 'http://a.gov.cn', host: 'a.gov.cn' })).toBe(false);
    expect(isCrossSiteWrite('POST', {})).toBe(false);
  });
});
