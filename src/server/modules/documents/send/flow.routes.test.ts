import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, testConfig } from '../../../../../test/support/app.js';
import { createAppContext } from '../../../context.js';
import { JobWorker } from '../../../platform/jobs/index.js';
import { sendJobs } from './index.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { documentsHarness, refs, type DocumentsHarness, type Json } from './send.testing.js';

describeEachDialect('documents: the sending workflow', (database) => {
  let h: DocumentsHarness;
  let clerk: string;
  let leader: string;
  let committeeLeader: string;
  const post = (cookie: string, id: string, action: string, body: unknown = {}) => h.call(cookie, 'POST', `/api/v1/documents/${id}/${action}`, body);

  beforeAll(async () => {
    h = await documentsHarness(database());
    clerk = await h.as('xsh.clerk');
    leader = await h.as('xsh.leader');
    committeeLeader = await h.user('mw.leader', refs.leagueCommittee, 'leader');
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  const create = async (extra: Record<string, unknown> = {}) => {
    const answer = await h.call(clerk, 'POST', '/api/v1/documents', {
      orgId: await h.org(refs.xsh),
      kind: 'notice',
      title: '兴安盟行政公署关于做好冬季供暖工作的通知',
      mainRecipientIds: [await h.org(refs.ulhGov)],
      bodyHtml: '<p>各旗县市人民政府：</p><p>确保群众温暖过冬。</p>',
      ...extra,
    });
    expect(answer.status).toBe(201);
    return answer.body as Json;
  };

  describe('one document from 拟稿 to 编号登记', () => {
    let id: string;

    it('keeps every saved body as a version and diffs them word by word', async () => {
      id = (await create()).id;
      const edited = await h.call(clerk, 'PATCH', `/api/v1/documents/${id}`, {
        title: '兴安盟行政公署关于切实做好今冬供暖保障工作的通知',
        bodyHtml: '<p>各旗县市人民政府：</p><p>切实确保群众温暖过冬。</p>',
      });
      expect(edited.body).toMatchObject({ bodyVersion: 2, revision: 1 });
      const unchanged = await h.call(clerk, 'PATCH', `/api/v1/documents/${id}`, { urgency: 'urgent' });
      expect(unchanged.body).toMatchObject({ bodyVersion: 2, urgency: 'urgent' });
      const versions = await h.call(clerk, 'GET', `/api/v1/documents/${id}/versions`);
      expect(versions.body.map((v: Json) => [v.number, v.step, v.createdByName])).toEqual([
        [1, 'draft', '王文秘'],
        [2, 'draft', '王文秘'],
      ]);
      const diff = await h.call(clerk, 'GET', `/api/v1/documents/${id}/diff?from=1&to=2`);
      expect(diff.body.body).toEqual([
        { op: 'equal', text: '各旗县市人民政府：\n' },
        { op: 'insert', text: '切实' },
        { op: 'equal', text: '确保群众温暖过冬。' },
      ]);
      expect(diff.body).toMatchObject({ inserted: 2, deleted: 0 });
      expect(diff.body.title.filter((p: Json) => p.op !== 'equal').map((p: Json) => `${p.op}:${p.text}`)).toEqual(['insert:切实', 'delete:冬季', 'insert:今冬', 'insert:保障']);
      const stale = await h.call(clerk, 'PATCH', `/api/v1/documents/${id}`, { title: '旧稿', revision: 0 });
      expect([stale.status, stale.code]).toEqual([409, 'documents.changed_concurrently']);
    });

    it('moves through 核稿 and 审核 only at the hands of whoever each step waits for', async () => {
      const submitted = await post(clerk, id, 'submit');
      expect(submitted.body).toMatchObject({ status: 'reviewing', currentStep: 'department_review' });
      expect(submitted.body.openTasks).toEqual([expect.objectContaining({ step: 'department_review', role: 'leader', dueOn: '2026-12-01', overdue: false })]);
      expect(submitted.body.actions).not.toContain('approve');
      const notMine = await post(clerk, id, 'approve', { opinion: '同意' });
      expect([notMine.status, notMine.code]).toEqual([403, 'documents.not_your_step']);
      const outsider = await post(await h.as('fgw.clerk'), id, 'approve');
      expect([outsider.status, outsider.code]).toEqual([404, 'documents.not_found']);
      const reviewed = await post(leader, id, 'approve', { opinion: '文字再精炼' });
      expect(reviewed.body).toMatchObject({ currentStep: 'office_review' });
      const again = await post(leader, id, 'approve');
      expect(again.code).toBe('documents.not_your_step');
      const audited = await post(clerk, id, 'approve', { opinion: '已审核' });
      expect(audited.body).toMatchObject({ currentStep: 'sign_off', status: 'reviewing' });
    });

    it('lets the signer revise, records the 签发人 and 成文日期, and refuses a second sign-off', async () => {
      const revised = await h.call(leader, 'PATCH', `/api/v1/documents/${id}`, { bodyHtml: '<p>各旗县市人民政府：</p><p>切实确保全盟群众温暖过冬。</p>' });
      expect(revised.body.bodyVersion).toBe(3);
      const notLeader = await post(clerk, id, 'sign-off');
      expect(notLeader.code).toBe('documents.not_your_step');
      const signed = await post(leader, id, 'sign-off', { opinion: '同意印发' });
      expect(signed.body).toMatchObject({ status: 'signed', currentStep: 'recheck', signerName: '李盟长', documentDate: '2026-11-27' });
      const twice = await post(leader, id, 'sign-off', { opinion: '同意' });
      expect([twice.status, twice.code]).toEqual([409, 'documents.already_signed_off']);
      const frozen = await h.call(clerk, 'PATCH', `/api/v1/documents/${id}`, { title: '改标题' });
      expect([frozen.status, frozen.code]).toEqual([409, 'documents.not_editable']);
    });

    it('numbers the document at 登记 and refuses registering twice', async () => {
      expect((await post(clerk, id, 'approve')).body.currentStep).toBe('register');
      const registered = await post(clerk, id, 'register');
      expect(registered.body).toMatchObject({ docNumber: '兴署发〔2026〕1号', currentStep: 'seal' });
      const twice = await post(clerk, id, 'register');
      expect([twice.status, twice.code]).toEqual([409, 'documents.already_registered']);
      const notYet = await post(clerk, id, 'issue');
      expect(notYet.code).toBe('documents.step_not_current');
    });

    it('returns to an earlier step with a reason, withdrawing the sign-off but keeping the number', async () => {
      // The document offers exactly the earlier steps of its flow (no 会签: it has no co-issuer); a reader who may not return gets none.
      expect((await h.call(clerk, 'GET', `/api/v1/documents/${id}`)).body.returnTargets).toEqual(['draft', 'department_review', 'office_review', 'sign_off', 'recheck', 'register']);
      expect((await h.call(leader, 'GET', `/api/v1/documents/${id}`)).body.returnTargets).toEqual([]);
      const invalid = await post(clerk, id, 'return', { toStep: 'issue', reason: '格式不对' });
      expect(invalid.code).toBe('documents.return_target_invalid');
      const noReason = await post(clerk, id, 'return', { toStep: 'draft', reason: '' });
      expect(noReason.status).toBe(400);
      const returned = await post(clerk, id, 'return', { toStep: 'draft', reason: '主送机关不全，请补充' });
      expect(returned.body).toMatchObject({ status: 'draft', currentStep: 'draft', signerName: null, documentDate: null, docNumber: '兴署发〔2026〕1号' });
      const flow = await h.call(clerk, 'GET', `/api/v1/documents/${id}/flow`);
      expect(flow.body.events.map((e: Json) => `${e.step}/${e.action}/${e.actorName}`)).toEqual([
        'draft/create/王文秘',
        'draft/submit/王文秘',
        'department_review/approve/李盟长',
        'office_review/approve/王文秘',
        'sign_off/sign_off/李盟长',
        'recheck/approve/王文秘',
        'register/register/王文秘',
        'seal/return/王文秘',
      ]);
      expect(flow.body.events.at(-1)).toMatchObject({ opinion: '主送机关不全，请补充', toStep: 'draft' });
      expect(flow.body.events[4].opinion).toBe('同意印发');
    });

    it('audits every write and each refusal of a step that is not the actor’s', async () => {
      const auditor = await h.as('auditor');
      const events = async (action: string) =>
        (await h.call(auditor, 'GET', `/api/v1/audit/events?action=${action}&limit=200`)).body.events as Json[];
      for (const action of ['documents.create', 'documents.update', 'documents.submit', 'documents.approve', 'documents.sign_off', 'documents.register', 'documents.return']) {
        expect((await events(action)).length, action).toBeGreaterThan(0);
      }
      const denials = (await events('auth.denied')).filter((e) => e.details.permission === 'documents.not_your_step');
      expect(denials.length).toBeGreaterThanOrEqual(3);
    });
  });

  describe('a joint document', () => {
    it('waits at 会签 for every co-issuer, once each', async () => {
      const doc = await create({ coIssuerIds: [await h.org(refs.leagueCommittee)], title: '中共兴安盟委员会 兴安盟行政公署关于加强基层治理的通知' });
      await post(clerk, doc.id, 'submit');
      await post(leader, doc.id, 'approve');
      const atCountersign = await post(clerk, doc.id, 'approve');
      expect(atCountersign.body).toMatchObject({ currentStep: 'countersign', openTasks: [expect.objectContaining({ orgName: '中共兴安盟委员会', role: 'leader' })] });
      const lead = await post(leader, doc.id, 'countersign');
      expect(lead.code).toBe('documents.not_your_step');
      const seen = await h.call(committeeLeader, 'GET', `/api/v1/documents/${doc.id}`);
      expect(seen.body.actions).toContain('countersign');
      const signed = await post(committeeLeader, doc.id, 'countersign', { opinion: '同意联合发文' });
      expect(signed.body).toMatchObject({ currentStep: 'sign_off' });
      const twice = await post(committeeLeader, doc.id, 'countersign');
      expect([twice.status, twice.code]).toEqual([409, 'documents.already_countersigned']);
    });
  });

  describe('the to-do list', () => {
    it('lists what waits for the user with counts per step and overdue marks', async () => {
      const before = await h.call(leader, 'GET', '/api/v1/documents/todo');
      const doc = await create({ title: '兴安盟行政公署关于待办测试的通知' });
      await post(clerk, doc.id, 'submit');
      const todo = await h.call(leader, 'GET', '/api/v1/documents/todo');
      expect(todo.body.total).toBe(before.body.total + 1);
      expect(todo.body.items).toContainEqual(
        expect.objectContaining({ step: 'department_review', dueOn: '2026-12-01', overdue: false, document: expect.objectContaining({ id: doc.id }) }),
      );
      expect(todo.body.counts).toContainEqual(expect.objectContaining({ step: 'department_review', label: '部门核稿' }));
      const drafts = await h.call(clerk, 'GET', '/api/v1/documents/todo?step=draft');
      expect(drafts.body.items.every((i: Json) => i.step === 'draft')).toBe(true);
      h.clock.set('2026-12-02T02:00:00Z');
      try {
        // A fresh session: the earlier ones would have expired by then.
        const late = await h.call(await signIn(h.app, 'xsh.leader'), 'GET', '/api/v1/documents/todo?step=department_review');
        expect(late.body.items.find((i: Json) => i.document.id === doc.id)).toMatchObject({ overdue: true });
        expect(late.body.overdue).toBeGreaterThanOrEqual(1);
      } finally {
        h.clock.set('2026-11-27T02:00:00Z');
      }
      const other = await h.call(await h.as('ulh.clerk'), 'GET', '/api/v1/documents/todo');
      expect(other.body.items.map((i: Json) => i.document.id)).not.toContain(doc.id);
    });
  });

  describe('reminders', () => {
    it('reminds on the morning of the deadline and again when it has passed, while the step stays open', async () => {
      const doc = await create({ title: '兴安盟行政公署关于催办测试的通知' });
      await post(clerk, doc.id, 'submit');
      const ctx = createAppContext({ config: testConfig(), database: database(), clock: h.clock });
      const worker = new JobWorker({ db: database().db, clock: h.clock });
      for (const [queue, handler] of Object.entries(sendJobs(ctx))) worker.register(queue, handler);
      // Read from the table: sessions would expire while the clock runs days ahead.
      const reminders = async () =>
        Number(
          (await database().db.selectFrom('document_tasks').select('reminders').where('document_id', '=', doc.id).where('status', '=', 'open').executeTakeFirstOrThrow())
            .reminders,
        );
      try {
        h.clock.set('2026-11-30T02:00:00Z');
        await worker.tick();
        expect(await reminders()).toBe(0);
        h.clock.set('2026-12-01T01:00:00Z');
        while ((await worker.tick()) > 0);
        expect(await reminders()).toBe(1);
        h.clock.set('2026-12-02T01:00:00Z');
        while ((await worker.tick()) > 0);
        expect(await reminders()).toBe(2);
      } finally {
        h.clock.set('2026-11-27T02:00:00Z');
      }
      expect((await h.call(leader, 'GET', '/api/v1/documents/todo?step=department_review')).body.items.find((i: Json) => i.document.id === doc.id).reminders).toBe(2);
      await post(leader, doc.id, 'approve');
      h.clock.set('2026-12-10T01:00:00Z');
      try {
        while ((await worker.tick()) > 0);
      } finally {
        h.clock.set('2026-11-27T02:00:00Z');
      }
      const auditor = await h.as('auditor');
      const events = (await h.call(auditor, 'GET', '/api/v1/audit/events?action=documents.remind&limit=100')).body.events as Json[];
      // Two reminders of 核稿 while it was open, none after it was done; the 审核 that followed is late too.
      const mine = events.filter((e) => e.object?.id === doc.id);
      expect(mine.filter((e) => e.details.step === 'department_review').map((e) => e.details.kind).sort()).toEqual(['due_soon', 'overdue']);
      expect(mine.filter((e) => e.details.step === 'office_review').map((e) => e.details.kind).sort()).toEqual(['due_soon', 'overdue']);
    });
  });

  describe('workflow settings', () => {
    it('lets the organisation’s leader switch optional steps off, never the required ones', async () => {
      const xsh = await h.org(refs.xsh);
      const view = await h.call(clerk, 'GET', `/api/v1/documents/workflows/${xsh}`);
      expect(view.body.steps.map((s: Json) => s.step)).toEqual(['draft', 'department_review', 'office_review', 'countersign', 'sign_off', 'recheck', 'register', 'seal', 'issue']);
      expect(view.body.actions).toEqual(['read']);
      const byClerk = await h.call(clerk, 'PUT', `/api/v1/documents/workflows/${xsh}`, { steps: [] });
      expect(byClerk.status).toBe(400);
      const off = (step: string, role = 'clerk', actorScope = 'issuer_office') => ({ step, enabled: false, role, actorScope, deadlineDays: 1 });
      const required = await h.call(leader, 'PUT', `/api/v1/documents/workflows/${xsh}`, { steps: [off('sign_off', 'leader', 'issuer')] });
      expect([required.code, required.body.error.message]).toEqual(['documents.workflow_invalid', '“领导签发”是必经环节，不能关闭']);
      const changed = await h.call(leader, 'PUT', `/api/v1/documents/workflows/${xsh}`, {
        steps: [off('department_review', 'leader', 'drafting_unit'), off('recheck'), { step: 'sign_off', enabled: true, role: 'leader', actorScope: 'issuer', deadlineDays: 5 }],
      });
      expect(changed.body.steps.filter((s: Json) => !s.enabled).map((s: Json) => s.step)).toEqual(['department_review', 'recheck']);
      const doc = await create({ title: '兴安盟行政公署关于精简流程的通知' });
      expect((await post(clerk, doc.id, 'submit')).body.currentStep).toBe('office_review');
      const signing = await post(clerk, doc.id, 'approve');
      expect(signing.body.openTasks).toEqual([expect.objectContaining({ step: 'sign_off', dueOn: '2026-12-04' })]);
      expect((await post(leader, doc.id, 'sign-off')).body.currentStep).toBe('register');
      await h.call(leader, 'PUT', `/api/v1/documents/workflows/${xsh}`, {
        steps: ['department_review', 'recheck'].map((step) => ({ ...off(step, step === 'recheck' ? 'clerk' : 'leader', step === 'recheck' ? 'issuer_office' : 'drafting_unit'), enabled: true, deadlineDays: step === 'recheck' ? 1 : 2 })),
      });
      expect((await h.call(clerk, 'GET', `/api/v1/documents/workflows/${xsh}`)).body.steps.every((s: Json) => s.enabled)).toBe(true);
    });
  });

  describe('cancelling', () => {
    it('cancels a document not yet issued, after which nothing can be done to it', async () => {
      const doc = await create({ title: '兴安盟行政公署关于撤销测试的通知' });
      const byLeader = await post(leader, doc.id, 'cancel', { reason: '不需要了' });
      expect(byLeader.status).toBe(403);
      const cancelled = await post(clerk, doc.id, 'cancel', { reason: '重复发文' });
      expect(cancelled.body).toMatchObject({ status: 'cancelled', currentStep: null, openTasks: [] });
      expect((await post(clerk, doc.id, 'submit')).code).toBe('documents.cancelled');
      expect((await h.call(clerk, 'PATCH', `/api/v1/documents/${doc.id}`, { title: '再改' })).code).toBe('documents.cancelled');
    });
  });
});
