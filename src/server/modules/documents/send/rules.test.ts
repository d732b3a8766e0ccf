import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { systemClock } from '../../../platform/clock.js';
import { createOrgService } from '../../orgs/index.js';
import { OrgGraph } from './org-graph.js';
import { checkRules, requestMatters } from './rules.js';
import { documentsHarness, refs, type DocumentsHarness } from './send.testing.js';

describe('请示 carries one matter', () => {
  it('counts the matters a title names and the paragraphs that ask for approval, not the closing formula', () => {
    expect(requestMatters('关于修缮乌兰浩特市第一中学教学楼的请示', '<p>现将有关情况报告如下。</p><p>请予批准。</p><p>妥否，请批示。</p>')).toEqual({
      titleMatters: 1,
      requestParagraphs: 1,
    });
    expect(requestMatters('关于增加编制和关于调整预算的请示', '<p>妥否，请批示。</p>').titleMatters).toBe(2);
    expect(
      requestMatters('关于有关事项的请示', '<h1>一、关于增加编制</h1><p>拟增加编制5名，请予批准。</p><h1>二、关于调整预算</h1><p>拟追加预算，请审批。</p><p>以上请示当否，请批复。</p>'),
    ).toEqual({ titleMatters: 1, requestParagraphs: 2 });
  });
});

describeEachDialect('documents: 行文规则', (database) => {
  let h: DocumentsHarness;
  let ulhClerk: string;
  let eduClerk: string;
  let xshClerk: string;
  const body = '<p>现将有关情况报告如下。</p><p>妥否，请批示。</p>';
  const draft = async (cookie: string, doc: Record<string, unknown>) => h.call(cookie, 'POST', '/api/v1/documents', doc);

  beforeAll(async () => {
    h = await documentsHarness(database());
    ulhClerk = await h.as('ulh.clerk');
    xshClerk = await h.as('xsh.clerk');
    eduClerk = await h.user('ulh.edu.clerk', refs.ulhEducation, 'clerk');
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  const request = async (extra: Record<string, unknown>) => ({
    orgId: await h.org(refs.ulhGov),
    kind: 'request',
    title: '乌兰浩特市人民政府关于修缮第一中学教学楼的请示',
    mainRecipientIds: [await h.org(refs.xsh)],
    bodyHtml: body,
    ...extra,
  });

  it('takes a 请示 to the superior as a 上行文 with one 主送', async () => {
    const ok = await draft(ulhClerk, await request({}));
    expect([ok.status, ok.body.direction]).toEqual([201, 'up']);
    const two = await draft(ulhClerk, await request({ mainRecipientIds: [await h.org(refs.xsh), await h.org(refs.leagueCommittee)] }));
    expect([two.status, two.code]).toEqual([422, 'documents.upward_single_main']);
    expect(two.body.error.message).toContain('中共兴安盟委员会');
  });

  it('never copies a 上行文 to a subordinate', async () => {
    const answer = await draft(ulhClerk, await request({ copyRecipientIds: [await h.org(refs.ulhSubdistrict)] }));
    expect([answer.code, answer.body.error.message]).toEqual(['documents.upward_copy_subordinate', '上行文不得抄送下级机关：爱国街道']);
  });

  it('refuses a kind in a direction it cannot take, pointing a 请示 between unrelated bodies to 函', async () => {
    const sideways = await draft(ulhClerk, await request({ mainRecipientIds: [await h.org(refs.arxanGov)] }));
    expect(sideways.code).toBe('documents.kind_direction');
    expect(sideways.body.error.message).toContain('应使用函');
    const replyUp = await draft(ulhClerk, await request({ kind: 'reply', title: '关于同意的批复' }));
    expect(replyUp.code).toBe('documents.kind_direction');
    const letter = await draft(ulhClerk, await request({ kind: 'letter', title: '关于商请支持的函', mainRecipientIds: [await h.org(refs.arxanGov)], bodyHtml: '<p>请予支持。</p>' }));
    expect([letter.status, letter.body.direction]).toEqual([201, 'parallel']);
  });

  it('keeps a 请示 to one matter and a 报告 free of requests', async () => {
    const titled = await draft(ulhClerk, await request({ title: '关于增加编制和关于调整预算的请示' }));
    expect(titled.code).toBe('documents.request_several_matters');
    const numbered = await draft(
      ulhClerk,
      await request({ bodyHtml: '<h1>一、关于增加编制</h1><p>拟增加编制5名，请予批准。</p><h1>二、关于调整预算</h1><p>拟追加预算，请审批。</p>' }),
    );
    expect([numbered.code, numbered.body.error.message]).toEqual([
      'documents.request_several_matters',
      '请示应当一文一事：正文有 2 处请求批准的事项，请分别行文',
    ]);
    const report = await draft(ulhClerk, await request({ kind: 'report', title: '关于春耕生产情况的报告', bodyHtml: '<p>进展顺利。</p><p>另拟增加经费，请予批准。</p>' }));
    expect(report.code).toBe('documents.report_contains_request');
  });

  it('refuses skipping a level upward unless the skipped organisation gets a copy', async () => {
    const skip = await request({ orgId: await h.org(refs.ulhEducation), title: '乌兰浩特市教育局关于修缮教学楼的请示' });
    const refused = await draft(eduClerk, skip);
    expect(refused.code).toBe('documents.skipped_level');
    expect(refused.body.error.message).toContain('乌兰浩特市人民政府');
    const copied = await draft(eduClerk, { ...skip, copyRecipientIds: [await h.org(refs.ulhGov)] });
    expect(copied.status).toBe(201);
    // To its own superior (the city government) it skips nothing.
    const direct = await draft(eduClerk, { ...skip, mainRecipientIds: [await h.org(refs.ulhGov)] });
    expect(direct.status).toBe(201);
  });

  it('refuses skipping levels downward unless each skipped level gets a copy', async () => {
    const notice = {
      orgId: await h.org(refs.xsh),
      kind: 'notice',
      title: '兴安盟行政公署关于社区换届工作的通知',
      mainRecipientIds: [await h.org(refs.ulhCommunity)],
      bodyHtml: '<p>各有关单位：</p>',
    };
    const refused = await draft(xshClerk, notice);
    expect(refused.code).toBe('documents.skipped_level');
    expect(refused.body.error.message).toMatch(/乌兰浩特市.*爱国街道/);
    const partly = await draft(xshClerk, { ...notice, copyRecipientIds: [await h.org(refs.ulhGov)] });
    expect(partly.code).toBe('documents.skipped_level');
    const copied = await draft(xshClerk, { ...notice, copyRecipientIds: [await h.org(refs.ulhGov), await h.org(refs.ulhSubdistrict)] });
    expect(copied.status).toBe(201);
  });

  it('wants the 签发人 of a 上行文 at sign-off', async () => {
    const graph = new OrgGraph(createOrgService({ db: database().db, clock: systemClock }));
    const input = {
      kind: 'request' as const,
      title: '关于修缮教学楼的请示',
      bodyHtml: body,
      issuerId: await h.org(refs.ulhGov),
      mainIds: [await h.org(refs.xsh)],
      copyIds: [],
    };
    expect((await checkRules(graph, { ...input, stage: 'sign_off', signers: [] })).map((p) => p.code)).toEqual(['documents.upward_signer_missing']);
    expect(await checkRules(graph, { ...input, stage: 'sign_off', signers: ['张市长'] })).toEqual([]);
    expect(await checkRules(graph, { ...input, mainIds: [], stage: 'submit' })).toEqual([
      { code: 'documents.no_main_recipient', message: '请示须有主送机关' },
    ]);
  });

  it('reads a county department and the league’s department of the same line as 业务 superior and subordinate', async () => {
    const graph = new OrgGraph(createOrgService({ db: database().db, clock: systemClock }));
    expect(await graph.direction(await h.org(refs.ulhEducation), await h.org(refs.leagueEducation))).toBe('up');
    expect(await graph.direction(await h.org(refs.leagueEducation), await h.org(refs.ulhEducation))).toBe('down');
    expect(await graph.direction(await h.org(refs.fgw), await h.org(refs.leagueEducation))).toBe('parallel');
    expect(await graph.direction(await h.org(refs.fgw), await h.org(refs.xsh))).toBe('up');
  });
});
