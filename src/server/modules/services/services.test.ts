import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededApp, signIn } from '../../../../test/support/app.js';
import { describeEachDialect, type FreshDatabase } from '../../../../test/support/db.js';
import { FixedClock } from '../../platform/clock.js';
import { createSearch } from '../../platform/search/index.js';
import { missingGuideElements, parentLevels, type ServiceGuide } from '../../../shared/services.js';
import { SERVICES_ON_ONE_PAGE } from '../portal/index.js';
import { demoServiceItems } from './seed/demo.items.js';
import { serviceItemFactory } from './services.testing.js';

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

  it('keeps the tree whole: a level change that would strand children, or a published item under an unpublished parent, is refused', async () => {
    const main = await create({ name: '排水许可' });
    const sub = await create({ name: '排水许可（临时）', level: 'sub', parentId: main.body.id });
    const other = await create({ name: '另一主项' });
    const demote = await call('zwsj.officer', 'PUT', `/api/v1/services/items/${main.body.id}`, { ...guide(main.body.code), level: 'sub', parentId: other.body.id, revision: main.body.revision });
    expect([demote.status, demote.code]).toEqual([422, 'services.parent_invalid']);
    // A 子项 cannot become its own child's child either (no cycle): a 业务办理项 holds no children.
    const cycle = await call('zwsj.officer', 'PUT', `/api/v1/services/items/${main.body.id}`, { ...guide(main.body.code), level: 'handling', handlingKind: 'new', parentId: sub.body.id, revision: main.body.revision });
    expect([cycle.status, cycle.code]).toEqual([422, 'services.parent_invalid']);

    await publish(other.body.id);
    const handling = await create({ name: '另一主项新设', level: 'handling', handlingKind: 'new', parentId: other.body.id });
    const live = await publish(handling.body.id);
    const moved = await call('zwsj.officer', 'PUT', `/api/v1/services/items/${handling.body.id}`, { ...guide(handling.body.code), level: 'handling', handlingKind: 'new', parentId: main.body.id, revision: live.body.revision });
    expect([moved.status, moved.code]).toEqual([409, 'services.item_state']);
  });

  it('never leaves a published child under a withdrawn parent, even when both happen at once', async () => {
    for (let round = 0; round < 4; round += 1) {
      const parent = await create({ name: `并发主项${round}` });
      await publish(parent.body.id);
      const child = await create({ name: `并发子项${round}`, level: 'sub', parentId: parent.body.id });
      const [published, withdrawn] = await Promise.all([publish(child.body.id), call('zwsj.officer', 'POST', `/api/v1/services/items/${parent.body.id}/withdraw`, { reason: '并发测试' })]);
      expect([published.status, withdrawn.status].filter((status) => status === 200)).toHaveLength(1);
    }
  });

  it('finds codes case-insensitively, dates search entries in Hinggan time, and says 12345 when a guide names no complaints number', async () => {
    const item = await create({ complaintPhone: '' });
    expect((await call('zwsj.officer', 'GET', `/api/v1/services/items?orgId=${officerOrg}&q=${item.body.code.toLowerCase()}`)).body.total).toBe(1);
    const wrong = await call('zwsj.officer', 'PUT', `/api/v1/services/items/${item.body.id}`, { ...guide(item.body.code), complaintPhone: '00000', revision: item.body.revision });
    expect(wrong.body.missing).toEqual(['complaintPhone']);
    await call('zwsj.officer', 'PUT', `/api/v1/services/items/${item.body.id}`, { ...guide(item.body.code), complaintPhone: '', revision: wrong.body.revision });
    // 01:30 on 28 November in Hinggan is still the 27th in UTC. (Sessions idle past their limit when
    // the clock jumps: sign in afresh at each move.)
    const moveClock = (to: string) => {
      clock.set(to);
      cookies.clear();
    };
    moveClock('2026-11-27T17:30:00.000Z');
    try {
      expect((await publish(item.body.id)).status).toBe(200);
    } finally {
      moveClock('2026-11-27T02:00:00.000Z');
    }
    const found = await createSearch({ db: db.db, dialect: db.dialect }).query({ scopes: ['portal'], text: item.body.code, tags: ['public'], filters: { type: 'service' } });
    expect(found.hits.map((h) => h.fields.date)).toEqual(['2026-11-28']);
    expect(await page(`/services/items/${item.body.code}`)).toMatch(/监督投诉电话<\/th><td>12345</);
  });

  it('drops every cached page the change reaches: the 法人 list and the parent’s guide', async () => {
    const parent = await create({ name: '城市建筑垃圾处置核准' });
    await publish(parent.body.id);
    const child = await create({ name: '城市建筑垃圾处置核准延续', level: 'handling', handlingKind: 'renew', parentId: parent.body.id });
    // Rendered and cached before the change.
    expect(await page('/services/legal/')).not.toContain(child.body.code);
    expect(await page(`/services/items/${parent.body.code}`)).not.toContain(child.body.code);
    await publish(child.body.id);
    expect(await page('/services/legal/')).toContain(child.body.code);
    expect(await page(`/services/items/${parent.body.code}`)).toContain(`/services/items/${child.body.code}`);
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

  it('lists a large catalogue by organisation, each organisation’s items on a page of its own', async () => {
    const market = (await call('sysadmin', 'GET', '/api/v1/orgs/152200000000.xsh.scjgj')).body.id;
    const at = new Date().toISOString();
    for (let i = 0; i < SERVICES_ON_ONE_PAGE + 1; i += 1) {
      await serviceItemFactory.item(db.db, { orgId: market, code: `SCJG${String(i).padStart(6, '0')}`, name: `市场监管事项${i}`, at, published: true });
    }
    // A change through the API drops the cached lists.
    await publish((await create({ name: '目录翻页后的事项' })).body.id);
    const entry = await page('/services/');
    expect(entry).toContain(`<a href="/services/orgs/${market}/">兴安盟市场监督管理局</a></th><td>${SERVICES_ON_ONE_PAGE + 1}</td>`);
    expect(entry).toContain(`<a href="/services/orgs/${officerOrg}/">兴安盟行政审批政务服务与数据管理局</a>`);
    expect(entry).not.toContain('/services/items/SCJG');
    const own = await page(`/services/orgs/${market}/`);
    expect(own).toContain('<h1>兴安盟市场监督管理局 · 政务服务</h1>');
    expect(own).toContain(`/services/items/SCJG000150"`);
    expect(own).not.toContain('目录翻页后的事项');
    expect((await app.inject({ url: '/services/orgs/00000000-0000-0000-0000-000000000000/' })).statusCode).toBe(404);
  });

  it('follows a rename of the implementing organisation by registry import: its search entries and cached pages', async () => {
    const item = await create({ name: '麻醉药品购用印鉴卡审批' });
    await publish(item.body.id);
    const oldName = '兴安盟行政审批政务服务与数据管理局';
    const newName = '兴安盟营商环境建设局';
    const rename = (name: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/orgs/import',
        headers: { cookie: cookies.get('sysadmin') ?? '', 'content-type': 'text/csv' },
        payload: `ref,parent_ref,kind,code,name_zh,name_mn,name_latin,short_name,doc_prefixes,credit_code\n${zwsj},152200000000.xsh,department,,${name},,,政务服务与数据管理局,兴政数发,\n`,
      });
    await as('sysadmin');
    expect(await searchServices(`${oldName} 印鉴卡`)).toEqual([`service:${item.body.id}`]);
    expect(await searchServices(`${newName} 印鉴卡`)).toEqual([]);
    expect(await page(`/services/items/${item.body.code}`)).toContain(oldName); // rendered and cached

    const renamed = await rename(newName);
    expect([renamed.statusCode, renamed.json()]).toEqual([200, { created: 0, updated: 1, total: 1 }]);
    expect(await searchServices(`${newName} 印鉴卡`)).toEqual([`service:${item.body.id}`]);
    expect(await searchServices(`${oldName} 印鉴卡`)).toEqual([]);
    const guidePage = await page(`/services/items/${item.body.code}`);
    expect(guidePage).toContain(newName);
    expect(guidePage).not.toContain(oldName);

    expect((await rename(oldName)).statusCode).toBe(200);
    expect(await searchServices(`${oldName} 印鉴卡`)).toEqual([`service:${item.body.id}`]);
  });
});

describe('the demo catalogue', () => {
  it('has complete guides for every published item, unique codes, and each child under a published parent of its organisation', () => {
    const codes = demoServiceItems.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of demoServiceItems.filter((i) => i.parentCode)) {
      const parent = demoServiceItems.find((p) => p.code === item.parentCode);
      expect([item.code, parent?.orgRef, parentLevels[item.level].includes(parent!.level)]).toEqual([item.code, item.orgRef, true]);
      if (item.status === 'published') expect(parent?.status).toBe('published');
    }
    for (const item of demoServiceItems.filter((i) => i.status === 'published')) {
      expect([item.code, missingGuideElements({ ...(item as ServiceGuide), implementingOrg: item.orgRef })]).toEqual([item.code, []]);
    }
    const drafts = demoServiceItems.filter((i) => i.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.some((i) => missingGuideElements({ ...i, implementingOrg: i.orgRef }).length > 0)).toBe(true);
  });
});
