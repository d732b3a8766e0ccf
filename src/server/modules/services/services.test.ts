import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect, type FreshDatabase } from '../../../../test/support/db.js';
import { FixedClock } from '../../platform/clock.js';
import { createSearch } from '../../platform/search/index.js';
import { missingGuideElements, type ServiceGuide } from '../../../shared/services.js';
import { demoServiceItems } from './seed/demo.items.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test answers are read loosely
type Json = any;

const zwsj = '152200000000.xsh.zwsj';

/** A complete guide of the league's 行政审批局 (the code varies per test). */
const guide = (code: string, changes: Record<string, unknown> = {}) => ({
  name: '药品零售企业经营许可',
  code,
  kind: 'license',
  competentDept: '兴安盟市场监督管理局',
  basis: '《中华人民共和国药品管理法》',
  conditions: '有依法经过资格认定的药师或者其他药学技术人员；有与所经营药品相适应的营业场所、设备、仓储设施和卫生环境。',
  materials: [
    { name: '药品经营许可证申请表', form: 'original', copies: 1, required: true, note: '' },
    { name: '营业场所使用权证明', form: 'copy', copies: 1, required: true, note: '租赁的提交租赁合同' },
  ],
  steps: [
    { name: '申请', detail: '网上或窗口提交材料' },
    { name: '受理', detail: '材料齐全的当场受理' },
    { name: '决定', detail: '作出准予或不予许可的决定' },
  ],
  legalDays: 20,
  promisedDays: 10,
  handlingType: 'promised',
  fee: '不收费',
  place: '兴安盟政务服务中心二楼市场监管综合窗口',
  phone: '0482-8261234',
  complaintPhone: '12345',
  audiences: ['legal'],
  onlineDepth: 'full',
  ...changes,
});

describeEachDialect('service items (政务服务事项) and their 办事指南', (database) => {
  let app: FastifyInstance;
  let db: FreshDatabase;
  let officerOrg = '';
  const cookies = new Map<string, string>();
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  let serial = 0;
  const nextCode = () => `11152200MB1957422X4000${String((serial += 1)).padStart(6, '0')}`;

  const as = async (username: string) => {
    if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
    return cookies.get(username)!;
  };
  const call = async (username: string | undefined, method: string, url: string, payload?: unknown): Promise<{ status: number; body: Json; code?: string }> => {
    const response = await app.inject({ method: method as 'GET', url, headers: username ? { cookie: await as(username) } : {}, ...(payload !== undefined ? { payload: payload as string } : {}) });
    const body = response.headers['content-type']?.toString().includes('json') ? response.json() : response.body;
    return { status: response.statusCode, body, code: body?.error?.code };
  };
  const create = (changes: Record<string, unknown> = {}, user = 'zwsj.officer') => call(user, 'POST', '/api/v1/services/items', { orgId: officerOrg, ...guide(nextCode(), changes) });
  const publish = (id: string, user = 'zwsj.officer') => call(user, 'POST', `/api/v1/services/items/${id}/publish`);
  const page = async (url: string) => (await app.inject({ url })).body;
  const searchServices = async (text: string) =>
    (await createSearch({ db: db.db, dialect: db.dialect }).query({ scopes: ['portal'], text, tags: ['public'], filters: { type: 'service' } })).hits.map((h) => h.key);

  beforeAll(async () => {
    db = database();
    app = await seededApp(db, { clock });
    officerOrg = (await call('sysadmin', 'GET', `/api/v1/orgs/${zwsj}`)).body.id;
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('keeps an incomplete draft, says what the guide lacks, and refuses to publish it until complete', async () => {
    const draft = await create({ basis: '', phone: '8261234', materials: [] });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', implementingOrg: '兴安盟行政审批政务服务与数据管理局', missing: ['basis', 'materials', 'phone'], actions: ['read', 'edit'] });
    const refused = await publish(draft.body.id);
    expect([refused.status, refused.code, refused.body.error.details.missing]).toEqual([422, 'services.guide_incomplete', ['basis', 'materials', 'phone']]);

    const complete = guide(draft.body.code);
    const saved = await call('zwsj.officer', 'PUT', `/api/v1/services/items/${draft.body.id}`, { ...complete, revision: draft.body.revision });
    expect(saved.body).toMatchObject({ missing: [], revision: 2 });
    const stale = await call('zwsj.officer', 'PUT', `/api/v1/services/items/${draft.body.id}`, { ...complete, fee: '收费', revision: draft.body.revision });
    expect([stale.status, stale.code]).toEqual([409, 'services.changed_concurrently']);
    expect((await publish(draft.body.id)).body).toMatchObject({ status: 'published', publishedAt: '2026-11-27T02:00:00.000Z' });
  });

  it('checks the shape at every save: 承诺时限 within 法定时限, 即办件 at 0 days, levels and codes', async () => {
    const over = await create({ legalDays: 20, promisedDays: 25 });
    expect([over.status, over.code]).toEqual([422, 'services.promised_exceeds_legal']);
    const instant = await create({ handlingType: 'instant', promisedDays: 3 });
    expect([instant.status, instant.code]).toEqual([422, 'services.instant_days']);
    const orphan = await create({ level: 'handling', handlingKind: 'new' });
    expect([orphan.status, orphan.code]).toEqual([422, 'services.parent_invalid']);
    const unnamed = await create({ level: 'main', handlingKind: 'change' });
    expect([unnamed.status, unnamed.code]).toEqual([422, 'services.handling_kind_required']);
    const badCode = await call('zwsj.officer', 'POST', '/api/v1/services/items', { orgId: officerOrg, ...guide('药品-001') });
    expect([badCode.status, badCode.code]).toEqual([400, 'request.invalid']);
    expect(badCode.body.error.fields[0].message).toContain('事项编码');

    // Two clerks saving the same code at once: one item, one clear refusal.
    const code = nextCode();
    const both = await Promise.all([0, 1].map(() => call('zwsj.officer', 'POST', '/api/v1/services/items', { orgId: officerOrg, ...guide(code) })));
    expect(both.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(both.find((a) => a.status === 409)!.code).toBe('services.code_taken');
    expect((await call('zwsj.officer', 'GET', `/api/v1/services/items?orgId=${officerOrg}&q=${code}`)).body.total).toBe(1);
  });

  it('publishes 业务办理项 under their published 主项, and withdraws children before the parent', async () => {
    const main = await create({ name: '食品生产许可' });
    const child = await create({ name: '食品生产许可变更', level: 'handling', handlingKind: 'change', parentId: main.body.id });
    expect(child.status).toBe(201);
    // The parent picker's list: what an item of a level may belong to.
    const parentsOf = async (level: string) =>
      (await call('zwsj.officer', 'GET', `/api/v1/services/items?orgId=${officerOrg}&parentsFor=${level}&pageSize=100`)).body.items.map((i: Json) => i.level);
    expect(new Set(await parentsOf('handling'))).toEqual(new Set(['main']));
    expect(await parentsOf('main')).toEqual([]);
    const early = await publish(child.body.id);
    expect([early.status, early.code]).toEqual([409, 'services.item_state']);
    await publish(main.body.id);
    await publish(child.body.id);
    const blocked = await call('zwsj.officer', 'POST', `/api/v1/services/items/${main.body.id}/withdraw`, { reason: '事项调整' });
    expect([blocked.status, blocked.code]).toEqual([409, 'services.has_published_children']);
    expect((await call('zwsj.officer', 'GET', `/api/v1/services/items/${main.body.id}`)).body).toMatchObject({ childCount: 1, status: 'published' });

    const guidePage = await page(`/services/items/${main.body.code}`);
    expect(guidePage).toContain('<h1>食品生产许可</h1>');
    expect(guidePage).toContain(`<a href="/services/items/${child.body.code}">变更：食品生产许可变更</a>`);
    expect(await page(`/services/items/${child.body.code}`)).toContain(`<a href="/services/items/${main.body.code}">食品生产许可</a>`);
  });

  it('shows a published guide on the portal and in its search, and takes both away on withdrawal', async () => {
    const item = await create({ name: '第二类精神药品零售业务审批 <script>alert(1)</script>' });
    await publish(item.body.id);
    const list = await page('/services/');
    expect(list).toContain('兴安盟行政审批政务服务与数据管理局');
    expect(list).toContain(`<a href="/services/items/${item.body.code}">第二类精神药品零售业务审批 &lt;script>alert(1)&lt;/script></a>`);
    expect(await page('/services/legal/')).toContain(item.body.code);
    expect(await page('/services/person/')).not.toContain(item.body.code);
    const guidePage = await page(`/services/items/${item.body.code}`);
    for (const text of ['事项编码', item.body.code, '行政许可', '兴安盟市场监督管理局', '法定时限', '20个工作日', '承诺时限', '10个工作日', '全程网办', '《中华人民共和国药品管理法》', '营业场所使用权证明', '租赁的提交租赁合同', '0482-8261234', '12345']) {
      expect(guidePage).toContain(text);
    }
    expect(guidePage).toContain('<meta name="ArticleTitle"');
    expect(guidePage).not.toContain('<script>alert(1)');
    expect(await searchServices('精神药品')).toEqual([`service:${item.body.id}`]);

    const withdrawn = await call('zwsj.officer', 'POST', `/api/v1/services/items/${item.body.id}/withdraw`, { reason: '事项已取消' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawReason: '事项已取消' });
    expect((await app.inject({ url: `/services/items/${item.body.code}` })).statusCode).toBe(404);
    expect(await page('/services/')).not.toContain(item.body.code);
    expect(await searchServices('精神药品')).toEqual([]);
    const recode = await call('zwsj.officer', 'PUT', `/api/v1/services/items/${item.body.id}`, { ...guide(nextCode()), revision: withdrawn.body.revision });
    expect([recode.status, recode.code]).toEqual([409, 'services.item_state']);
  });

  it('lets only the organisation’s 窗口/审批人员 edit; the IT office reads; others do not learn the item exists', async () => {
    const item = await create();
    const foreign = await call('xsh.officer', 'GET', `/api/v1/services/items/${item.body.id}`);
    expect([foreign.status, foreign.code]).toEqual([404, 'services.item_not_found']);
    const clerk = await call('fgw.clerk', 'GET', `/api/v1/services/items?orgId=${officerOrg}`);
    expect(clerk.status).toBe(404);
    const it_ = await call('it.office', 'GET', `/api/v1/services/items/${item.body.id}`);
    expect(it_.body.actions).toEqual(['read']);
    const denied = await publish(item.body.id, 'it.office');
    expect([denied.status, denied.code]).toEqual([403, 'auth.forbidden']);
    expect((await call(undefined, 'GET', `/api/v1/services/items/${item.body.id}`)).status).toBe(401);
  });
});

describe('the demo catalogue', () => {
  it('has complete guides for every published item, unique codes, and parents listed before children', () => {
    const codes = demoServiceItems.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of demoServiceItems.filter((i) => i.status === 'published')) {
      expect([item.code, missingGuideElements({ ...(item as ServiceGuide), implementingOrg: item.orgRef })]).toEqual([item.code, []]);
    }
    const drafts = demoServiceItems.filter((i) => i.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.some((i) => missingGuideElements({ ...i, implementingOrg: i.orgRef }).length > 0)).toBe(true);
  });
});
