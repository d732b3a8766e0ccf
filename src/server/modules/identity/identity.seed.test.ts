import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testConfig } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { buildApp } from '../../app.js';
import { seedAll } from '../../main.js';
import { FixedClock } from '../../platform/clock.js';
import { loadPlatformKeys } from '../../platform/keys.js';
import { oneTimePassword } from './identity.seed.js';
import { passwordProblems, defaultSecurityPolicy } from './security-policy.js';
import { totpCodeAt } from './totp.js';

describeEachDialect('production start', (database) => {
  const clock = new FixedClock('2026-11-27T05:00:00Z');
  const config = testConfig({ HINGGAN_ENV: 'production' });
  let app: FastifyInstance;
  let lines: string[];
  beforeAll(async () => {
    loadPlatformKeys(testConfig()); // production never creates a key file; the test one stands in
    lines = (await seedAll(database(), config)).lines;
    app = await buildApp({ config, database: database(), serveWorkbench: false, clock });
    await app.ready();
  });
  afterAll(() => app.close());

  const passwordOf = (username: string) => lines.find((l) => l.trim().startsWith(`${username} `))!.trim().split(/\s+/)[1]!;

  it('seeds exactly the three administrators, with one-time passwords and both must-flags', async () => {
    const users = await database().db.selectFrom('users').selectAll().orderBy('username').execute();
    expect(users.map((u) => u.username)).toEqual(['auditor', 'secadmin', 'sysadmin']);
    for (const user of users) {
      expect(user).toMatchObject({ is_demo: 0, must_change_password: 1, must_enrol_second_factor: 1, status: 'active' });
    }
    const roles = await database().db.selectFrom('user_roles').select(['role', 'scope']).orderBy('role').execute();
    expect(roles).toEqual([
      { role: 'auditor', scope: 'subtree' },
      { role: 'secadmin', scope: 'subtree' },
      { role: 'sysadmin', scope: 'subtree' },
    ]);
    const passwords = ['sysadmin', 'secadmin', 'auditor'].map(passwordOf);
    expect(new Set(passwords).size).toBe(3);
    for (const p of passwords) expect(passwordProblems(defaultSecurityPolicy('production'), p, 'sysadmin')).toEqual([]);
    expect((await seedAll(database(), config)).lines).toEqual([]); // a second start seeds nothing
  });

  it('makes an administrator change the password and enrol TOTP before the first session', async () => {
    const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });
    const first = await post('/api/v1/session', { username: 'secadmin', password: passwordOf('secadmin') });
    expect(first.json()).toMatchObject({ stage: 'change_password' });
    expect(first.cookies).toEqual([]);
    const changed = await post('/api/v1/session/password', { challengeId: first.json().challengeId, newPassword: 'Khingan-Range-1947' });
    expect(changed.json()).toMatchObject({ stage: 'enrol_second_factor' });
    expect(changed.cookies).toEqual([]);
    const { challengeId } = changed.json();
    const enrolment = await post('/api/v1/session/totp/enrol', { challengeId });
    const { secret } = enrolment.json();
    const done = await post('/api/v1/session/totp/confirm', { challengeId, code: totpCodeAt(secret, clock.now()) });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.username).toBe('secadmin');
    expect(done.json().demo).toBe(false);
    const cookie = done.cookies.find((c) => c.name === '__Host-hinggan_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.domain).toBeUndefined();

    // The old one-time password no longer works; the next sign-in asks for the second factor.
    expect((await post('/api/v1/session', { username: 'secadmin', password: passwordOf('secadmin') })).statusCode).toBe(401);
    clock.advance(30_000);
    const next = await post('/api/v1/session', { username: 'secadmin', password: 'Khingan-Range-1947' });
    expect(next.json()).toMatchObject({ stage: 'second_factor', methods: ['totp'] });
    const session = await post('/api/v1/session/second-factor', { challengeId: next.json().challengeId, code: totpCodeAt(secret, clock.now()) });
    const header = `__Host-hinggan_session=${session.cookies[0]!.value}`;
    expect((await app.inject({ url: '/api/v1/security/policy', headers: { cookie: header } })).json().secondFactorRequired).toBe(true);
  });
});

describe('one-time passwords', () => {
  it('are 20 characters from every character class', () => {
    const policy = { ...defaultSecurityPolicy('production'), passwordMinLength: 20, passwordMinClasses: 4 };
    for (let i = 0; i < 50; i++) expect(passwordProblems(policy, oneTimePassword(), 'sysadmin')).toEqual([]);
  });
});
