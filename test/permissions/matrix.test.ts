import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roles } from '../../src/shared/roles.js';
import { seededApp, signIn } from '../support/app.js';
import { describeEachDialect } from '../support/db.js';
import { matrixFixtures, type Fixtures, type MatrixActor, type MatrixCall, type Target } from './matrix-fixtures.js';
import { permissionTable, publicRoutes, type PermissionEntry } from './permission-table.js';

/**
 * The permission matrix: every /api/v1 route the built app has (collected as Fastify adds them, so a
 * new module's routes join by themselves) × every role held in the own organisation (扎赉特旗) ×
 * an object of the own and of another organisation (突泉县) × anonymous, checked against the
 * declared table in permission-table.ts.
 */
const targets: readonly Target[] = ['own', 'other'];
const placeholder = 'x0placeholder';

interface Route {
  readonly method: string;
  readonly url: string;
  readonly key: string;
}

function fill(url: string, params: Record<string, string>): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? placeholder));
}

function request(route: Route, entry: PermissionEntry, call: MatrixCall, cookie?: string) {
  const body = entry.body?.(call);
  return {
    method: route.method as 'GET',
    url: fill(route.url, entry.params?.(call) ?? {}) + (entry.query?.(call) ?? ''),
    headers: { ...(cookie ? { cookie } : {}), ...(entry.contentType ? { 'content-type': entry.contentType } : {}) },
    ...(body !== undefined ? { payload: body as string } : {}),
  };
}

const allowed = (entry: PermissionEntry, actor: MatrixActor, target: Target) =>
  (entry.allow.includes('signedIn') || entry.allow.includes(actor.role)) && (entry.scope === 'any' || target === 'own');

describeEachDialect('permission matrix: every route × role × own/other organisation', (database) => {
  let app: FastifyInstance;
  const routes: Route[] = [];
  let fx: Fixtures;
  let actors: MatrixActor[];

  beforeAll(async () => {
    routes.length = 0;
    app = await seededApp(database(), {
      onRoute: ({ method, url }) => {
        for (const m of [method].flat()) {
          if (m !== 'HEAD' && url.startsWith('/api/v1/')) routes.push({ method: m, url, key: `${m} ${url}` });
        }
      },
    });
    ({ fx, actors } = await matrixFixtures(app, database()));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('covers every role and finds the routes of every module', () => {
    expect(actors.map((a) => a.role).sort()).toEqual(Object.keys(roles).sort());
    expect(routes.map((r) => r.key)).toEqual(expect.arrayContaining(['GET /api/v1/orgs/:key', 'GET /api/v1/admin/users', 'GET /api/v1/pki/certificates', 'GET /api/v1/audit/events']));
  });

  it('has a permission entry for every route, and no entry for a route that is gone', () => {
    const keys = new Set(routes.map((r) => r.key));
    const missing = routes.filter((r) => !publicRoutes.has(r.key) && !permissionTable[r.key]).map((r) => `route ${r.key} has no permission entry`);
    const stale = Object.keys(permissionTable).filter((k) => !keys.has(k)).map((k) => `entry ${k} names no route`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it('answers 401 to an anonymous caller on every route but the public ones', async () => {
    const problems: string[] = [];
    const call: MatrixCall = { fx, actor: actors[0]!, target: 'own' };
    await Promise.all(
      routes
        .filter((r) => !publicRoutes.has(r.key))
        .map(async (route) => {
          const entry = permissionTable[route.key] ?? { allow: [], scope: 'any' };
          const { payload: _payload, ...anonymous } = request(route, { ...entry, body: undefined }, call);
          const response = await app.inject(anonymous);
          if (response.statusCode !== 401) problems.push(`${route.key}: anonymous got ${response.statusCode}`);
        }),
    );
    for (const url of ['/healthz', '/readyz', '/api/openapi.json']) {
      const response = await app.inject({ url });
      if (response.statusCode !== 200) problems.push(`GET ${url}: anonymous got ${response.statusCode}, expected 200`);
    }
    expect(problems).toEqual([]);
  });

  it('allows exactly what the table declares, answers 403/404 otherwise, and never leaks another organisation', async () => {
    const problems: string[] = [];
    for (const route of routes) {
      const entry = permissionTable[route.key];
      if (!entry) continue; // public, or reported missing above
      for (const target of targets) {
        await Promise.all(
          actors.map(async (actor) => {
            const call = { fx, actor, target };
            await entry.setup?.(call);
            const response = await app.inject(request(route, entry, call, actor.cookie));
            const status = response.statusCode;
            const who = `${route.key} as ${actor.role} on ${target}`;
            if (allowed(entry, actor, target)) {
              const ok = entry.ok ? entry.ok.includes(status) : status >= 200 && status < 300;
              if (!ok) problems.push(`${who}: expected success, got ${status} ${response.body.slice(0, 200)}`);
            } else if (status !== 403 && status !== 404) {
              problems.push(`${who}: expected 403/404, got ${status} ${response.body.slice(0, 200)}`);
            }
            const mayHoldOthers = entry.crossOrg || allowed(entry, actor, 'other');
            if (!mayHoldOthers) {
              const leaked = fx.otherMarkers.filter((marker) => response.body.includes(marker));
              if (leaked.length) problems.push(`${who}: answer holds another organisation's ${leaked.join(', ')}`);
            }
          }),
        );
      }
    }
    expect(problems).toEqual([]);
  }, 240_000);

  it('left an audit event for every admin action and business write the matrix made', async () => {
    const auditor = await signIn(app, 'auditor');
    const seen = async (action: string) =>
      (await app.inject({ url: `/api/v1/audit/events?action=${action}&limit=500`, headers: { cookie: auditor } })).json().events as {
        action: string;
        outcome: string;
        actorName: string;
      }[];
    const expected = [
      'orgs.import',
      'identity.user_create',
      'identity.user_update',
      'identity.role_grant',
      'identity.role_revoke',
      'identity.sessions_end',
      'account.password_change',
      'account.totp_enrol',
      'account.session_end',
      'security.policy_update',
      'pki.root_create',
      'pki.issue',
      'pki.revoke',
    ];
    const missing: string[] = [];
    for (const action of expected) if (!(await seen(action)).some((e) => e.action === action && e.outcome === 'success')) missing.push(action);
    expect(missing).toEqual([]);
    const denials = await seen('auth.denied');
    expect(denials.some((e) => e.actorName === 'mx.clerk')).toBe(true);
  });
});
