import type { AppContext, SeedOptions } from '../../../platform/module.js';
import { interactionServices } from '../interaction/index.js';
import type { SurveyBody } from '../interaction/interaction.schema.js';
import type { DemoWhen } from './demo.articles.js';
import { demoExtraRepository as extra } from './demo.extra.repository.js';
import { demoRepository as repo } from './demo.repository.js';
import { acting, DemoClock } from './demo.seed.js';

export interface DemoInteractionReport {
  readonly messages: number;
  readonly published: number;
  readonly surveys: number;
}

type Mailbox = 'leader' | 'consult' | 'complaint';

interface DemoMessage {
  readonly mailbox: Mailbox;
  readonly name: string;
  readonly phone: string;
  readonly subject: string;
  readonly body: string;
  readonly consent: boolean;
  /** Days before the seed it was written; handled over the following days. */
  readonly days: number;
  readonly answer: string;
}

const messages: readonly DemoMessage[] = [
  {
    mailbox: 'leader',
    name: '王立新',
    phone: '13904821156',
    subject: '建议开通乌兰浩特站至阿尔山的旅游专线',
    body: '每年夏季去阿尔山的游客很多，乌兰浩特火车站到阿尔山没有直达的旅游大巴，建议旅游旺季开通专线。',
    consent: true,
    days: 40,
    answer: '感谢您的建议。盟交通运输局已会同文化旅游体育局研究，计划于今年6月至10月开通乌兰浩特站至阿尔山景区的旅游专线，每日往返4班，具体时刻将在“兴安交通”公众号公布。',
  },
  {
    mailbox: 'consult',
    name: '李春梅',
    phone: '15147230419',
    subject: '异地就医备案如何办理',
    body: '我长期在呼和浩特照顾老人，医保在科右前旗，请问异地就医备案在哪里办，需要什么材料？',
    consent: true,
    days: 26,
    answer: '您好。异地长期居住人员可通过国家医保服务平台App或“蒙速办”在线办理备案，只需填写《异地就医备案登记表》并承诺居住地址，无需其他证明材料；也可到科右前旗医疗保障服务中心窗口办理。',
  },
  {
    mailbox: 'complaint',
    name: '赵建国',
    phone: '18647190823',
    subject: '兴安北大路夜间施工噪音扰民',
    body: '兴安北大路红城小区附近的道路施工经常到夜里十二点以后，严重影响居民休息，希望有关部门管一管。',
    consent: true,
    days: 15,
    answer: '经乌兰浩特市住房和城乡建设局核查，该工程未办理夜间施工许可，已责令施工单位晚22时至次日6时停止作业，并安排专人巡查。如再有夜间施工，请拨打12345反映。',
  },
  {
    mailbox: 'consult',
    name: '陈静',
    phone: '13514860372',
    subject: '个体工商户年报的时间',
    body: '请问个体工商户年度报告每年什么时候报，逾期没报会有什么影响？',
    consent: false,
    days: 8,
    answer: '个体工商户应于每年1月1日至6月30日通过国家企业信用信息公示系统报送上一年度年度报告。未按时报送的，将被标记为经营异常状态，补报后可申请恢复正常记载。',
  },
];

const when = (days: number, time: string): DemoWhen => [days, time];

/**
 * The main site's interaction: four messages through the public intake (three consenting to
 * publication), each accepted and routed to 行署办公室 by portal.editor, answered by xsh.officer,
 * approved by portal.reviewer and (when consented) published by portal.editor; an open survey and a
 * closed 意见征集 with its 反馈. On a clock moved to each step's time; what is there already (same
 * subject or title on the site) is left alone.
 */
export async function seedDemoInteraction(ctx: AppContext, options: SeedOptions): Promise<DemoInteractionReport | undefined> {
  if (options.profile !== 'demo' || ctx.config.env !== 'development') return undefined;
  const accounts = await repo.accounts(ctx.db, ['portal.editor', 'portal.reviewer', 'xsh.officer']);
  const site = await extra.site(ctx.db, 'main');
  if (!site || accounts.size < 3) return undefined;
  const editor = acting(accounts.get('portal.editor')!);
  const reviewer = acting(accounts.get('portal.reviewer')!);
  const officer = acting(accounts.get('xsh.officer')!);
  const clock = new DemoClock(ctx.clock.now());
  const { intake, messages: handling, surveys } = interactionServices({ ...ctx, clock });
  const report = { messages: 0, published: 0, surveys: 0 };
  const steps: { at: number; run: () => Promise<void> }[] = [];
  const step = (at: DemoWhen, run: () => Promise<void>) => steps.push({ at: clock.instant(at).getTime(), run: () => (clock.at(at), run()) });

  const subjects = await extra.messageSubjects(ctx.db, site.id);
  for (const [i, m] of messages.entries()) {
    if (subjects.has(m.subject)) continue;
    let id = '';
    step(when(m.days, '20:15'), async () => {
      const form = { name: m.name, phone: m.phone, subject: m.subject, body: m.body, ...(m.consent ? { consent: '1' } : {}) };
      id = (await intake.submit(site, m.mailbox, form, `10.200.0.${i + 1}`)).id;
      report.messages += 1;
    });
    step(when(m.days - 1, '09:10'), async () => {
      await handling.triage(editor, id, { decision: 'accept' });
      await handling.route(editor, id, { unitOrgId: site.org_id, note: '请行署办公室会同有关部门办理' });
    });
    step(when(m.days - 4, '15:30'), () => handling.draft(officer, id, { answer: m.answer }).then(() => undefined));
    step(when(m.days - 5, '10:00'), () => handling.approve(reviewer, id, {}).then(() => undefined));
    if (m.consent) {
      step(when(m.days - 5, '10:30'), async () => {
        await handling.publish(editor, id);
        report.published += 1;
      });
    }
  }

  const titles = await extra.surveyTitles(ctx.db, site.id);
  const survey = (body: SurveyBody, at: { create: DemoWhen; approve: DemoWhen; feedback?: { at: DemoWhen; text: string } }) => {
    if (titles.has(body.title)) return;
    let id = '';
    step(at.create, async () => {
      id = (await surveys.create(editor, body)).id;
      await surveys.submit(editor, id);
    });
    step(at.approve, async () => {
      await surveys.approve(reviewer, id);
      report.surveys += 1;
    });
    const { feedback } = at;
    if (feedback) step(feedback.at, () => surveys.feedback(editor, id, feedback.text).then(() => undefined));
  };
  const real = ctx.clock.now().getTime();
  survey(
    {
      siteId: site.id,
      kind: 'survey',
      title: '兴安盟政务服务满意度调查',
      description: '为提升政务服务质量，现就您在政务服务中心和网上办事的体验开展调查，约需2分钟。',
      documentText: null,
      documentUrl: null,
      opensAt: clock.instant([1, '16:00']).toISOString(),
      closesAt: new Date(real + 30 * 86_400_000).toISOString(),
      liveResults: true,
      questions: [
        { kind: 'single', title: '您对政务服务中心办事效率的总体评价', options: ['非常满意', '满意', '一般', '不满意'], maxLength: null, required: true },
        { kind: 'multiple', title: '您常用的办事渠道（可多选）', options: ['政务服务中心窗口', '“蒙速办”App', '门户网站', '12345热线'], maxLength: null, required: true },
        { kind: 'text', title: '您对改进政务服务的其他建议', options: [], maxLength: 500, required: false },
      ],
    },
    { create: [1, '16:00'], approve: [0, '09:00'] },
  );
  survey(
    {
      siteId: site.id,
      kind: 'opinions',
      title: '《兴安盟城镇供热管理办法（征求意见稿）》公开征求意见',
      description: '为规范城镇供热管理，保障供热质量，现将办法征求意见稿全文公布，欢迎社会各界提出意见和建议。',
      documentText: '第一条 为加强城镇供热管理，维护供热单位和热用户的合法权益，制定本办法。\n第二条 本盟行政区域内城镇供热的规划、建设、经营、使用和管理，适用本办法。',
      documentUrl: null,
      opensAt: clock.instant([45, '09:00']).toISOString(),
      closesAt: clock.instant([15, '17:00']).toISOString(),
      liveResults: false,
      questions: [{ kind: 'text', title: '您的意见和建议', options: [], maxLength: 2000, required: true }],
    },
    { create: [46, '15:00'], approve: [45, '09:00'], feedback: { at: [10, '10:00'], text: '征求意见期间共收到意见建议23条，采纳9条，主要涉及供热收费标准、停热报修时限和热用户权益保障，已在办法正式稿中吸收。' } },
  );

  steps.sort((x, y) => x.at - y.at);
  for (const s of steps) await s.run();
  return report;
}
