import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPassword, seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { sm3 } from '../../platform/crypto/index.js';
import { FixedClock } from '../../platform/clock.js';
import { totpCodeAt } from './totp.js';

const step = 30_000;

describeEachDialect('sign-in hardening and the TOTP second factor', (database) => {
  const clock = new FixedClock('2026-11-27T02:00:00Z');
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await seededApp(database(), { clock });
  });
  afterAll(() => app.close());

  const post = (url: string, payload: object, cookie?: string) =>
    app.inject({ method: 'POST', url, payload, ...(cookie ? { headers: { cookie } } : {}) });
  const attempt = (username: string, password: string) => post('/api/v1/session', { username, password });

  it('locks an account after 5 failures, refuses even the right password, and unlocks after 30 minutes', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('portal.editor', 'wrong-password')).statusCode).toBe(401);
    const locked = await attempt('portal.editor', demoPassword);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    expect(locked.cookies).toEqual([]);
    clock.advance(29 * 60_000);
    expect((await attempt('portal.editor', demoPassword)).statusCode).toBe(401);
    clock.advance(60_000);
    expect((await attempt('portal.editor', demoPassword)).statusCode).toBe(200);
  });

  it('a successful sign-in resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await attempt('portal.reviewer', 'wrong-password');
    expect((await attempt('portal.reviewer', demoPassword)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('portal.reviewer', 'wrong-password');
    expect((await attempt('portal.reviewer', demoPassword)).statusCode).toBe(200);
  });

  it('answers every kind of failure with the same code and message', async () => {
    const sysadmin = await signIn(app, 'sysadmin');
    const user = await app.inject({ url: '/api/v1/admin/users?q=xsh.leader', headers: { cookie: sysadmin } });
    const leaderId = user.json().items[0].id as string;
    await app.inject({ method: 'PATCH', url: `/api/v1/admin/users/${leaderId}`, headers: { cookie: sysadmin }, payload: { status: 'disabled' } });
    const answers = [
      await attempt('xsh.clerk', 'wrong-password'),
      await attempt('nobody.here', 'wrong-password'),
      await attempt('xsh.leader', demoPassword), // disabled
    ];
    for (const a of answers) {
      expect(a.statusCode).toBe(401);
      expect(a.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    }
  });

  it('locks a client address after 20 unknown user names, for every account', async () => {
    const from = (username: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password }, remoteAddress: '10.9.8.7' });
    for (let i = 0; i < 20; i++) expect((await from(`ghost${i}`, 'x')).statusCode).toBe(401);
    const refused = await from('auditor', demoPassword);
    expect(refused.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    expect((await attempt('auditor', demoPassword)).statusCode).toBe(200); // other addresses are unaffected
    clock.advance(30 * 60_000);
    expect((await from('auditor', demoPassword)).statusCode).toBe(200);
  });

  it('stores session tokens as SM3 hashes and ends the presented session at a new sign-in', async () => {
    const first = await signIn(app, 'ulh.clerk');
    const token = first.split('=')[1]!;
    const rows = await database().db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(Buffer.from(sm3(token)).toString('hex'));
    const again = await post('/api/v1/session', { username: 'ulh.clerk', password: demoPassword }, first);
    expect(again.statusCode).toBe(200);
    expect(again.cookies[0]!.value).not.toBe(token);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: first } })).statusCode).toBe(401);
  });

  it('refuses a forged cookie with 401', async () => {
    const forged = await app.inject({ url: '/api/v1/session', headers: { cookie: 'hinggan_session=' + 'A'.repeat(43) } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('auth.required');
  });

  it('enrols TOTP, then asks for it at sign-in; a replayed code and an expired challenge are refused', async () => {
    const cookie = await signIn(app, 'fgw.clerk');
    const enrol = await post('/api/v1/account/totp/enrol', {}, cookie);
    expect(enrol.statusCode).toBe(200);
    const { secret, uri, qrCode } = enrol.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/.*secret=.*&?/);
    expect(uri).toContain('digits=6');
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect((await post('/api/v1/account/totp/confirm', { code: '000000' }, cookie)).json().error.code).toBe('identity.totp_code_wrong');
    expect((await post('/api/v1/account/totp/confirm', { code: totpCodeAt(secret, clock.now()) }, cookie)).statusCode).toBe(204);
    const stored = await database().db.selectFrom('user_totp').selectAll().execute();
    expect(stored.some((r) => r.secret?.includes(secret))).toBe(false);

    clock.advance(step);
    const first = await attempt('fgw.clerk', demoPassword);
    expect(first.statusCode).toBe(200);
    expect(first.cookies).toEqual([]);
    expect(first.json()).toEqual({ stage: 'second_factor', challengeId: expect.any(String), methods: ['totp'] });
    const code = totpCodeAt(secret, clock.now());
    const done = await post('/api/v1/session/second-factor', { challengeId: first.json().challengeId, code });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.username).toBe('fgw.clerk');
    expect(done.cookies.find((c) => c.name === 'hinggan_session')).toBeDefined();

    // The same code again, on a fresh challenge: refused with the generic answer.
    const second = await attempt('fgw.clerk', demoPassword);
    const replay = await post('/api/v1/session/second-factor', { challengeId: second.json().challengeId, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    // A used challenge cannot be used again.
    const reused = await post('/api/v1/session/second-factor', { challengeId: first.json().challengeId, code });
    expect(reused.json().error.code).toBe('auth.challenge_expired');

    // A challenge older than 5 minutes is refused even with a good code.
    clock.advance(5 * 60_000 + 1);
    const late = await post('/api/v1/session/second-factor', {
      challengeId: second.json().challengeId,
      code: totpCodeAt(secret, clock.now()),
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('auth.challenge_expired');
    const fresh = await attempt('fgw.clerk', demoPassword);
    const ok = await post('/api/v1/session/second-factor', { challengeId: fresh.json().challengeId, code: totpCodeAt(secret, clock.now()) });
    expect(ok.statusCode).toBe(200);
  });

  it('counts wrong codes towards the lockout', async () => {
    const cookie = await signIn(app, 'xsh.clerk');
    const { secret } = (await post('/api/v1/account/totp/enrol', {}, cookie)).json();
    await post('/api/v1/account/totp/confirm', { code: totpCodeAt(secret, clock.now()) }, cookie);
    clock.advance(step);
    const challenge = (await attempt('xsh.clerk', demoPassword)).json().challengeId as string;
    for (let i = 0; i < 5; i++) {
      const wrong = await post('/api/v1/session/second-factor', { challengeId: challenge, code: '123456' });
      expect(wrong.json().error.code).toBe('auth.invalid_credentials');
    }
    const right = await post('/api/v1/session/second-factor', { challengeId: challenge, code: totpCodeAt(secret, clock.now()) });
    expect(right.statusCode).toBe(401);
    expect((await attempt('xsh.clerk', demoPassword)).json().error.code).toBe('auth.invalid_credentials');
  });
});
