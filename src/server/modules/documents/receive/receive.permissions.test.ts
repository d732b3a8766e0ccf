import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { matrixFixtures, type Fixtures, type MatrixActor, type MatrixCall, type Target } from '../../../../../test/permissions/matrix-fixtures.js';
import { permissionTable, type PermissionEntry } from '../../../../../test/permissions/permission-table.js';
import { seededApp } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';

/**
 * The receiving and filing routes against their entries in the permission table, as the matrix test
 * (test/permissions/matrix.test.ts) checks them — every role × own/other organisation, with the shared
 * matrix fixtures (`matrixReceivingFixtures` makes the receiving ones) — on these routes only.
 */
const prefixes = ['/api/v1/documents/inbox', '/api/v1/documents/reading', '/api/v1/documents/incoming', '/api/v1/documents/archive', '/api/v1/documents/statistics'];
const isReceiving = (key: string) => prefixes.some((p) => key.split(' ')[1]!.startsWith(p)) || key === 'GET /api/v1/documents/:id/receipts';

function request(url: string, entry: PermissionEntry, call: MatrixCall, cookie: string) {
  const body = entry.body?.(call);
  const params = entry.params?.(call) ?? {};
  return {
    method: url.split(' ')[0] as 'GET',
    url: url.split(' ')[1]!.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeURIComponent(params[name] ?? 'x0placeholder')) + (entry.query?.(call) ?? ''),
    headers: { cookie, ...(entry.contentType ? { 'content-type': entry.contentType } : {}) },
    ...(body !== undefined ? { payload: body as string } : {}),
  };
}

describeEachDialect('receiving and filing routes × role × own/other organisation', (database) => {
  let app: FastifyInstance;
  const routes: string[] = [];
  let fx: Fixtures;
  let actors: MatrixActor[];

  beforeAll(async () => {
    app = await seededApp(database(), {
      onRoute: ({ method, url }) => {
        for (const m of [method].flat()) if (m !== 'HEAD' && url.startsWith('/api/v1/')) routes.push(`${m} ${url}`);
      },
    });
    ({ fx, actors } = await matrixFixtures(app, database()));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('declares every receiving route and answers each role as declared, leaking nothing of the other organisation', async () => {
    const mine = routes.filter(isReceiving);
    expect(mine.length).toBe(28);
    expect(mine.filter((r) => !permissionTable[r])).toEqual([]);
    const problems: string[] = [];
    for (const route of mine) {
      const entry = permissionTable[route]!;
      for (const target of ['own', 'other'] as const) {
        await Promise.all(
          actors.map(async (actor) => {
            const call = { fx, actor, target };
            const response = await app.inject(request(route, entry, call, actor.cookie));
            const allowedOn = (t: Target) => (entry.allow.includes('signedIn') || entry.allow.includes(actor.role)) && (entry.scope === 'any' || t === 'own');
            const status = response.statusCode;
            const who = `${route} as ${actor.role} on ${target}`;
            if (allowedOn(target)) {
              const ok = entry.ok ? entry.ok.includes(status) : status >= 200 && status < 300;
              if (!ok) problems.push(`${who}: expected success, got ${status} ${response.body.slice(0, 160)}`);
            } else if (status !== 403 && status !== 404) {
              problems.push(`${who}: expected 403/404, got ${status} ${response.body.slice(0, 160)}`);
            }
            if (!(entry.crossOrg || allowedOn('other'))) {
              const leaked = fx.otherMarkers.filter((marker) => response.body.includes(marker));
              if (leaked.length) problems.push(`${who}: answer holds another organisation's ${leaked.join(', ')}`);
            }
          }),
        );
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
