import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect } from '../../../../test/support/db.js';
import { importColumns } from './index.js';

describeEachDialect('orgs API', (database) => {
  let app: FastifyInstance;
  let clerk: string;
  let admin: string;
  beforeAll(async () => {
    app = await seededApp(database());
    clerk = await signIn(app, 'ulh.clerk');
    admin = await signIn(app, 'sysadmin');
  });
  afterAll(() => app.close());

  it('refuses callers who have not signed in', async () => {
    const response = await app.inject('/api/v1/orgs');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'auth.required', message: '请先登录' });
  });

  it('lists children of an org, paginated', async () => {
    const league = (await app.inject({ url: '/api/v1/orgs/152200', headers: { cookie: clerk } })).json();
    const page = await app.inject({
      url: `/api/v1/orgs?parentId=${league.id}&kind=banner&kind=county&pageSize=2`,
      headers: { cookie: clerk },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.json().items.map((o: { nameZh: string }) => o.nameZh)).toEqual(['科尔沁右翼前旗', '科尔沁右翼中旗']);
  });

  it('answers tree, search and get', async () => {
    const tree = await app.inject({ url: '/api/v1/orgs/tree?root=152201&depth=1', headers: { cookie: clerk } });
    expect(tree.json()[0].nameZh).toBe('乌兰浩特市');
    expect(tree.json()[0].children.map((c: { nameZh: string }) => c.nameZh)).toContain('和平街道');
    const search = await app.inject({
      url: `/api/v1/orgs/search?q=${encodeURIComponent('阿尔山')}`,
      headers: { cookie: clerk },
    });
    expect(search.json().items[0].nameZh).toBe('阿尔山市');
    const one = await app.inject({ url: '/api/v1/orgs/152202', headers: { cookie: clerk } });
    expect(one.json()).toMatchObject({ nameZh: '阿尔山市', kind: 'city', nameMn: 'ᠷᠠᠰᠢᠶᠠᠨ ᠬᠣᠲᠠ' });
  });

  it('gives stable codes and Chinese messages for bad input', async () => {
    const missing = await app.inject({ url: '/api/v1/orgs/000000', headers: { cookie: clerk } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('orgs.not_found');
    const invalid = await app.inject({ url: '/api/v1/orgs?pageSize=9999&kind=planet', headers: { cookie: clerk } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('request.invalid');
    expect(invalid.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'querystring.kind',
      'querystring.pageSize',
    ]);
    const empty = await app.inject({ url: '/api/v1/orgs/search?q=', headers: { cookie: clerk } });
    expect(empty.json().error.fields[0].message).toBe('请输入检索词');
  });

  it('lets only a system administrator import, and reports bad rows by line', async () => {
    const csv = `${importColumns.join(',')}\nnew1,152200000000,department,,兴安盟新设局,,,,,\n`;
    const asClerk = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/import',
      headers: { cookie: clerk, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(asClerk.statusCode).toBe(403);
    expect(asClerk.json().error.code).toBe('auth.forbidden');

    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/import',
      headers: { cookie: admin, 'content-type': 'text/csv' },
      payload: `${csv}new2,new1,office,,,,,,,\n`,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.problems).toEqual([{ line: 3, message: expect.stringMatching(/name_zh/) }]);
    const notThere = await app.inject({ url: '/api/v1/orgs/new1', headers: { cookie: admin } });
    expect(notThere.statusCode).toBe(404);

    const good = await app.inject({
      method: 'POST',
      url: '/api/v1/orgs/import',
      headers: { cookie: admin, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(good.json()).toEqual({ created: 1, updated: 0, total: 1 });

    // The import is audited with who did it; the refused attempts wrote nothing.
    const auditor = await signIn(app, 'auditor');
    const events = await app.inject({ url: '/api/v1/audit/events?action=orgs.import', headers: { cookie: auditor } });
    expect(events.statusCode).toBe(200);
    const imports = events.json().events;
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ actorName: 'sysadmin', outcome: 'success', details: { created: 1, refs: ['new1'] } });
  });
});
