import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import type { Actor } from '../actor.js';
import { FixedClock } from '../clock.js';
import { sm2GenerateKeyPair } from '../crypto/index.js';
import { installErrorHandler } from '../http/error-handler.js';
import { auditContext, auditRoutes, createAuditLog, csvCell, type AuditLog } from './index.js';

const signing = sm2GenerateKeyPair();

const actorWith = (role: string): Actor => ({
  userId: `id-${role}`,
  username: role,
  displayName: role,
  orgId: 'org-it',
  roles: [{ role, orgId: 'org-it', scope: 'org' }],
  isDemo: true,
  sessionId: 's',
});

describeEachDialect('audit routes', (database) => {
  const clock = new FixedClock('2026-03-01T00:00:00.000Z');
  let app: FastifyInstance;
  let log: AuditLog;
  const as = (role: string | undefined) => (role ? { 'x-test-role': role } : {});

  beforeAll(async () => {
    const db = database().db;
    log = createAuditLog({ signing, clock, checkpointEvery: 5 });
    await db.transaction().execute((trx) =>
      log.appendMany(trx, [
        { action: 'auth.sign_in', actorId: 'u1', actorName: 'xsh.clerk', details: { method: 'password' } },
        { action: 'auth.sign_in_failed', actorName: 'nobody', outcome: 'failure', details: { username: '=cmd()', reason: 'unknown' } },
        { action: 'keys.rotate', actorId: 'u2', object: { type: 'key', id: '2' }, details: { keyId: 2 } },
      ]),
    );
    app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandler(app, {
      onDenied: async (error, request) => {
        await log.record(db, {
          ...auditContext(request),
          action: 'auth.denied',
          outcome: 'denied',
          details: { permission: error.code, method: request.method, path: request.url.split('?')[0]! },
        });
      },
    });
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request) => {
      const role = request.headers['x-test-role'];
      request.actor = typeof role === 'string' ? actorWith(role) : null;
    });
    await app.register(auditRoutes, { prefix: '/api/v1', db, trustedKeys: [signing.publicKey], log });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets only the auditor read: sysadmin and secadmin get 403 (and the denial is audited), strangers 401', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/audit/events'],
      ['GET', '/api/v1/audit/export'],
      ['POST', '/api/v1/audit/verify'],
    ] as const) {
      expect((await app.inject({ method, url })).statusCode).toBe(401);
      for (const role of ['sysadmin', 'secadmin']) {
        const response = await app.inject({ method, url, headers: as(role) });
        expect(response.statusCode).toBe(403);
        expect(response.json()).toMatchObject({ error: { code: 'auth.forbidden' } });
      }
      expect((await app.inject({ method, url, headers: as('auditor') })).statusCode).toBe(200);
    }
    const denied = await app.inject({ url: '/api/v1/audit/events?action=auth.denied&limit=100', headers: as('auditor') });
    const events = denied.json().events as { actorName: string; outcome: string; details: { path: string } }[];
    expect(events).toHaveLength(6);
    expect(events.every((e) => e.outcome === 'denied')).toBe(true);
    expect(events.map((e) => e.actorName)).toContain('secadmin');
  });

  it('searches by action prefix, actor, object and outcome, newest first, page by page', async () => {
    const auth = await app.inject({ url: '/api/v1/audit/events?action=auth.sign_in', headers: as('auditor') });
    expect(auth.json().events.map((e: { action: string }) => e.action)).toEqual(['auth.sign_in']);
    const prefix = await app.inject({ url: '/api/v1/audit/events?action=auth&outcome=failure', headers: as('auditor') });
    expect(prefix.json().events.map((e: { actorName: string }) => e.actorName)).toEqual(['nobody']);
    const object = await app.inject({ url: '/api/v1/audit/events?objectType=key&objectId=2&actorId=u2', headers: as('auditor') });
    expect(object.json().events).toMatchObject([{ seq: 3, action: 'keys.rotate', details: { keyId: 2 }, object: { type: 'key', id: '2' } }]);
    const first = (await app.inject({ url: '/api/v1/audit/events?limit=2', headers: as('auditor') })).json();
    expect(first.events).toHaveLength(2);
    const second = (await app.inject({ url: `/api/v1/audit/events?limit=2&before=${first.nextBefore}`, headers: as('auditor') })).json();
    expect(second.events[0].seq).toBeLessThan(first.events[1].seq);
    const range = await app.inject({ url: '/api/v1/audit/events?from=2026-03-02T00:00:00Z', headers: as('auditor') });
    expect(range.json().events).toEqual([]);
    expect((await app.inject({ url: '/api/v1/audit/events?action=%25', headers: as('auditor') })).statusCode).toBe(400);
  });

  it('exports JSON lines and CSV with formulas defused', async () => {
    const jsonl = await app.inject({ url: '/api/v1/audit/export?action=keys', headers: as('auditor') });
    expect(jsonl.headers['content-type']).toContain('application/x-ndjson');
    expect(jsonl.body.trim().split('\n').map((l) => JSON.parse(l).action)).toEqual(['keys.rotate']);
    const csv = await app.inject({ url: '/api/v1/audit/export?format=csv&action=auth.sign_in_failed', headers: as('auditor') });
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, row] = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('seq,at,actor_id,actor_name,org_id,ip,action,object_type,object_id,outcome,request_id,details,prev_hash,hash');
    expect(row).toContain('"{""reason"":""unknown"",""username"":""=cmd()""}"');
    expect([csvCell('=cmd()'), csvCell('-1'), csvCell('a,b'), csvCell(null)]).toEqual(["'=cmd()", "'-1", '"a,b"', '']);
  });

  it('verifies the log for the auditor', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/audit/verify', headers: as('auditor') });
    expect(response.json()).toMatchObject({ ok: true, message: expect.stringContaining('审计日志完整') });
  });
});
