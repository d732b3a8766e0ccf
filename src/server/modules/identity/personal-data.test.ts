import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededApp, signIn, testConfig } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { loadPlatformKeys } from '../../platform/keys.js';
import { reencryptSealedData, sealedKeyUsage } from '../../platform/sealed-data/index.js';
import { identitySealedColumns } from './personal-data.js';

describeEachDialect('personal data on accounts (SM4 at rest, blind-index lookup)', (database) => {
  let app: FastifyInstance;
  let sysadmin: string;
  beforeAll(async () => {
    app = await seededApp(database());
    sysadmin = await signIn(app, 'sysadmin');
  });
  afterAll(() => app.close());

  const as = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('stores no plain 身份证号 or phone, shows them masked, and finds the account by either', async () => {
    const created = await as(sysadmin, 'POST', '/api/v1/admin/users', {
      username: 'pd.zhang',
      displayName: '张其木格',
      orgId: '152200000000.xsh.fgw',
      password: 'Init-Password-2026',
      idNumber: '１５２２２１ 19920715 301１',
      phone: '139-0482-7788',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ idNumberMasked: '152221********3011', phoneMasked: '139****7788' });

    const row = await database().db.selectFrom('users').selectAll().where('username', '=', 'pd.zhang').executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const plain of ['152221199207153011', '13904827788', '7788', '19920715']) expect(stored).not.toContain(plain);
    expect(row.phone_index).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id_number_index).not.toBe(row.phone_index);

    for (const q of ['13904827788', '139 0482 7788', '152221199207153011']) {
      const found = await as(sysadmin, 'GET', `/api/v1/admin/users?q=${encodeURIComponent(q)}`);
      expect(found.json().items.map((u: { username: string }) => u.username)).toEqual(['pd.zhang']);
    }
    // A partial number is not a lookup key: nothing is decrypted to search.
    expect((await as(sysadmin, 'GET', '/api/v1/admin/users?q=0482')).json().total).toBe(0);
  });

  it('reveals full values only to the account administrator, and audits each reveal', async () => {
    const id = (await as(sysadmin, 'GET', '/api/v1/admin/users?q=pd.zhang')).json().items[0].id as string;
    const reveal = await as(sysadmin, 'GET', `/api/v1/admin/users/${id}/personal-data`);
    expect(reveal.statusCode).toBe(200);
    expect(reveal.headers['cache-control']).toBe('no-store');
    expect(reveal.json()).toEqual({ idNumber: '152221199207153011', phone: '13904827788' });
    for (const username of ['secadmin', 'auditor', 'fgw.clerk']) {
      expect((await as(await signIn(app, username), 'GET', `/api/v1/admin/users/${id}/personal-data`)).statusCode).toBeGreaterThanOrEqual(403);
    }
    const auditor = await signIn(app, 'auditor');
    const events = await as(auditor, 'GET', '/api/v1/audit/events?action=identity.personal_data_read');
    expect(events.json().events[0]).toMatchObject({ action: 'identity.personal_data_read', object: { type: 'user', id } });
    expect(JSON.stringify(events.json())).not.toContain('152221199207153011');
  });

  it('changes and clears values, refuses malformed ones with field messages, and logs no plain value', async () => {
    const id = (await as(sysadmin, 'GET', '/api/v1/admin/users?q=pd.zhang')).json().items[0].id as string;
    const bad = await as(sysadmin, 'PATCH', `/api/v1/admin/users/${id}`, { idNumber: '152201198503121023', phone: '12345' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path).sort()).toEqual(['body.idNumber', 'body.phone']);
    expect(fields.find((f) => f.path === 'body.idNumber')!.message).toContain('校验码');

    const changed = await as(sysadmin, 'PATCH', `/api/v1/admin/users/${id}`, { phone: '13704821234', idNumber: null });
    expect(changed.json()).toMatchObject({ phoneMasked: '137****1234', idNumberMasked: null });
    expect((await as(sysadmin, 'GET', '/api/v1/admin/users?q=13904827788')).json().total).toBe(0);
    expect((await as(sysadmin, 'GET', '/api/v1/admin/users?q=13704821234')).json().total).toBe(1);

    const auditor = await signIn(app, 'auditor');
    const log = await as(auditor, 'GET', `/api/v1/audit/events?action=identity.user_update`);
    expect(JSON.stringify(log.json())).not.toContain('13704821234');
    expect(log.json().events[0].details.changes).toEqual({ phone: '已修改', idNumber: '已清除' });
  });

  it('re-encryption leaves current envelopes alone and reports what each key holds', async () => {
    const keys = loadPlatformKeys(testConfig());
    const usage = await sealedKeyUsage(database().db, keys, identitySealedColumns);
    expect([...usage.envelopesByKey.keys()]).toEqual([keys.dataKeys.at(-1)!.id]);
    expect(usage.staleIndexes).toBe(0);
    expect(usage.unreadable).toEqual([]);
    const report = await reencryptSealedData(database().db, keys, identitySealedColumns, { batch: 2 });
    expect(report.rewritten).toBe(0);
    expect(report.scanned).toBe([...usage.envelopesByKey.values()].reduce((a, b) => a + b, 0));
  });

  it('finds an envelope copied onto another account unreadable instead of opening it', async () => {
    const rows = await database().db.selectFrom('users').select(['id', 'phone_sealed']).where('phone_sealed', 'is not', null).limit(2).execute();
    await database().db.updateTable('users').set({ phone_sealed: rows[0]!.phone_sealed }).where('id', '=', rows[1]!.id).execute();
    const usage = await sealedKeyUsage(database().db, loadPlatformKeys(testConfig()), identitySealedColumns);
    expect(usage.unreadable).toEqual([{ column: 'users.phone_sealed', key: rows[1]!.id }]);
  });
});
