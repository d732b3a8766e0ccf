import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPassword, seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../../platform/clock.js';

describeEachDialect('own sessions and password', (database) => {
  const clock = new FixedClock('2026-11-27T03:00:00Z');
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await seededApp(database(), { clock });
  });
  afterAll(() => app.close());

  const mySessions = (cookie: string) => app.inject({ url: '/api/v1/account/sessions', headers: { cookie } });
  const alive = async (cookie: string) => (await app.inject({ url: '/api/v1/session', headers: { cookie } })).statusCode === 200;

  it('lists the user’s own sessions and ends one of them', async () => {
    const laptop = await signIn(app, 'xsh.clerk');
    const phone = await signIn(app, 'xsh.clerk');
    const list = (await mySessions(laptop)).json() as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const other = list.find((s) => !s.current)!;
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/account/sessions/${other.id}`, headers: { cookie: laptop } })).statusCode).toBe(204);
    expect(await alive(phone)).toBe(false);
    expect(await alive(laptop)).toBe(true);
  });

  it('cannot end another user’s session: 404', async () => {
    const victim = await signIn(app, 'fgw.clerk');
    const victimSession = (await mySessions(victim)).json()[0].id as string;
    const attacker = await signIn(app, 'ulh.clerk');
    const attempt = await app.inject({ method: 'DELETE', url: `/api/v1/account/sessions/${victimSession}`, headers: { cookie: attacker } });
    expect(attempt.statusCode).toBe(404);
    expect(attempt.json().error.code).toBe('identity.session_not_found');
    expect(await alive(victim)).toBe(true);
  });

  it('changes the password against the policy and ends the other sessions', async () => {
    const here = await signIn(app, 'xsh.leader');
    const there = await signIn(app, 'xsh.leader');
    const change = (currentPassword: string, newPassword: string) =>
      app.inject({ method: 'POST', url: '/api/v1/account/password', headers: { cookie: here }, payload: { currentPassword, newPassword } });

    const weak = await change(demoPassword, 'short');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.code).toBe('identity.password_policy');
    expect(weak.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining(['密码至少 12 位', '密码须包含小写字母、大写字母、数字、符号中的至少 3 类']),
    );
    expect((await change(demoPassword, 'xsh.leader-Pass-2026')).json().error.fields[0].message).toBe('密码不能包含用户名');
    expect((await change('not-my-password', 'Grassland-Wind-42')).json().error.code).toBe('identity.current_password_wrong');

    const ok = await change(demoPassword, 'Grassland-Wind-42');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ endedSessions: 1 });
    expect(await alive(there)).toBe(false);
    expect(await alive(here)).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'xsh.leader', password: demoPassword } })).statusCode).toBe(401);
    expect(await signIn(app, 'xsh.leader', 'Grassland-Wind-42')).toMatch(/^hinggan_session=/);
  });

  it('ends sessions at the idle and absolute limits the policy sets', async () => {
    const secadmin = await signIn(app, 'secadmin');
    const policy = (await app.inject({ url: '/api/v1/security/policy', headers: { cookie: secadmin } })).json();
    await app.inject({
      method: 'PUT',
      url: '/api/v1/security/policy',
      headers: { cookie: secadmin },
      payload: { ...policy, sessionIdleMinutes: 10, sessionAbsoluteHours: 1 },
    });
    const user = await signIn(app, 'portal.editor');
    clock.advance(9 * 60_000);
    expect(await alive(user)).toBe(true);
    clock.advance(11 * 60_000);
    expect(await alive(user)).toBe(false);

    const busy = await signIn(app, 'portal.editor');
    for (let i = 0; i < 6; i++) {
      clock.advance(9 * 60_000);
      expect(await alive(busy)).toBe(true);
    }
    clock.advance(7 * 60_000);
    expect(await alive(busy)).toBe(false);
    await app.inject({ method: 'PUT', url: '/api/v1/security/policy', headers: { cookie: await signIn(app, 'secadmin') }, payload: policy });
  });
});
