import { rm } from 'node:fs/promises';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { testConfig } from '../../../../../test/support/app.js';
import { createAuditLog } from '../../../platform/audit/index.js';
import { FixedClock } from '../../../platform/clock.js';
import { createFileStore } from '../../../platform/files/index.js';
import { loadPlatformKeys } from '../../../platform/keys.js';
import { createOrgService, seedOrgs } from '../../orgs/index.js';
import { inspectionRepository } from './inspection.repository.js';
import { inspectionResultSchema, type Indicator, type IndicatorKey } from './inspection.schema.js';
import { createInspectionService } from './inspection.service.js';
import { inspectionFactory as make } from './inspection.testing.js';
import type { UnansweredMessagesSource } from './messages-source.js';
import type { PageFetch } from './probe.js';
import type { PublicServiceItem, ServiceDirectory } from '../services-directory.js';

const DAY = 86_400_000;
const now = new Date('2026-11-27T04:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const at = daysAgo(800);

describeEachDialect('portal self-inspection indicators', (database) => {
  const config = testConfig();
  const clock = new FixedClock(now);
  const files = createFileStore(config, clock);
  let messages: UnansweredMessagesSource | undefined;
  let fetch: PageFetch | undefined;
  let services: ServiceDirectory | undefined;
  let orgId = '';
  let counter = 0;
  const service = () =>
    createInspectionService({
      db: database().db,
      clock,
      audit: createAuditLog({ signing: loadPlatformKeys(config).signing, clock }),
      orgs: createOrgService({ db: database().db, clock }),
      files,
      sharedHosts: ['localhost'],
      messages: () => messages,
      services: () => services,
      fetch: () => fetch,
    });

  beforeAll(async () => {
    await seedOrgs({ db: database().db, clock });
    orgId = (await database().db.selectFrom('orgs').select('id').where('ref', '=', '152223000000').executeTakeFirstOrThrow()).id;
  });

  const newSite = (kind?: 'county' | 'department') => make.site(database().db, { orgId, code: `insp${(counter += 1)}`, at, ...(kind ? { kind } : {}) });
  const column = (siteId: string, slug: string, category: Parameters<typeof make.column>[1]['category'], parent?: { id: string; path: string }) =>
    make.column(database().db, { siteId, slug, category, at, ...(parent ? { parent } : {}) });
  const article = (siteId: string, columnId: string, publishedAt: string | null, extra: { status?: 'published' | 'withdrawn' | 'draft'; bodyHtml?: string; title?: string } = {}) =>
    make.article(database().db, { siteId, columnId, publishedAt, at, ...extra });

  async function inspect(siteId: string): Promise<Map<IndicatorKey, Indicator>> {
    await service().runSite(siteId);
    const run = await inspectionRepository.latestRun(database().db, siteId);
    const result = inspectionResultSchema.parse(JSON.parse(run!.result));
    return new Map(result.indicators.map((i) => [i.key, i]));
  }

  it('fails the home page after 14 days without anything new, not after 13', async () => {
    const site = await newSite();
    const news = await column(site, 'news', 'news');
    await article(site, news.id, daysAgo(13));
    const fresh = (await inspect(site)).get('home_updated')!;
    expect(fresh).toMatchObject({ status: 'pass', value: 13, veto: true, findings: [] });

    clock.set(new Date(now.getTime() + DAY));
    try {
      const stale = (await inspect(site)).get('home_updated')!;
      expect(stale.status).toBe('fail');
      expect(stale.value).toBe(14);
      expect(stale.findings[0]).toMatchObject({ severity: 'veto', target: { type: 'site', id: site } });
      expect(stale.findings[0]!.workbenchPath).toContain(site);
    } finally {
      clock.set(now);
    }
  });

  it('counts a site with nothing published as not updated', async () => {
    const site = await newSite();
    const news = await column(site, 'news', 'news');
    await article(site, news.id, null, { status: 'draft' });
    expect((await inspect(site)).get('home_updated')).toMatchObject({ status: 'fail', value: null });
  });

  it('vetoes at 5 stale news or notice columns, warns at 4, and leaves a column updated 13 days ago alone', async () => {
    const site = await newSite();
    for (let i = 0; i < 4; i += 1) await article(site, (await column(site, `idle${i}`, 'news')).id, daysAgo(14));
    await article(site, (await column(site, 'fresh', 'news')).id, daysAgo(13));
    const notice = await column(site, 'tzgg', 'notice');
    // Six months before 2026-11-27 is 2026-05-27: one day later is still fresh.
    await article(site, notice.id, '2026-05-28T04:00:00.000Z');
    const four = (await inspect(site)).get('columns_stale')!;
    expect(four).toMatchObject({ status: 'warn', value: 4, veto: true });
    expect(four.findings.map((f) => f.target.name).sort()).toEqual(['栏目idle0', '栏目idle1', '栏目idle2', '栏目idle3']);
    expect(four.findings.every((f) => f.severity === 'warning' && f.workbenchPath?.includes(f.target.id!))).toBe(true);

    const policy = await column(site, 'zcwj', 'notice');
    await article(site, policy.id, '2026-05-27T04:00:00.000Z');
    const five = (await inspect(site)).get('columns_stale')!;
    expect(five).toMatchObject({ status: 'fail', value: 5 });
    expect(five.findings.map((f) => f.target.id)).toContain(policy.id);
    expect(five.findings.map((f) => f.target.id)).not.toContain(notice.id);
  });

  it('counts a column whose articles have no publish time as not updated, not as empty', async () => {
    const site = await newSite();
    const news = await column(site, 'undated', 'news');
    await article(site, news.id, null);
    const indicators = await inspect(site);
    expect(indicators.get('columns_stale')!.findings.map((f) => f.target.id)).toEqual([news.id]);
    expect(indicators.get('columns_empty')!.value).toBe(0);
  });

  it('vetoes at 5 empty columns and at 10 long-idle ones; parents and interaction columns are not judged', async () => {
    const site = await newSite();
    const parent = await column(site, 'zwgk', 'disclosure');
    await article(site, (await column(site, 'child', 'disclosure', parent)).id, daysAgo(1));
    await column(site, 'hdjl', 'interaction');
    for (let i = 0; i < 4; i += 1) await column(site, `empty${i}`, 'topic');
    for (let i = 0; i < 9; i += 1) await article(site, (await column(site, `old${i}`, 'topic')).id, daysAgo(400));
    let indicators = await inspect(site);
    expect(indicators.get('columns_empty')).toMatchObject({ status: 'warn', value: 4 });
    expect(indicators.get('columns_long_idle')).toMatchObject({ status: 'warn', value: 9 });

    await column(site, 'empty4', 'service');
    await article(site, (await column(site, 'old9', 'topic')).id, '2025-11-27T04:00:00.000Z');
    indicators = await inspect(site);
    expect(indicators.get('columns_empty')).toMatchObject({ status: 'fail', value: 5 });
    expect(indicators.get('columns_long_idle')).toMatchObject({ status: 'fail', value: 10 });
    expect(indicators.get('columns_empty')!.findings.map((f) => f.target.name)).not.toContain('栏目hdjl');
  });

  it('finds broken internal links: unknown column or serial, withdrawn article, missing file; external links and redirects pass', async () => {
    const site = await newSite();
    const prefix = `/insp${counter}`;
    const news = await column(site, 'news', 'news');
    const live = await article(site, news.id, daysAgo(1));
    const gone = await article(site, news.id, daysAgo(2), { status: 'withdrawn' });
    await database().db.insertInto('portal_redirects').values({ from_path: `${prefix}/old/`, to_path: `${prefix}/news/`, created_at: at }).execute();
    const stored = await files.put(database().db, Buffer.from(`附件内容 ${site}`), { name: 'a.txt' });
    const body = [
      `<a href="${prefix}/news/${live.serial}.html">好</a>`,
      `<a href="${prefix}/news/">栏目</a>`,
      `<a href="http://localhost${prefix}/">首页</a>`,
      `<a href="${prefix}/old/">旧地址</a>`,
      `<a href="https://www.gov.cn/zhengce/">外部</a>`,
      `<img src="/api/v1/portal/files/${stored.id}" alt="图">`,
      `<a href="${prefix}/news/${gone.serial}.html">撤稿</a>`,
      `<a href="${prefix}/news/99999.html">无此文</a>`,
      `<a href="${prefix}/nope/">无此栏目</a>`,
      `<a href="/api/v1/portal/files/no-such-file">丢失</a>`,
    ].join('');
    const host = await article(site, news.id, daysAgo(1), { bodyHtml: `<p>${body}</p>`, title: '链接测试' });
    const links = (await inspect(site)).get('links')!;
    expect(links.status).toBe('warn');
    expect(links.findings.map((f) => f.target.name).sort()).toEqual(
      [`${prefix}/news/${gone.serial}.html`, `${prefix}/news/99999.html`, `${prefix}/nope/`, '/api/v1/portal/files/no-such-file'].sort(),
    );
    expect(links.findings.find((f) => f.target.name.endsWith(`${gone.serial}.html`))!.problem).toContain('已撤稿');
    expect(links.findings.every((f) => f.workbenchPath?.includes(host.id))).toBe(true);
  });

  it('finds an attachment whose file is gone from the store', async () => {
    const site = await newSite();
    const news = await column(site, 'news', 'news');
    const a = await article(site, news.id, daysAgo(1), { title: '附件测试' });
    const kept = await files.put(database().db, Buffer.from(`保留 ${site}`), { name: 'kept.txt' });
    const lost = await files.put(database().db, Buffer.from(`丢失 ${site}`), { name: 'lost.txt' });
    await make.attachment(database().db, { articleId: a.id, fileId: kept.id, title: '保留的附件', at });
    await make.attachment(database().db, { articleId: a.id, fileId: lost.id, title: '丢失的附件', at });
    await rm(files.blobPath(lost.sha256));
    const attachments = (await inspect(site)).get('attachments')!;
    expect(attachments).toMatchObject({ status: 'warn', value: 1 });
    expect(attachments.findings[0]).toMatchObject({ target: { type: 'attachment', name: '丢失的附件' } });
  });

  it('reports unanswered messages from interaction, and says 暂无数据 when no source answers', async () => {
    const site = await newSite();
    messages = undefined;
    expect((await inspect(site)).get('messages_answered')).toMatchObject({ status: 'unavailable', value: null });
    let asked: { siteId: string; olderThan: Date; now: Date } | undefined;
    messages = async (_db, options) => {
      asked = options;
      return { count: 1, ids: ['m1'] };
    };
    try {
      const one = (await inspect(site)).get('messages_answered')!;
      expect(one).toMatchObject({ status: 'fail', value: 1, findings: [{ severity: 'veto', target: { type: 'message', id: 'm1' } }] });
      expect(asked).toEqual({ siteId: site, olderThan: new Date('2026-08-27T04:00:00.000Z'), now: clock.now() });
      messages = async () => ({ count: 0, ids: [] });
      expect((await inspect(site)).get('messages_answered')!.status).toBe('pass');
    } finally {
      messages = undefined;
    }
  });

  it('says 办事指南 is not applicable without a service catalogue, and counts it neither as passed nor as applicable', async () => {
    const site = await newSite();
    const indicators = await inspect(site);
    expect(indicators.get('service_guides')).toMatchObject({ status: 'not_applicable' });
    const run = await inspectionRepository.latestRun(database().db, site);
    const applicable = [...indicators.values()].filter((i) => i.status !== 'not_applicable' && i.status !== 'unavailable');
    expect(Number(run!.applicable_count)).toBe(applicable.length);
    expect(Number(run!.veto_count)).toBe([...indicators.values()].filter((i) => i.status === 'fail').length);
  });

  it('vetoes a county portal without service items, and names each item whose 办事指南 lacks elements', async () => {
    const otherOrg = (await database().db.selectFrom('orgs').select('id').where('ref', '=', '152224000000').executeTakeFirstOrThrow()).id;
    const item = (code: string, org: string, changes: Partial<PublicServiceItem> = {}): PublicServiceItem => ({
      id: `item-${code}`,
      code,
      name: `测试事项${code}`,
      kind: 'license',
      level: 'main',
      handlingKind: null,
      competentDept: '扎赉特旗市场监督管理局',
      basis: '《中华人民共和国行政许可法》',
      conditions: '申请人具备相应条件',
      materials: [{ name: '申请书', form: 'original', copies: 1, required: true, note: '' }],
      steps: [{ name: '受理', detail: '' }],
      legalDays: 20,
      promisedDays: 5,
      handlingType: 'promised',
      fee: '不收费',
      place: '扎赉特旗政务服务中心',
      phone: '0482-6123456',
      complaintPhone: '12345',
      audiences: ['legal'],
      onlineDepth: 'full',
      orgId: org,
      orgPath: `/root/${org}/`,
      implementingOrg: '扎赉特旗人民政府',
      parentCode: null,
      publishedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      ...changes,
    });
    let catalogue: PublicServiceItem[] = [item('ZLT00000001', otherOrg)];
    services = { published: async () => catalogue, guide: async () => undefined };
    try {
      const county = await newSite('county');
      const department = await newSite('department');
      expect((await inspect(county)).get('service_guides')).toMatchObject({ status: 'fail', veto: true, value: 0 });
      expect((await inspect(department)).get('service_guides')).toMatchObject({ status: 'not_applicable' });

      catalogue = [item('ZLT00000002', orgId), item('ZLT00000003', orgId, { basis: ' ', phone: '6123456', promisedDays: 25 }), item('ZLT00000004', otherOrg, { basis: '' })];
      const judged = (await inspect(county)).get('service_guides')!;
      expect(judged).toMatchObject({ status: 'fail', value: 1 });
      expect(judged.findings.map((f) => [f.target.type, f.target.id, f.target.url, f.workbenchPath])).toEqual([
        ['service', 'item-ZLT00000003', `/insp${counter - 1}/services/items/ZLT00000003`, `/services?org=${orgId}&item=item-ZLT00000003`],
      ]);
      expect(judged.findings[0]!.problem).toContain('设定和实施依据、承诺时限、咨询电话');

      catalogue = [item('ZLT00000002', orgId)];
      expect((await inspect(county)).get('service_guides')).toMatchObject({ status: 'pass', value: 0, findings: [] });
    } finally {
      services = undefined;
    }
  });

  it('probes home, list and article pages and flags a page slower than 3 s; a week of failed visits is a veto', async () => {
    const site = await newSite();
    const prefix = `/insp${counter}`;
    const news = await column(site, 'news', 'news');
    const a = await article(site, news.id, daysAgo(1));
    const opened: string[] = [];
    fetch = async (url) => {
      opened.push(url);
      return url.endsWith('.html') ? { status: 200, ms: 3000 } : { status: 200, ms: 2999 };
    };
    try {
      const speed = (await inspect(site)).get('page_speed')!;
      expect(opened).toEqual([`${prefix}/`, `${prefix}/news/`, `${prefix}/news/${a.serial}.html`]);
      expect(speed).toMatchObject({ status: 'warn', value: 3000 });
      expect(speed.findings.map((f) => f.target.url)).toEqual([`${prefix}/news/${a.serial}.html`]);

      fetch = async () => ({ status: 500, ms: 5 });
      const reach = (await inspect(site)).get('reachability')!;
      // 3 good visits of the first run, 3 failed of this one: 50 % ≥ 5 %.
      expect(reach).toMatchObject({ status: 'fail', value: 50 });
    } finally {
      fetch = undefined;
    }
    expect((await inspect(site)).get('page_speed')!.status).toBe('unavailable');
  });
});
