import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { receivingFixture } from '../receiving.testing.js';

type Fixture = Awaited<ReturnType<typeof receivingFixture>>;

describeEachDialect('收文: inbox and every step through the API', (database) => {
  const clock = new FixedClock('2026-11-02T02:00:00.000Z'); // Monday 10:00 in Shanghai
  let fx: Fixture;

  beforeAll(async () => {
    fx = await receivingFixture(database(), clock);
  }, 60_000);

  it('takes a delivered document from 待签收 to 办结, with a receipt for the sender at each turn', async () => {
    const { call, cookies, ids } = fx;
    const doc = await fx.issue({ from: 'fgw', to: ['xsh', 'jyj'], title: '关于报送年度工作总结的函', urgency: 'urgent' });
    const id = doc.deliveries.xsh!;

    const inbox = await call(cookies.clerk, 'GET', `/documents/inbox?orgId=${ids.xsh}`);
    expect(inbox.status).toBe(200);
    const line = inbox.json.items.find((i: { id: string }) => i.id === id);
    expect(line).toMatchObject({ step: 'pending', title: '关于报送年度工作总结的函', senderName: '兴安盟发展和改革委员会', urgency: 'urgent', recipientRole: 'main', actions: ['read', 'sign'] });
    expect(inbox.json.counts.pending).toBeGreaterThanOrEqual(1);
    expect(inbox.json.actions).toEqual(['read', 'readAll', 'registerPaper']);

    const signed = await call(cookies.clerk, 'POST', `/documents/incoming/${id}/sign`);
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({ id, step: 'signed', signedByName: '王文秘', documentId: doc.documentId, hasFile: true });
    const receipts = await call(cookies.fgw, 'GET', `/documents/${doc.documentId}/receipts`);
    expect(receipts.json.items.map((r: { org: { orgId: string }; status: string }) => [r.org.orgId, r.status])).toEqual([
      [ids.xsh, 'signed'],
      [ids.jyj, 'delivered'],
    ]);
    expect(receipts.json.items[0].receipts[0]).toMatchObject({ kind: 'signed', actorName: '王文秘', at: '2026-11-02T02:00:00.000Z' });

    const registered = await call(cookies.clerk, 'POST', `/documents/incoming/${id}/register`);
    expect(registered.json.receiptNumber).toMatch(/^收〔2026〕\d+号$/);
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/review`, { decision: 'accept', opinion: '符合收文要求' })).json.step).toBe('reviewed');
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/propose`, { opinion: '拟请发改委牵头，教育局协办' })).json.proposal).toBe('拟请发改委牵头，教育局协办');

    const instructed = await call(cookies.leader, 'POST', `/documents/incoming/${id}/instruct`, {
      instruction: '请发改委牵头办理，教育局配合，按期报送。',
      leadOrgId: ids.fgw,
      coOrgIds: [ids.jyj],
      workingDays: 5,
    });
    expect(instructed.status).toBe(200);
    expect(instructed.json).toMatchObject({ step: 'instructed', deadline: '2026-11-09', leadUnit: { orgId: ids.fgw, name: '兴安盟发展和改革委员会' }, coUnits: [{ orgId: ids.jyj }], instructedByName: '李盟长' });

    // The lead unit sees the item in its own inbox, marked as assigned to it.
    const fgwInbox = await call(cookies.fgw, 'GET', `/documents/inbox?orgId=${ids.fgw}&view=instructed`);
    expect(fgwInbox.json.items.find((i: { id: string }) => i.id === id)).toMatchObject({ assignedAs: 'lead', actions: ['read', 'handle', 'complete'] });

    expect((await call(cookies.fgw, 'POST', `/documents/incoming/${id}/handle`, { opinion: '已起草答复，正在会签' })).json.step).toBe('handling');

    const readers = await call(cookies.clerk, 'GET', `/documents/incoming/${id}/readers`);
    const leader = readers.json.items.find((r: { displayName: string }) => r.displayName === '李盟长');
    expect(leader.roles).toContain('leader');
    const circulated = await call(cookies.clerk, 'POST', `/documents/incoming/${id}/circulate`, { userIds: [leader.id] });
    expect(circulated.json.circulation).toMatchObject([{ userName: '李盟长', sentByName: '王文秘', readAt: null }]);
    const reading = await call(cookies.leader, 'GET', '/documents/reading?unread=true');
    expect(reading.json.items.find((i: { id: string }) => i.id === id)).toMatchObject({ readAt: null, actions: expect.arrayContaining(['read', 'markRead']) });
    clock.advance(5 * 60_000); // within the session idle timeout
    const read = await call(cookies.leader, 'POST', `/documents/incoming/${id}/read`, { comment: '已阅，同意。' });
    expect(read.json.circulation[0]).toMatchObject({ readAt: '2026-11-02T02:05:00.000Z', comment: '已阅，同意。' });

    const replyId = await fx.reply('xsh', id);
    const completed = await call(cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '已按要求报送，详见复函。' });
    expect(completed.json).toMatchObject({ step: 'completed', result: '已按要求报送，详见复函。', replyDocument: { id: replyId }, completedByName: '赵文秘' });
    expect(completed.json.events.map((e: { action: string }) => e.action)).toEqual(['sign', 'register', 'review', 'propose', 'instruct', 'handle', 'circulate', 'read', 'complete']);
    expect(completed.json.events.find((e: { action: string }) => e.action === 'instruct')).toMatchObject({ actorName: '李盟长', opinion: '请发改委牵头办理，教育局配合，按期报送。', details: { deadline: '2026-11-09', workingDays: 5 } });

    const after = await call(cookies.fgw, 'GET', `/documents/${doc.documentId}/receipts`);
    expect(after.json.items[0]).toMatchObject({ status: 'completed' });
    expect(after.json.items[0].receipts.map((r: { kind: string }) => r.kind)).toEqual(['signed', 'completed']);
    expect(after.json.items[0].receipts[1].replyDocumentId).toBe(replyId);
  });

  it('lists an item in a 协办 unit’s to-do while it is being handled, and under 已办结 once it is done', async () => {
    const { call, cookies, ids } = fx;
    const doc = await fx.issue({ from: 'ulh', to: ['xsh'], title: '关于协同推进数据共享的函' });
    const id = doc.deliveries.xsh!;
    await fx.throughInstruction(id, { instruction: '请教育局牵头，发改委协办。', leadOrgId: ids.jyj, coOrgIds: [ids.fgw], workingDays: 5 });
    const line = (view: string) => call(cookies.fgw, 'GET', `/documents/inbox?orgId=${ids.fgw}&view=${view}`);

    const todo = await line('todo');
    expect(todo.json.items.find((i: { id: string }) => i.id === id)).toMatchObject({ step: 'instructed', assignedAs: 'co', title: '关于协同推进数据共享的函' });
    const before = todo.json.counts.instructed as number;
    expect(before).toBeGreaterThanOrEqual(1);

    // 办结 by the receiving clerks: the item leaves the co-unit's to-do and its counts at once.
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/complete`, { result: '已会同办结。' })).status).toBe(200);
    const after = await line('todo');
    expect(after.json.items.some((i: { id: string }) => i.id === id)).toBe(false);
    expect(after.json.counts.instructed ?? 0).toBe(before - 1);
    expect((await line('completed')).json.items.find((i: { id: string }) => i.id === id)).toMatchObject({ step: 'completed', assignedAs: 'co' });
  });

  it('refuses a step that is not yours, a step done twice, and another county’s inbox, each with a clear code and nothing written', async () => {
    const { call, cookies, ids } = fx;
    const doc = await fx.issue({ from: 'fgw', to: ['xsh'] });
    const id = doc.deliveries.xsh!;

    expect((await call(cookies.leader, 'POST', `/documents/incoming/${id}/sign`)).json.error.code).toBe('documents.incoming_not_your_step');
    const foreign = await call(cookies.ulh, 'GET', `/documents/incoming/${id}`);
    expect([foreign.status, foreign.json.error.code]).toEqual([404, 'documents.incoming_not_found']);
    expect((await call(cookies.ulh, 'POST', `/documents/incoming/${id}/sign`)).json.error.code).toBe('documents.incoming_not_found');
    expect((await call(cookies.ulh, 'GET', `/documents/inbox?orgId=${ids.xsh}`)).json.error.code).toBe('documents.inbox_not_found');
    expect((await call(cookies.clerk, 'GET', '/documents/incoming/nope')).status).toBe(404);

    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/register`)).json.error.code).toBe('documents.incoming_step_not_current');
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/sign`)).status).toBe(200);
    const twice = await call(cookies.clerk, 'POST', `/documents/incoming/${id}/sign`);
    expect([twice.status, twice.json.error.code]).toEqual([409, 'documents.incoming_already_signed']);
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/register`)).status).toBe(200);
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/register`)).json.error.code).toBe('documents.incoming_already_registered');
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/complete`, { result: '完' })).json.error.code).toBe('documents.incoming_step_not_current');
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/review`, { decision: 'return' })).status).toBe(400);
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/review`, { decision: 'accept' })).status).toBe(200);
    // The clerk may not instruct; the leader may not instruct a unit of another county, nor a lead unit without a deadline.
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/instruct`, { instruction: '办' })).json.error.code).toBe('documents.incoming_not_your_step');
    const outside = await call(cookies.leader, 'POST', `/documents/incoming/${id}/instruct`, { instruction: '办', leadOrgId: ids.ulh, workingDays: 3 });
    expect([outside.status, outside.json.error.code]).toEqual([422, 'documents.incoming_unit_invalid']);
    const twiceUnit = await call(cookies.leader, 'POST', `/documents/incoming/${id}/instruct`, { instruction: '办', leadOrgId: ids.fgw, coOrgIds: [ids.fgw], workingDays: 3 });
    expect(twiceUnit.json.error.code).toBe('documents.incoming_unit_invalid');
    const noDeadline = await call(cookies.leader, 'POST', `/documents/incoming/${id}/instruct`, { instruction: '办', leadOrgId: ids.fgw });
    expect([noDeadline.status, noDeadline.json.error.fields[0].path]).toEqual([400, 'workingDays']);
    expect((await call(cookies.leader, 'POST', `/documents/incoming/${id}/instruct`, { instruction: '办', leadOrgId: ids.fgw, workingDays: 99 })).status).toBe(400);
    const detail = await call(cookies.clerk, 'GET', `/documents/incoming/${id}`);
    expect(detail.json).toMatchObject({ step: 'reviewed', leadUnit: null, deadline: null });
    expect(detail.json.events.map((e: { action: string }) => e.action)).toEqual(['sign', 'register', 'review']);

    expect((await call(cookies.leader, 'POST', `/documents/incoming/${id}/instruct`, { instruction: '请发改委办理', leadOrgId: ids.fgw, workingDays: 3 })).status).toBe(200);
    expect((await call(cookies.ulh, 'POST', `/documents/incoming/${id}/handle`, { opinion: 'x' })).status).toBe(404);
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/circulate`, { userIds: ['nobody'] })).json.error.code).toBe('documents.incoming_reader_invalid');
    expect((await call(cookies.clerk, 'POST', `/documents/incoming/${id}/read`, {})).json.error.code).toBe('documents.incoming_not_circulated_to_you');
    const notReply = await fx.reply('xsh', id, false);
    expect((await call(cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '完', replyDocumentId: notReply })).json.error.code).toBe('documents.incoming_reply_invalid');
    expect((await call(cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '完', replyDocumentId: doc.documentId })).json.error.code).toBe('documents.incoming_reply_invalid');
    expect((await call(cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '已办结' })).json).toMatchObject({ step: 'completed', replyDocument: null });
    expect((await call(cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '再办结' })).json.error.code).toBe('documents.incoming_step_not_current');
  });

  it('returns a document at 初审 with the reason, which the sender reads in the receipts', async () => {
    const { call, cookies } = fx;
    const doc = await fx.issue({ from: 'fgw', to: ['xsh'] });
    const id = doc.deliveries.xsh!;
    await call(cookies.clerk, 'POST', `/documents/incoming/${id}/sign`);
    await call(cookies.clerk, 'POST', `/documents/incoming/${id}/register`);
    const returned = await call(cookies.clerk, 'POST', `/documents/incoming/${id}/review`, { decision: 'return', reason: '请示事项应一文一事，请分开报送' });
    expect(returned.json).toMatchObject({ step: 'returned', returnReason: '请示事项应一文一事，请分开报送', actions: ['read'] });
    const receipts = await call(cookies.fgw, 'GET', `/documents/${doc.documentId}/receipts`);
    expect(receipts.json.items[0]).toMatchObject({ status: 'returned' });
    expect(receipts.json.items[0].receipts[1]).toMatchObject({ kind: 'returned', reason: '请示事项应一文一事，请分开报送', actorName: '王文秘' });
    expect((await call(cookies.clerk, 'GET', `/documents/${doc.documentId}/receipts`)).json.error.code).toBe('documents.not_found');
  });

  it('gives consecutive 收文编号 without duplicates when many are registered at once, and signs each delivery once', async () => {
    const { call, cookies } = fx;
    const docs = await Promise.all(Array.from({ length: 8 }, () => fx.issue({ from: 'jyj', to: ['xsh'] })));
    const itemIds = docs.map((d) => d.deliveries.xsh!);
    // Everyone signs the first item at once: exactly one succeeds.
    const racing = await Promise.all(Array.from({ length: 5 }, () => call(cookies.clerk, 'POST', `/documents/incoming/${itemIds[0]}/sign`)));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    await Promise.all(itemIds.slice(1).map((id) => call(cookies.clerk, 'POST', `/documents/incoming/${id}/sign`)));
    const before = (await call(cookies.clerk, 'GET', `/documents/inbox?orgId=${fx.ids.xsh}&view=all&pageSize=200`)).json.items.filter((i: { receiptNumber: string | null }) => i.receiptNumber).length;
    const registered = await Promise.all(itemIds.map((id) => call(cookies.clerk, 'POST', `/documents/incoming/${id}/register`)));
    expect(registered.map((r) => r.status)).toEqual(itemIds.map(() => 200));
    const serials = registered.map((r) => Number(/〕(\d+)号/.exec(r.json.receiptNumber)![1])).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: 8 }, (_, i) => before + i + 1));
    // Registering again in parallel changes nothing.
    const again = await Promise.all(itemIds.map((id) => call(cookies.clerk, 'POST', `/documents/incoming/${id}/register`)));
    expect(new Set(again.map((r) => r.json.error.code))).toEqual(new Set(['documents.incoming_already_registered']));
  });
});

describe('收文 list views', () => {
  it('has one view per step plus todo, overdue and all', async () => {
    const { inboxViews } = await import('../../../../shared/documents-receiving.js');
    expect(inboxViews).toEqual(['todo', 'overdue', 'all', 'pending', 'signed', 'registered', 'reviewed', 'proposed', 'instructed', 'handling', 'completed', 'returned']);
  });
});
