import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { AppContext, SeedOptions } from '../../../platform/module.js';
import type { DisclosureCategory } from '../../../../shared/disclosure.js';
import { disclosureServices } from '../disclosure/index.js';
import type { DemoWhen } from './demo.articles.js';
import { demoExtraRepository as extra } from './demo.extra.repository.js';
import { articleKey, demoRepository as repo } from './demo.repository.js';
import { acting, DemoClock } from './demo.seed.js';

export interface DemoDisclosureReport {
  readonly texts: number;
  readonly entries: number;
  readonly requests: number;
}

const guide = `<h2>一、主动公开</h2><p>行署办公室主动公开的政府信息，通过兴安盟行政公署门户网站“政府信息公开”专栏、《兴安盟行政公署公报》和政务服务中心查阅点公开，自信息形成或者变更之日起20个工作日内公开。</p>
<h2>二、依申请公开</h2><p>公民、法人或者其他组织可通过本网站“依申请公开”在线提交申请，也可以信函方式提出。收到申请之日起20个工作日内予以答复；需要延长答复期限的，经负责人同意可延长不超过20个工作日。</p>
<h2>三、受理机构</h2><p>行署办公室政府信息公开工作机构，地址：乌兰浩特市兴安北大路行署大楼，办公时间：工作日 8:30—12:00、14:30—17:30。</p>`;
const rules = `<h2>政府信息公开工作制度</h2><ol><li>公开前审查：拟公开的政府信息由承办科室提出，经保密审查后公开。</li><li>依申请公开登记、办理、答复全程留痕，按期答复。</li><li>年度报告于每年1月31日前公布。</li><li>社会评议和责任追究按《中华人民共和国政府信息公开条例》执行。</li></ol>`;

interface DemoEntry {
  readonly title: string;
  readonly category: DisclosureCategory;
  readonly summary: string;
  readonly docNumber?: string;
  /** Registered and published then; 成文 `writtenDaysBefore` days earlier. */
  readonly at: DemoWhen;
  readonly writtenDaysBefore: number;
  readonly article?: string;
  readonly abolished?: { at: DemoWhen; note: string };
}

const entries: readonly DemoEntry[] = [
  { title: '兴安盟行政公署办公室主要职责和内设机构', category: 'functions', summary: '行署办公室的主要职责、内设科室及联系方式。', at: [84, '10:00'], writtenDaysBefore: 3 },
  { title: '兴安盟政务数据共享管理办法（试行）', category: 'regulations', summary: '规范全盟政务数据的目录编制、共享申请和安全管理。', docNumber: '兴署办发〔2026〕18号', at: [70, '15:30'], writtenDaysBefore: 6, article: '兴安盟政务数据共享管理办法（试行）' },
  { title: '兴安盟城镇供热收费管理暂行规定', category: 'regulations', summary: '城镇集中供热收费标准和收费期限的暂行规定。', docNumber: '兴署办发〔2023〕7号', at: [80, '09:40'], writtenDaysBefore: 8, abolished: { at: [12, '16:00'], note: '已被《兴安盟城镇供热管理办法》（兴署办发〔2026〕22号）废止' } },
  { title: '兴安盟“十四五”数字政府建设规划（中期调整）', category: 'plans', summary: '数字政府建设的目标、重点任务和保障措施的中期调整。', docNumber: '兴署发〔2026〕5号', at: [60, '10:20'], writtenDaysBefore: 10 },
  { title: '行署办公室2026年部门预算', category: 'budgets', summary: '2026年部门收支总体情况、一般公共预算支出和“三公”经费预算。', at: [55, '11:00'], writtenDaysBefore: 5 },
  { title: '行署办公室2025年部门决算', category: 'budgets', summary: '2025年部门收支决算及“三公”经费支出情况说明。', at: [30, '09:30'], writtenDaysBefore: 7 },
  { title: '兴安盟政务服务中心自助终端采购项目中标公告', category: 'procurement', summary: '项目编号XAMZC-2026-031，中标供应商、中标金额及评审专家名单。', at: [21, '14:00'], writtenDaysBefore: 2 },
  { title: '兴安盟政务服务中心改扩建工程项目批准信息', category: 'major_projects', summary: '项目建议书批复、建设规模、总投资及建设单位。', docNumber: '兴发改审批字〔2026〕41号', at: [9, '10:10'], writtenDaysBefore: 4 },
];

const applicants = [
  { name: '包日嘎', idNumber: '11010519491231002X', phone: '13947160218', content: '兴安盟2025年农村牧区人居环境整治专项资金的分配文件', purpose: '了解本嘎查项目资金安排', submitted: [32, '10:15'] as DemoWhen, accepted: [31, '09:05'] as DemoWhen, replied: [22, '15:20'] as DemoWhen },
  { name: '刘海燕', idNumber: '11010519491231002X', phone: '15204820731', content: '乌兰浩特市城区2026年老旧小区改造项目的名单及实施计划', purpose: '了解所住小区是否列入改造', submitted: [3, '14:20'] as DemoWhen, accepted: [2, '09:30'] as DemoWhen },
] as const;

/**
 * The 行署办公室's disclosure platform: guide and rules, catalogue entries across categories (one
 * abolished), a request answered 予以公开 with its 告知书 and one accepted and in progress — through
 * the disclosure services as portal.editor (catalogue) and xsh.officer (requests), on a clock moved to
 * each step's time. What is there already (same title, same request content) is left alone.
 */
export async function seedDemoDisclosure(ctx: AppContext, options: SeedOptions): Promise<DemoDisclosureReport | undefined> {
  if (options.profile !== 'demo' || ctx.config.env !== 'development') return undefined;
  const accounts = await repo.accounts(ctx.db, ['portal.editor', 'xsh.officer']);
  const site = await extra.site(ctx.db, 'main');
  if (!site || accounts.size < 2) return undefined;
  const orgId = site.org_id;
  const editor = acting(accounts.get('portal.editor')!);
  const officer = acting(accounts.get('xsh.officer')!);
  const clock = new DemoClock(ctx.clock.now());
  const { catalogue, requests } = disclosureServices({ ...ctx, clock });
  const report = { texts: 0, entries: 0, requests: 0 };
  const steps: { at: number; run: () => Promise<void> }[] = [];
  const step = (when: DemoWhen, run: () => Promise<void>) => steps.push({ at: clock.instant(when).getTime(), run: () => (clock.at(when), run()) });

  for (const [kind, html] of [['guide', guide], ['rules', rules]] as const) {
    if (await extra.hasText(ctx.db, orgId, kind)) continue;
    step([88, '09:30'], async () => {
      await catalogue.saveText(editor, orgId, kind, html);
      report.texts += 1;
    });
  }

  const titles = await extra.entryTitles(ctx.db, orgId);
  const articles = await repo.existing(ctx.db, ['main']);
  for (const entry of entries) {
    if (titles.has(entry.title)) continue;
    let id = '';
    step(entry.at, async () => {
      const written = toBusinessDate(new Date(clock.now().getTime() - entry.writtenDaysBefore * 86_400_000));
      const articleId = entry.article ? (articles.get(articleKey('main', 'zh-CN', entry.article))?.id ?? null) : null;
      const created = await catalogue.create(editor, { orgId, title: entry.title, category: entry.category, summary: entry.summary, docNumber: entry.docNumber ?? null, documentDate: written, articleId });
      id = created.id;
      await catalogue.publish(editor, id);
      report.entries += 1;
    });
    const { abolished } = entry;
    if (abolished) {
      step(abolished.at, async () => {
        await catalogue.setValidity(editor, id, { validity: 'abolished', note: abolished.note, date: toBusinessDate(clock.now()) });
      });
    }
  }

  const contents = await extra.requestContents(ctx.db, orgId);
  for (const a of applicants) {
    if (contents.has(a.content)) continue;
    let code = '';
    step(a.submitted, async () => {
      const who = { actorId: null, actorName: a.name, orgId: null, requestId: 'demo-seed' };
      const body = { orgId, applicantKind: 'person' as const, name: a.name, idNumber: a.idNumber, phone: a.phone, address: '乌兰浩特市兴安北大路1号', email: '', content: a.content, purpose: a.purpose, form: 'electronic' as const };
      code = (await requests.submit(who, body)).trackingCode;
      report.requests += 1;
    });
    step(a.accepted, async () => {
      const { id, revision } = await extra.requestByCode(ctx.db, code);
      await requests.accept(officer, id, revision);
    });
    if ('replied' in a) {
      step(a.replied, async () => {
        const { id, revision } = await extra.requestByCode(ctx.db, code);
        await requests.reply(officer, id, { revision, kind: 'provided', text: '所申请的资金分配文件共2页，已以电子文档形式随本告知书提供。' });
      });
    }
  }

  steps.sort((x, y) => x.at - y.at);
  for (const s of steps) await s.run();
  return report;
}
