import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { seededApp, signIn } from '../../../../../test/support/app.js';
import { FixedClock } from '../../../platform/clock.js';
import { inspectionFactory as make } from './inspection.testing.js';

const now = new Date('2026-11-27T04:00:00.000Z');
const DAY = 86_400_000;

describeEachDialect('portal self-inspection API', (database) => {
  const clock = new FixedClock(now);
  let app: FastifyInstance;
  let siteId = '';
  let otherSiteId = '';

  beforeAll(async () => {
    app = await seededApp(database(), { clock });
    const db = database().db;
    const editorOrg = (await db.selectFrom('users').select('org_id').where('username', '=', 'portal.editor').executeTakeFirstOrThrow()).org_id;
    const other = (await db.selectFrom('orgs').select('id').where('ref', '=', '152224000000').executeTakeFirstOrThrow()).id;
    const at = new Date(now.getTime() - 30 * DAY).toISOString();
    siteId = await make.site(db, { orgId: editorOrg, code: 'apiinsp', at });
    otherSiteId = await make.site(db, { orgId: other, code: 'apiother', at });
    const news = await make.column(db, { siteId, slug: 'news', category: 'news', at });
    await make.article(db, { siteId, columnId: news.id, publishedAt: new Date(now.getTime() - 20 * DAY).toISOString(), at });
  });

  it('re-runs a site for its editor, shows the veto in the latest result, and records who asked', async () => {
    const editor = await signIn(app, 'portal.editor');
    const before = await app.inject({ method: 'GET', url: `/api/v1/portal/inspection/sites/${siteId}`, headers: { cookie: editor } });
    expect(before.statusCode).toBe(200);
    expect(before.json()).toMatchObject({ latest: null, trend: [], actions: ['read', 'run'] });

    const run = await app.inject({ method: 'POST', url: `/api/v1/portal/inspection/sites/${siteId}/run`, headers: { cookie: editor } });
    expect(run.statusCode, run.body).toBe(200);
    const view = run.json();
    expect(view.latest).toMatchObject({ trigger: 'manual', triggeredByName: '刘编辑', verdict: 'fail' });
    const home = view.latest.result.indicators.find((i: { key: string }) => i.key === 'home_updated');
    expect(home).toMatchObject({ status: 'fail', value: 20 });
    expect(view.latest.vetoCount).toBeGreaterThanOrEqual(1);
    expect(view.trend).toHaveLength(1);
    const audited = await database().db.selectFrom('audit_events').select(['action', 'object_id']).where('action', '=', 'portal.inspection_run').execute();
    expect(audited).toEqual([{ action: 'portal.inspection_run', object_id: siteId }]);
  });

  it('lets the reviewer read but not re-run, and hides another organisation’s site', async () => {
    const reviewer = await signIn(app, 'portal.reviewer');
    const read = await app.inject({ method: 'GET', url: `/api/v1/portal/inspection/sites/${siteId}`, headers: { cookie: reviewer } });
    expect(read.json().actions).toEqual(['read']);
    const rerun = await app.inject({ method: 'POST', url: `/api/v1/portal/inspection/sites/${siteId}/run`, headers: { cookie: reviewer } });
    expect(rerun.statusCode).toBe(403);
    const other = await app.inject({ method: 'GET', url: `/api/v1/portal/inspection/sites/${otherSiteId}`, headers: { cookie: reviewer } });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('portal.inspection_site_not_found');
  });

  it('lists in the overview only the sites the caller may read, and refuses it to other roles', async () => {
    const editor = await signIn(app, 'portal.editor');
    const response = await app.inject({ method: 'GET', url: '/api/v1/portal/inspection/sites', headers: { cookie: editor } });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((row: { site: { id: string } }) => row.site.id);
    expect(ids).toContain(siteId);
    expect(ids).not.toContain(otherSiteId);
    const clerk = await signIn(app, 'xsh.clerk');
    expect((await app.inject({ method: 'GET', url: '/api/v1/portal/inspection/sites', headers: { cookie: clerk } })).statusCode).toBe(403);
  });
});
