import { isAppError } from '../../../platform/errors/app-error.js';
import type { AppContext, SeedOptions, SeedReport } from '../../../platform/module.js';
import type { FinalCopyMaker } from '../send/index.js';
import { paperTexts, texts } from './demo.catalogue.js';
import { demoScanPng } from './demo.scan.js';
import { demoWorld, teams, type DemoWorld, type When } from './demo.world.js';
import { seedRepository } from './seed.repository.js';

const { xsh, fgw, ulh } = teams;

/**
 * Sample official documents for a demo deployment, written through the real services as the demo
 * accounts over the past weeks (see `TimelineClock`): drafts, documents waiting for review and
 * sign-off, numbered, sealed and issued ones, inbox items at every receiving step in 乌兰浩特 and
 * 发改委 (with deadlines, circulation and overdue ones) and filed ones with their 档号.
 *
 * Written once, on a development deployment seeded with the demo profile whose demo accounts exist
 * and that has no document yet; test deployments start without them, production never has them.
 */
export async function seedDemoDocuments(
  ctx: AppContext,
  options: SeedOptions,
  finalCopyOf: (ctx: AppContext) => FinalCopyMaker,
): Promise<SeedReport | void> {
  if (options.profile !== 'demo' || ctx.config.env !== 'development') return;
  if (await seedRepository.anyDocument(ctx.db)) return;
  const world = await demoWorld(ctx, finalCopyOf);
  if (!world) return;
  const written = await writeDemo(world);
  return { lines: [`演示公文：${written.sent} 件发文（拟稿至核发各环节）、${written.received} 件收文（待签收至归档各环节）`] };
}

/** The timeline of the demo, oldest first; returns how many documents it wrote. */
export async function writeDemo(w: DemoWorld): Promise<{ sent: number; received: number }> {
  const { receive, archive } = w.receiving;
  await w.prepareSeals([27, '08:30'], ['xsh', 'fgw', 'ulh']);
  let sent = 0;
  const draft: DemoWorld['draft'] = async (...args) => {
    sent += 1;
    return w.draft(...args);
  };

  // 冬季安全生产大检查: issued to 乌兰浩特 (answered with a report, finished and filed) and 发改委 (overdue).
  const safety = await draft([25, '09:10'], xsh, texts.safety, { main: ['ulh'], copy: ['fgw'] });
  await w.flow(safety, xsh, [[25, '09:40'], [25, '11:20'], [25, '15:00'], [24, '09:30'], [24, '10:10'], [24, '10:20'], [24, '10:40'], [24, '11:00']]);
  const ulhSafety = await w.incoming(safety, 'ulh');
  await at(w, [24, '14:00'], () => receive.sign(w.as('ulh.clerk'), ulhSafety));
  await at(w, [24, '14:10'], () => receive.register(w.as('ulh.clerk'), ulhSafety));
  await at(w, [24, '15:30'], () => receive.review(w.as('ulh.clerk'), ulhSafety, { decision: 'accept', opinion: '文件齐全，请领导批示。' }));
  await at(w, [24, '16:00'], () => receive.propose(w.as('ulh.clerk'), ulhSafety, { opinion: '建议由市政府办公室牵头组织全市大检查，按时上报检查情况。' }));
  if (await instruct(w, [23, '09:00'], 'ulh.mayor', ulhSafety, { instruction: '同意。由市政府办公室牵头，各部门配合，12月10日前完成检查并上报行署。', lead: 'ulh', days: 10 })) {
    await at(w, [22, '10:00'], () => receive.handle(w.as('ulh.clerk'), ulhSafety, { opinion: '已印发全市检查方案，组织四个检查组分片检查。' }));
  }
  const fgwSafety = await w.incoming(safety, 'fgw');
  await at(w, [24, '15:00'], () => receive.sign(w.as('fgw.clerk'), fgwSafety));
  await at(w, [24, '15:10'], () => receive.register(w.as('fgw.clerk'), fgwSafety));
  await at(w, [23, '09:30'], () => receive.review(w.as('fgw.clerk'), fgwSafety, { decision: 'accept' }));
  await instruct(w, [23, '10:30'], 'fgw.leader', fgwSafety, { instruction: '请发展规划科牵头梳理在建重大项目安全生产情况，三日内报委领导。', lead: 'fgwPlanning', days: 3 });

  // 乌兰浩特's report in reply: issued to 行署 (waiting there for 签收); the 乌兰浩特 item is finished with it and filed.
  const safetyReport = await draft([21, '09:00'], ulh, texts.safetyReport, { main: ['xsh'], inReplyTo: ulhSafety });
  await w.flow(safetyReport, ulh, [[21, '09:30'], [21, '10:30'], [21, '11:00'], [21, '15:00'], [21, '15:20'], [21, '15:30'], [21, '15:40'], [21, '16:00']]);
  await at(w, [20, '09:30'], () => receive.complete(w.as('ulh.clerk'), ulhSafety, { result: '已完成全市冬季安全生产大检查，检查情况已报行署。', replyDocumentId: safetyReport }));
  await at(w, [19, '10:00'], () => archive.file(w.as('ulh.clerk'), { source: 'received', incomingId: ulhSafety, retention: 'D30' }));
  await at(w, [19, '10:30'], () => archive.file(w.as('xsh.clerk'), { source: 'sent', documentId: safety, retention: 'D30' }));

  // 冬季供暖保障 (加急): 乌兰浩特 instructs with a deadline now past, circulates it to the mayor (read); 发改委 circulates it (unread).
  const heating = await draft([17, '09:00'], xsh, texts.heating, { main: ['ulh', 'arxan'], copy: ['fgw'] });
  await w.flow(heating, xsh, [[17, '09:20'], [17, '10:00'], [17, '11:00'], [17, '14:30'], [17, '15:00'], [17, '15:10'], [17, '15:20'], [17, '15:40']]);
  const ulhHeating = await w.incoming(heating, 'ulh');
  await at(w, [17, '16:30'], () => receive.sign(w.as('ulh.clerk'), ulhHeating));
  await at(w, [17, '16:40'], () => receive.register(w.as('ulh.clerk'), ulhHeating));
  await at(w, [16, '09:00'], () => receive.review(w.as('ulh.clerk'), ulhHeating, { decision: 'accept' }));
  await at(w, [16, '09:30'], () => receive.propose(w.as('ulh.clerk'), ulhHeating, { opinion: '建议由市民政局牵头落实困难群众取暖补贴，市政务服务局配合开通供暖服务热线。', leadOrgId: w.org('ulhCivil') }));
  const heatingDeadline = await instruct(w, [16, '11:00'], 'ulh.mayor', ulhHeating, { instruction: '同意拟办意见。民政局五个工作日内完成取暖补贴发放并报告。', lead: 'ulhCivil', co: ['ulhData'], days: 5 });
  await at(w, [16, '11:30'], () => receive.circulate(w.as('ulh.clerk'), ulhHeating, { userIds: [w.account('ulh.mayor').id], note: '请张市长阅。' }));
  await at(w, [15, '08:50'], () => receive.markRead(w.as('ulh.mayor'), ulhHeating, { comment: '已阅。请民政局抓紧落实，确保困难群众温暖过冬。' }));
  if (heatingDeadline) await at(w, [8, '09:00'], () => receive.remind(w.as('ulh.clerk'), ulhHeating, { message: '取暖补贴发放已超过办理时限，请民政局今日报送进展。' }));
  const fgwHeating = await w.incoming(heating, 'fgw');
  await at(w, [17, '16:00'], () => receive.sign(w.as('fgw.clerk'), fgwHeating));
  await at(w, [17, '16:10'], () => receive.register(w.as('fgw.clerk'), fgwHeating));
  await at(w, [16, '10:00'], () => receive.circulate(w.as('fgw.clerk'), fgwHeating, { userIds: [w.account('fgw.leader').id], note: '抄送件，请孟主任阅知（涉及煤炭保供）。' }));

  // 发改委's report to 行署: proposed there, waiting for 李盟长's 批办.
  const economy = await draft([10, '09:00'], fgw, texts.economyReport, { main: ['xsh'] });
  await w.flow(economy, fgw, [[10, '09:30'], [10, '14:00'], [10, '15:00'], [9, '09:30'], [9, '10:00'], [9, '10:10'], [9, '10:20'], [9, '10:40']]);
  const xshEconomy = await w.incoming(economy, 'xsh');
  await at(w, [9, '14:00'], () => receive.sign(w.as('xsh.clerk'), xshEconomy));
  await at(w, [9, '14:10'], () => receive.register(w.as('xsh.clerk'), xshEconomy));
  await at(w, [8, '10:00'], () => receive.review(w.as('xsh.clerk'), xshEconomy, { decision: 'accept' }));
  await at(w, [8, '10:30'], () => receive.propose(w.as('xsh.clerk'), xshEconomy, { opinion: '拟请李盟长阅示，并转盟统计局参阅。' }));

  // 数字政府三年行动方案: 乌兰浩特 has not yet signed for it; 发改委 instructed it with a deadline to come.
  const digital = await draft([7, '09:00'], xsh, texts.digital, { main: ['ulh', 'fgw'], copy: ['data'] });
  await w.flow(digital, xsh, [[7, '09:30'], [7, '10:30'], [7, '14:00'], [6, '09:30'], [6, '10:00'], [6, '10:10'], [6, '10:20'], [6, '10:40']]);
  const fgwDigital = await w.incoming(digital, 'fgw');
  await at(w, [6, '14:00'], () => receive.sign(w.as('fgw.clerk'), fgwDigital));
  await at(w, [6, '14:10'], () => receive.register(w.as('fgw.clerk'), fgwDigital));
  await at(w, [5, '09:30'], () => receive.review(w.as('fgw.clerk'), fgwDigital, { decision: 'accept' }));
  await at(w, [5, '10:00'], () => receive.propose(w.as('fgw.clerk'), fgwDigital, { opinion: '建议由发展规划科牵头，将数字政府项目纳入2027年投资计划。', leadOrgId: w.org('fgwPlanning') }));
  await instruct(w, [4, '09:00'], 'fgw.leader', fgwDigital, { instruction: '同意。发展规划科十个工作日内提出数字政府建设项目投资计划建议。', lead: 'fgwPlanning', days: 10 });

  // A paper document at 发改委, read, finished and filed.
  const grain = await registerPaper(w, [12, '09:00'], 'fgw.clerk', 'fgw', paperTexts.fgwGrain, w.clock.dayBefore(14));
  await at(w, [12, '10:00'], () => receive.review(w.as('fgw.clerk'), grain, { decision: 'accept' }));
  await at(w, [12, '11:00'], () => receive.instruct(w.as('fgw.leader'), grain, { instruction: '阅。请发展规划科关注秋粮收购进度。', coOrgIds: [] }));
  await at(w, [11, '09:00'], () => receive.complete(w.as('fgw.clerk'), grain, { result: '已阅知，转发展规划科掌握。' }));
  await at(w, [11, '09:30'], () => archive.file(w.as('fgw.clerk'), { source: 'received', incomingId: grain, retention: 'D10' }));

  // 阿尔山冰雪旅游季: 乌兰浩特 signed for it, to be registered; 发改委 has not signed yet.
  const arxan = await draft([4, '09:00'], xsh, texts.arxan, { main: ['ulh', 'arxan'], copy: ['tourism', 'fgw'] });
  await w.flow(arxan, xsh, [[4, '09:30'], [4, '10:30'], [3, '09:00'], [3, '10:00'], [3, '10:30'], [3, '10:40'], [3, '10:50'], [3, '11:00']]);
  await at(w, [2, '09:00'], async () => receive.sign(w.as('ulh.clerk'), await w.incoming(arxan, 'ulh')));

  // A paper document at 乌兰浩特, registered and waiting for 初审.
  await registerPaper(w, [3, '14:00'], 'ulh.clerk', 'ulh', paperTexts.ulhHousing, w.clock.dayBefore(6));

  // Documents of 行署 at each step before 核发.
  const farming = await draft([4, '14:00'], xsh, texts.farming, { main: ['ulh', 'arxan'], copy: ['farming'] });
  await w.flow(farming, xsh, [[4, '14:30'], [3, '09:00'], [3, '14:00'], [2, '09:30'], [2, '10:00'], [1, '09:30']]); // waits for 用印
  const fire = await draft([3, '09:00'], xsh, texts.fire, { main: ['ulh', 'arxan'], copy: ['emergency'] });
  await w.flow(fire, xsh, [[3, '09:30'], [3, '10:00'], [2, '14:00'], [1, '09:00'], [1, '09:40']]); // waits for 编号登记
  const projects = await draft([6, '09:00'], xsh, texts.projects, { main: ['ulh', 'arxan', 'fgw'] });
  await w.flow(projects, xsh, [[6, '09:30'], [5, '10:00'], [5, '15:00']]); // waits for 领导签发, overdue
  const openness = await draft([1, '10:00'], xsh, texts.openness, { main: ['ulh', 'arxan'] });
  await w.flow(openness, xsh, [[1, '10:30']]); // waits for 部门核稿
  const relief = await draft([1, '14:00'], xsh, texts.relief, { main: ['ulh', 'arxan'], copy: ['finance'] });
  await w.flow(relief, xsh, [[1, '14:20'], [0, '08:40']]); // waits for 办公室审核
  await draft([0, '08:30'], xsh, texts.meeting, { main: ['ulh', 'arxan'], copy: ['farming', 'fgw', 'finance'] }); // 拟稿

  // 发改委: a letter returned to its drafter with a reason, and a 请示 waiting for 孟主任's sign-off.
  const letter = await draft([2, '09:00'], fgw, texts.investLetter, { main: ['ulh'] });
  await w.flow(letter, fgw, [[2, '09:30']]);
  await at(w, [1, '09:10'], () => w.send.flow.returnTo(w.as('fgw.leader'), letter, 'draft', '请补充项目申报时限和联系人电话后再报。'));
  const budget = await draft([2, '14:00'], fgw, texts.budgetRequest, { main: ['xsh'] });
  await w.flow(budget, fgw, [[2, '14:30'], [1, '10:00'], [1, '15:00']]);

  // 乌兰浩特: a 请示 waiting for 张市长's sign-off, a draft, and one withdrawn.
  const renovation = await draft([2, '10:00'], ulh, texts.renovationRequest, { main: ['xsh'] });
  await w.flow(renovation, ulh, [[2, '10:30'], [1, '09:00'], [1, '11:00']]);
  await draft([0, '08:50'], ulh, texts.snowClearing, { main: ['ulhEducation', 'ulhCivil'] });
  const withdrawn = await draft([5, '15:00'], ulh, { ...texts.snowClearing, title: '乌兰浩特市人民政府关于调整城区部分公交线路冬季运营时间的通知' }, { main: ['ulhEducation'] });
  await at(w, [5, '16:00'], () => w.send.flow.cancel(w.as('ulh.clerk'), withdrawn, '与市交通运输部门的通告重复，撤销。'));

  return { sent, received: await seedRepository.countIncoming(w.ctx.db) };
}

async function at<T>(w: DemoWorld, when: When, act: () => Promise<T>): Promise<T> {
  w.at(when);
  return act();
}

/**
 * 批办 with a lead unit and a deadline in working days. When the official calendar cannot count the
 * deadline yet (a year it has no holiday data for), the instruction is given for reading only (阅件);
 * returns whether it has a deadline.
 */
async function instruct(
  w: DemoWorld,
  when: When,
  leader: 'xsh.leader' | 'fgw.leader' | 'ulh.mayor',
  id: string,
  plan: { instruction: string; lead: Parameters<DemoWorld['org']>[0]; co?: Parameters<DemoWorld['org']>[0][]; days: number },
) {
  w.at(when);
  try {
    await w.receiving.receive.instruct(w.as(leader), id, { instruction: plan.instruction, leadOrgId: w.org(plan.lead), coOrgIds: (plan.co ?? []).map(w.org), workingDays: plan.days });
    return true;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'calendar.year_not_covered') throw error;
    await w.receiving.receive.instruct(w.as(leader), id, { instruction: plan.instruction, coOrgIds: [] });
    return false;
  }
}

async function registerPaper(
  w: DemoWorld,
  when: When,
  clerk: 'fgw.clerk' | 'ulh.clerk',
  to: 'fgw' | 'ulh',
  text: { senderName: string; senderNumber: string; title: string },
  documentDate: string,
): Promise<string> {
  w.at(when);
  const { fileId } = await w.receiving.paper.uploadScan(w.as(clerk), w.org(to), demoScanPng(), `${text.title}.png`);
  return w.receiving.paper.register(w.as(clerk), {
    orgId: w.org(to),
    scanFileId: fileId,
    senderName: text.senderName,
    senderNumber: text.senderNumber,
    title: text.title,
    documentDate,
    kind: 'notice',
    secrecy: 'none',
    urgency: 'normal',
  });
}
