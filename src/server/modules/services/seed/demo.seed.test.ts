import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededApp, signIn } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { createSearch } from '../../../platform/search/index.js';
import { demoServiceItems } from './demo.items.js';
import { seedServiceItems } from './index.js';

describeEachDialect('services: the demo catalogue on the portal', (database) => {
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  let app: FastifyInstance;
  let lines: string[] = [];
  const published = demoServiceItems.filter((i) => i.status === 'published');
  const page = async (url: string) => (await app.inject({ url })).body;

  beforeAll(async () => {
    app = await seededApp(database(), { clock });
    lines = await seedServiceItems({ db: database().db, clock });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('writes the catalogue once: published items on the main portal, each site showing its own organisations’ items', async () => {
    expect(lines).toEqual([`政务服务事项：${demoServiceItems.length} 项（已发布 ${published.length} 项）`]);
    expect(await seedServiceItems({ db: database().db, clock })).toEqual([]);

    const main = await page('/services/');
    for (const item of published) expect(main).toContain(`/services/items/${item.code}"`);
    for (const draft of demoServiceItems.filter((i) => i.status === 'draft')) expect(main).not.toContain(draft.code);

    const aes = await page('/aes/services/');
    const aesItems = published.filter((i) => i.orgRef.startsWith('152202000000.'));
    expect(aesItems.length).toBeGreaterThan(0);
    for (const item of published) {
      if (aesItems.includes(item)) expect(aes).toContain(`/aes/services/items/${item.code}"`);
      else expect(aes).not.toContain(item.code);
    }
    // The sitemap lists the guides the site shows.
    const sitemap = await page('/aes/sitemap.xml');
    expect(sitemap).toContain('/aes/services/');
    for (const item of aesItems) expect(sitemap).toContain(`/aes/services/items/${item.code}<`);
    const child = published.find((i) => i.level === 'handling')!;
    expect(await page(`/services/items/${child.parentCode}`)).toContain(`/services/items/${child.code}"`);
  });

  it('finds demo items in the portal search, linked to the site of their organisation', async () => {
    const search = createSearch({ db: database().db, dialect: database().dialect });
    const marriage = published.find((i) => i.name.includes('结婚登记'))!;
    const found = await search.query({ scopes: ['portal'], text: '结婚登记', tags: ['public'], filters: { type: 'service' } });
    expect(found.hits.map((h) => h.fields.url)).toContain(`/aes/services/items/${marriage.code}`);
    // Each site's own search finds the items it shows: the main portal's (every item) and 阿尔山市's.
    for (const prefix of ['', '/aes']) expect(await page(`${prefix}/search?q=${encodeURIComponent('结婚登记')}&type=service`)).toContain(`/aes/services/items/${marriage.code}"`);
    expect(await page(`/fgw/search?q=${encodeURIComponent('结婚登记')}&type=service`)).not.toContain(marriage.code);
  });

  it('passes the 办事指南 indicator on every demo site', async () => {
    const cookie = await signIn(app, 'it.office');
    const rows = (await app.inject({ url: '/api/v1/portal/inspection/sites', headers: { cookie } })).json().items as { site: { id: string; code: string } }[];
    const judged: [string, string][] = [];
    for (const { site } of rows) {
      await app.inject({ method: 'POST', url: `/api/v1/portal/inspection/sites/${site.id}/run`, headers: { cookie } });
      const view = (await app.inject({ url: `/api/v1/portal/inspection/sites/${site.id}`, headers: { cookie } })).json();
      judged.push([site.code, view.latest.result.indicators.find((i: { key: string }) => i.key === 'service_guides').status]);
    }
    expect(Object.fromEntries(judged)).toEqual({ main: 'pass', fgw: 'pass', aes: 'pass', tour: 'pass' });
  });
});
