import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededApp, signIn, testConfig } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { buildApp } from '../../app.js';
import { FixedClock } from '../../platform/clock.js';

describeEachDialect('sign-in and sessions', (database) => {
  const clock = new FixedClock('2026-11-27T01:00:00Z');
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await seededApp(database(), { clock });
  });
  afterAll(() => app.close());

  it('signs a demo clerk in and shows their organisation, roles and navigation', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'xsh.clerk', password: 'Hinggan@2026' },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'hinggan_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.value.length).toBeGreaterThanOrEqual(43); // 256 random bits, base64url
    const info = response.json();
    expect(info.user).toMatchObject({ username: 'xsh.clerk', displayName: '王文秘', isDemo: true });
    expect(info.org.nameZh).toBe('兴安盟行政公署办公室');
    expect(info.org.path.map((o: { nameZh: string }) => o.nameZh)).toEqual(['内蒙古自治区', '兴安盟', '兴安盟行政公署']);
    expect(info.roles).toEqual([expect.objectContaining({ role: 'clerk', label: '文秘/机要', orgName: '兴安盟行政公署办公室' })]);
    expect(info.nav.map((n: { key: string }) => n.key)).toContain('orgs');
    expect(info.demo).toBe(true);
  });

  it('gives the same message for a wrong password and an unknown user', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'xsh.clerk', password: 'nope' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'ghost', password: 'nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
    expect(unknown.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: wrong.json().error.message });
    expect(wrong.cookies).toEqual([]);
  });

  it('lists missing fields and rejects malformed or non-JSON bodies with codes', async () => {
    const missing = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: '' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual(
      expect.arrayContaining([
        { path: 'body.username', message: '请输入用户名' },
        expect.objectContaining({ path: 'body.password' }),
      ]),
    );
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('request.malformed_json');
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a&password=b',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('request.unsupported_media_type');
  });

  it('rejects an oversized body with request.too_large', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('ends the session at sign-out and after 30 idle minutes', async () => {
    const cookie = await signIn(app, 'fgw.clerk');
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(200);
    const out = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode).toBe(401);

    const idle = await signIn(app, 'fgw.clerk');
    clock.advance(29 * 60_000);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: idle } })).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: idle } })).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    const expired = await app.inject({ url: '/api/v1/session', headers: { cookie: idle } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('auth.required');
  });

  it('refuses demo accounts on a production deployment', async () => {
    const production = await buildApp({
      config: testConfig({ HINGGAN_ENV: 'production' }),
      database: database(),
      serveWorkbench: false,
    });
    const response = await production.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'xsh.clerk', password: 'Hinggan@2026' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.demo_refused');
    await production.close();
  });
});

describeEachDialect('sign-in is audited', (database) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await seededApp(database());
  });
  afterAll(() => app.close());

  it('records failed and successful sign-ins and refused permissions, with who, where and the request id', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'xsh.clerk', password: 'wrong' } });
    const clerk = await signIn(app, 'xsh.clerk');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/import',
      headers: { cookie: clerk, 'content-type': 'text/csv', 'x-request-id': 'req-denied-0001' },
      payload: 'ref\n',
    });
    expect(refused.statusCode).toBe(403);

    const auditor = await signIn(app, 'auditor');
    const events = (await app.inject({ url: '/api/v1/audit/events?action=auth', headers: { cookie: auditor } })).json().events;
    const mine = events.filter((e: { actorName: string }) => e.actorName === 'xsh.clerk').reverse();
    expect(mine.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`)).toEqual([
      'auth.sign_in_failed:failure',
      'auth.sign_in:success',
      'auth.denied:denied',
    ]);
    expect(mine[2]).toMatchObject({ requestId: 'req-denied-0001', ip: '127.0.0.1', details: { path: '/api/v1/orgs/import' } });
    expect(mine[1].orgId).toBeTruthy();
  });
});
