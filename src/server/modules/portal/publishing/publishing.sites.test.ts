import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { publishingFixture } from './publishing.testing.js';

type Fixture = Awaited<ReturnType<typeof publishingFixture>>;

describeEachDialect('portal publishing: sites and columns', (database) => {
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  let fx: Fixture;

  beforeAll(async () => {
    fx = await publishingFixture(database(), clock);
  }, 60_000);

  it('seeds the site group with column trees, shown to each organisation’s editors only', async () => {
    const all = await fx.call('it.office', 'GET', '/portal/sites');
    expect(all.json.items.map((s: { code: string; pathPrefix: string }) => [s.code, s.pathPrefix])).toEqual([['main', ''], ['fgw', '/fgw'], ['aes', '/aes'], ['tour', '/tour']]);
    expect(all.json.items.find((s: { code: string }) => s.code === 'aes').hosts).toEqual(['aes.hinggan.local']);
    const mine = await fx.call('fgw.editor', 'GET', '/portal/sites');
    expect(mine.json.items.map((s: { code: string }) => s.code)).toEqual(['fgw']);
    expect((await fx.call('fgw.editor', 'GET', `/portal/sites/${fx.siteId('main')}`)).status).toBe(404);
    const tree = await fx.call('portal.editor', 'GET', `/portal/sites/${fx.siteId('main')}/columns`);
    expect(tree.json.columns.map((c: { path: string }) => c.path)).toContain('news/local');
    expect(tree.json.columns.every((c: { nameMn: string | null }) => c.nameMn)).toBe(true);
    expect(tree.json).toMatchObject({ canManage: true, site: { actions: ['read', 'manageColumns', 'writeArticles'] } });
  });

  it('validates a new site with codes: host names, 网站标识码, unique path and host', async () => {
    const org = (await database().db.selectFrom('orgs').select('id').where('ref', '=', '152200000000.xsh.jyj').executeTakeFirstOrThrow()).id;
    const base = { code: 'jyj', orgId: org, nameZh: '兴安盟教育局', kind: 'department', pathPrefix: '/jyj' };
    expect((await fx.call('it.office', 'POST', '/portal/sites', { ...base, hosts: ['bad_host!'] })).json.error.code).toBe('portal.host_invalid');
    expect((await fx.call('it.office', 'POST', '/portal/sites', { ...base, siteIdCode: '12345' })).status).toBe(400);
    expect((await fx.call('it.office', 'POST', '/portal/sites', { ...base, pathPrefix: '/fgw' })).json.error.code).toBe('portal.path_prefix_taken');
    expect((await fx.call('it.office', 'POST', '/portal/sites', { ...base, hosts: ['AES.Hinggan.Local'] })).json.error.code).toBe('portal.host_taken');
    expect((await fx.call('portal.editor', 'POST', '/portal/sites', base)).status).toBe(403);
    const made = await fx.call('it.office', 'POST', '/portal/sites', { ...base, hosts: ['JYJ.Hinggan.Local'], siteIdCode: '1522000009' });
    expect(made.json).toMatchObject({ code: 'jyj', hosts: ['jyj.hinggan.local'], siteIdCode: '1522000009', actions: ['read', 'update'] });
  });

  it('moves a column with its sub-columns and published articles, recording redirects; deletes only empty columns', async () => {
    const site = fx.siteId('tour');
    const tree = (await fx.call('it.office', 'GET', `/portal/sites/${site}/columns`)).json.columns as { id: string; path: string }[];
    const scenic = tree.find((c) => c.path === 'scenic')!.id;
    const arxan = tree.find((c) => c.path === 'scenic/arxan')!.id;
    const bad = await fx.call('tour.editor', 'POST', `/portal/sites/${site}/columns`, { slug: 'Bad Slug', nameZh: '错误', category: 'news' });
    expect(bad.status).toBe(400);
    expect((await fx.call('tour.editor', 'POST', `/portal/sites/${site}/columns`, { slug: 'news', nameZh: '重复', category: 'news' })).json.error.code).toBe('portal.column_path_taken');
    // The public site's own paths cannot be taken by a top-level column (its articles would be unreachable).
    const reserved = await fx.call('tour.editor', 'POST', `/portal/sites/${site}/columns`, { slug: 'interaction', nameZh: '互动交流', category: 'interaction' });
    expect(reserved).toMatchObject({ status: 422, json: { error: { code: 'portal.column_slug_reserved' } } });

    await fx.signInAll();
    const tourEditor = await import('../../../../../test/support/app.js').then((m) => m.signIn(fx.app, 'tour.editor'));
    const tourReviewer = await import('../../../../../test/support/app.js').then((m) => m.signIn(fx.app, 'tour.reviewer'));
    const as = async (cookie: string, method: 'POST' | 'GET', url: string, payload?: unknown) =>
      (await fx.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload: payload as object } : {}) })).json();
    const article = await as(tourEditor, 'POST', '/portal/articles', { columnId: arxan, title: '阿尔山国家森林公园开园' });
    const sent = await as(tourEditor, 'POST', `/portal/articles/${article.id}/submit`, { revision: article.revision });
    await as(tourReviewer, 'POST', `/portal/articles/${article.id}/approve`, { revision: sent.revision, publish: 'now' });

    const intoSelf = await as(tourEditor, 'POST', `/portal/columns/${scenic}/move`, { parentId: arxan, position: 0 });
    expect(intoSelf.error.code).toBe('portal.column_parent_invalid');
    const moved = await as(tourEditor, 'POST', `/portal/columns/${scenic}/move`, { parentId: tree.find((c) => c.path === 'festivals')!.id, position: 0, slug: 'spots' });
    expect(moved.column).toMatchObject({ path: 'festivals/spots', url: '/tour/festivals/spots/' });
    expect(moved.redirects).toEqual(
      expect.arrayContaining([
        { from: '/tour/scenic/', to: '/tour/festivals/spots/' },
        { from: '/tour/scenic/arxan/', to: '/tour/festivals/spots/arxan/' },
        { from: `/tour/scenic/arxan/${article.serial}.html`, to: `/tour/festivals/spots/arxan/${article.serial}.html` },
      ]),
    );
    const stored = await database().db.selectFrom('portal_redirects').selectAll().where('from_path', '=', '/tour/scenic/arxan/').executeTakeFirstOrThrow();
    expect(stored.to_path).toBe('/tour/festivals/spots/arxan/');
    expect((await as(tourEditor, 'GET', `/portal/articles/${article.id}`)).url).toBe(`/tour/festivals/spots/arxan/${article.serial}.html`);

    const notEmpty = await fx.app.inject({ method: 'DELETE', url: `/api/v1/portal/columns/${arxan}`, headers: { cookie: tourEditor } });
    expect(notEmpty.json().error.code).toBe('portal.column_not_empty');
    const empty = tree.find((c) => c.path === 'scenic/chaihe')!.id;
    expect((await fx.app.inject({ method: 'DELETE', url: `/api/v1/portal/columns/${empty}`, headers: { cookie: tourEditor } })).statusCode).toBe(200);
  });
});
