import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';

interface Event {
  actorName: string | null;
  orgId: string | null;
  action: string;
}

describeEachDialect('the audit log narrowed to an auditor’s organisations', (database) => {
  let app: FastifyInstance;
  let leagueAuditor: string;
  let countyAuditor: string;
  let ulanhotIds: Set<string>;

  const as = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    app = await seededApp(database());
    const sysadmin = await signIn(app, 'sysadmin');
    // An auditor for 乌兰浩特市 only: the city's government and everything under it.
    const ulanhot = (await as(sysadmin, 'GET', '/api/v1/orgs/152201000000')).json() as { id: string };
    const created = await as(sysadmin, 'POST', '/api/v1/admin/users', {
      username: 'ulh.auditor',
      displayName: '乌兰浩特审计员',
      orgId: '152201000000.gov',
      password: 'County-Audit-2026!',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await as(sysadmin, 'POST', `/api/v1/admin/users/${id}/roles`, { role: 'auditor', orgId: ulanhot.id, scope: 'subtree' })).statusCode).toBe(200);
    // First sign-in must change the initial password.
    const first = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'ulh.auditor', password: 'County-Audit-2026!' } });
    const done = await app.inject({
      method: 'POST',
      url: '/api/v1/session/password',
      payload: { challengeId: first.json().challengeId, newPassword: 'County-Audit-2026-New!' },
    });
    expect(done.statusCode).toBe(200);
    countyAuditor = `hinggan_session=${done.cookies.find((c) => c.name === 'hinggan_session')!.value}`;
    leagueAuditor = await signIn(app, 'auditor');

    const subtree = (await as(sysadmin, 'GET', `/api/v1/orgs/tree?root=${ulanhot.id}&depth=9`)).json();
    ulanhotIds = new Set(JSON.stringify(subtree).match(/"id":"[^"]+"/g)!.map((m) => m.slice(6, -1)));
    // Business activity in both places: a league clerk and a city clerk sign in.
    await signIn(app, 'xsh.clerk');
    await signIn(app, 'ulh.clerk');
  });
  afterAll(() => app.close());

  it('shows a county auditor only events of organisations under his grant', async () => {
    const events = (await as(countyAuditor, 'GET', '/api/v1/audit/events?limit=500')).json().events as Event[];
    const names = new Set(events.map((e) => e.actorName));
    expect(names).toContain('ulh.clerk');
    expect(names).not.toContain('xsh.clerk');
    expect(names).not.toContain('sysadmin');
    for (const e of events) expect(ulanhotIds.has(e.orgId!)).toBe(true);

    const exported = await as(countyAuditor, 'GET', '/api/v1/audit/export?format=jsonl');
    expect(exported.body).toContain('"ulh.clerk"');
    expect(exported.body).not.toContain('"xsh.clerk"');
  });

  it('shows the deployment-wide auditor everything, including events of no organisation', async () => {
    await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username: 'nobody.here', password: 'wrong-password-1' } });
    const events = (await as(leagueAuditor, 'GET', '/api/v1/audit/events?limit=500')).json().events as Event[];
    const names = new Set(events.map((e) => e.actorName));
    for (const name of ['ulh.clerk', 'xsh.clerk', 'sysadmin']) expect(names).toContain(name);
    expect(events.some((e) => e.orgId === null)).toBe(true);
    const county = (await as(countyAuditor, 'GET', '/api/v1/audit/events?limit=500')).json().events as Event[];
    expect(county.some((e) => e.orgId === null)).toBe(false);
  });

  it('finds events by the actor’s user name', async () => {
    const events = (await as(leagueAuditor, 'GET', '/api/v1/audit/events?actorName=xsh.clerk')).json().events as Event[];
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.actorName))).toEqual(new Set(['xsh.clerk']));
  });
});
