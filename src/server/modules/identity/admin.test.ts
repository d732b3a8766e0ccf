import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../../platform/clock.js';
import { roleConflict } from './admin.service.js';

describe('三员分立 role conflicts', () => {
  it('keeps each admin role exclusive', () => {
    expect(roleConflict([], 'secadmin')).toBe(false);
    expect(roleConflict(['sysadmin'], 'sysadmin')).toBe(false);
    expect(roleConflict(['sysadmin'], 'secadmin')).toBe(true);
    expect(roleConflict(['auditor'], 'clerk')).toBe(true);
    expect(roleConflict(['clerk'], 'auditor')).toBe(true);
    expect(roleConflict(['clerk'], 'leader')).toBe(false);
  });
});

describeEachDialect('account administration and the security policy', (database) => {
  const clock = new FixedClock('2026-11-27T04:00:00Z');
  let app: FastifyInstance;
  let sysadmin: string;
  beforeAll(async () => {
    app = await seededApp(database(), { clock });
    sysadmin = await signIn(app, 'sysadmin');
  });
  afterAll(() => app.close());

  const as = (cookie: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const userId = async (username: string) =>
    ((await as(sysadmin, 'GET', `/api/v1/admin/users?q=${username}`)).json().items as { id: string; username: string }[]).find(
      (u) => u.username === username,
    )!.id;

  it('lets only the 安全管理员 read and set the policy', async () => {
    for (const username of ['sysadmin', 'auditor', 'xsh.clerk']) {
      const cookie = await signIn(app, username);
      expect((await as(cookie, 'GET', '/api/v1/security/policy')).statusCode).toBe(403);
      expect((await as(cookie, 'PUT', '/api/v1/security/policy', {})).statusCode).toBeGreaterThanOrEqual(400);
    }
    const secadmin = await signIn(app, 'secadmin');
    const policy = await as(secadmin, 'GET', '/api/v1/security/policy');
    expect(policy.json()).toEqual({
      passwordMinLength: 12,
      passwordMinClasses: 3,
      passwordMaxAgeDays: 90,
      lockoutThreshold: 5,
      lockoutMinutes: 30,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      secondFactorRequired: false,
      secondFactorMethods: ['totp', 'sm2'],
      actions: ['read', 'update'],
    });
    const set = await as(secadmin, 'PUT', '/api/v1/security/policy', { ...policy.json(), passwordMinLength: 14 });
    expect(set.json().passwordMinLength).toBe(14);
    expect((await as(secadmin, 'GET', '/api/v1/security/policy')).json().passwordMinLength).toBe(14);
    expect((await as(await signIn(app, 'auditor'), 'PUT', '/api/v1/security/policy', policy.json())).statusCode).toBe(403);
    await as(secadmin, 'PUT', '/api/v1/security/policy', policy.json());
    const auditor = await signIn(app, 'auditor');
    const events = (await as(auditor, 'GET', '/api/v1/audit/events?action=security.policy_update')).json().events;
    expect(events[1]).toMatchObject({ actorName: 'secadmin', outcome: 'success', details: { changed: { passwordMinLength: 14 } } });
  });

  it('creates a user who must change the initial password at first sign-in', async () => {
    const weak = await as(sysadmin, 'POST', '/api/v1/admin/users', { username: 'tq.clerk', displayName: '周文秘', orgId: '152224000000', password: 'abc' });
    expect(weak.json().error.code).toBe('identity.password_policy');
    const created = await as(sysadmin, 'POST', '/api/v1/admin/users', {
      username: 'tq.clerk',
      displayName: '周文秘',
      orgId: '152224000000',
      password: 'Initial-Pass-2026',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'tq.clerk', mustChangePassword: true, status: 'active', roles: [] });
    const taken = await as(sysadmin, 'POST', '/api/v1/admin/users', { username: 'tq.clerk', displayName: 'x', orgId: '152224000000', password: 'Initial-Pass-2026' });
    expect(taken.json().error.code).toBe('identity.username_taken');

    const first = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'tq.clerk', password: 'Initial-Pass-2026' } });
    expect(first.json()).toMatchObject({ stage: 'change_password' });
    expect(first.cookies).toEqual([]);
    const same = await app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { challengeId: first.json().challengeId, newPassword: 'Initial-Pass-2026' },
    });
    expect(same.json().error.code).toBe('identity.password_reused');
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { challengeId: first.json().challengeId, newPassword: 'Tuquan-County-88' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.username).toBe('tq.clerk');
    expect(changed.cookies.find((c) => c.name === 'hinggan_session')).toBeDefined();
  });

  it('grants and revokes roles, refusing 三员分立 conflicts with identity.role_conflict', async () => {
    const clerk = await userId('tq.clerk');
    const grant = (id: string, role: string, cookie = sysadmin) => as(cookie, 'POST', `/api/v1/admin/users/${id}/roles`, { role, orgId: '152224000000' });
    expect((await grant(clerk, 'clerk')).json().roles).toEqual([expect.objectContaining({ role: 'clerk', scope: 'org' })]);
    const conflict = await grant(clerk, 'auditor');
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('identity.role_conflict');
    const self = await userId('sysadmin');
    expect((await grant(self, 'secadmin')).json().error.code).toBe('identity.role_conflict');
    expect((await grant(self, 'clerk')).json().error.code).toBe('identity.role_conflict');
    expect((await grant(await userId('auditor'), 'sysadmin')).json().error.code).toBe('identity.role_conflict');
    const revoked = await as(sysadmin, 'DELETE', `/api/v1/admin/users/${clerk}/roles?role=clerk&orgId=152224000000`);
    expect(revoked.json().roles).toEqual([]);
    expect((await grant(clerk, 'bogus')).statusCode).toBe(400);
  });

  it('refuses account administration to the 安全管理员, the 审计管理员 and business users', async () => {
    for (const username of ['secadmin', 'auditor', 'xsh.clerk']) {
      const cookie = await signIn(app, username);
      expect((await as(cookie, 'GET', '/api/v1/admin/users')).statusCode).toBe(403);
      expect((await as(cookie, 'POST', `/api/v1/admin/users/${await userId('tq.clerk')}/roles`, { role: 'clerk', orgId: '152224000000' })).statusCode).toBe(403);
      expect((await as(cookie, 'DELETE', `/api/v1/admin/users/${await userId('tq.clerk')}/sessions`)).statusCode).toBe(403);
    }
  });

  it('ends every session of a disabled account, and the admin can end a user’s sessions', async () => {
    const editor = await signIn(app, 'portal.editor');
    const ended = await as(sysadmin, 'DELETE', `/api/v1/admin/users/${await userId('portal.editor')}/sessions`);
    expect(ended.json()).toEqual({ endedSessions: 1 });
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: editor } })).statusCode).toBe(401);

    const reviewer = await signIn(app, 'portal.reviewer');
    const disabled = await as(sysadmin, 'PATCH', `/api/v1/admin/users/${await userId('portal.reviewer')}`, { status: 'disabled' });
    expect(disabled.json().status).toBe('disabled');
    expect(disabled.json().actions).toEqual(['read', 'edit', 'enable', 'grant', 'revoke', 'endSessions']);
    expect((await app.inject({ url: '/api/v1/session', headers: { cookie: reviewer } })).statusCode).toBe(401);
    expect(await database().db.selectFrom('sessions').where('user_id', '=', await userId('portal.reviewer')).selectAll().execute()).toEqual([]);
  });

  it('audits every account administration action, in the transaction of the change', async () => {
    const auditor = await signIn(app, 'auditor');
    const events = (await as(auditor, 'GET', '/api/v1/audit/events?action=identity&limit=100')).json().events as { action: string; actorName: string; object: { id: string } }[];
    const actions = new Set(events.map((e) => e.action));
    for (const action of ['identity.user_create', 'identity.user_update', 'identity.role_grant', 'identity.role_revoke', 'identity.sessions_end']) {
      expect(actions, action).toContain(action);
    }
    const created = events.find((e) => e.action === 'identity.user_create')!;
    expect(created).toMatchObject({ actorName: 'sysadmin', object: { type: 'user', id: await userId('tq.clerk') } });
  });
});
