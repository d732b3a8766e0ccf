import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { receivingFixture, testPdf } from '../receiving.testing.js';

type Fixture = Awaited<ReturnType<typeof receivingFixture>>;

describeEachDialect('收文: 催办, paper documents and statistics', (database) => {
  const clock = new FixedClock('2026-11-02T02:00:00.000Z'); // Monday 10:00 in Shanghai
  let fx: Fixture;

  beforeAll(async () => {
    fx = await receivingFixture(database(), clock);
  }, 60_000);

  /** Moves the clock and signs the demo users in again (their sessions would have idled out). */
  async function at(instant: string) {
    clock.set(instant);
    fx.cookies.clerk = await signIn(fx.app, 'xsh.clerk');
    fx.cookies.leader = await signIn(fx.app, 'xsh.leader');
    fx.cookies.fgw = await signIn(fx.app, 'fgw.clerk');
    fx.cookies.ulh = await signIn(fx.app, 'ulh.clerk');
  }

  it('reminds before, on and after the deadline (working days), once each, and lists the item as overdue', async () => {
    const { call, ids } = fx;
    const doc = await fx.issue({ from: 'jyj', to: ['xsh'], title: '关于开展安全生产检查的通知' });
    const id = doc.deliveries.xsh!;
    await fx.throughInstruction(id, { instruction: '请发改委三个工作日内办结', leadOrgId: ids.fgw, workingDays: 3 });
    const reminders = async () => (await call(fx.cookies.clerk, 'GET', `/documents/incoming/${id}`)).json.reminders.map((r: { kind: string; sequence: number }) => `${r.kind}#${r.sequence}`);

    expect(await fx.worker.tick()).toBe(0);
    await at('2026-11-03T01:00:00.000Z'); // two working days before 2026-11-05
    expect(await fx.worker.tick()).toBe(1);
    expect(await reminders()).toEqual(['before#1']);
    await at('2026-11-05T01:00:00.000Z');
    await fx.worker.tick();
    expect(await reminders()).toEqual(['before#1', 'due#1']);
    expect((await call(fx.cookies.clerk, 'GET', `/documents/inbox?orgId=${ids.xsh}&view=overdue`)).json.items).toEqual([]);

    // Friday 2026-11-06: overdue; the next overdue reminder waits three working days.
    await at('2026-11-06T01:00:00.000Z');
    await fx.worker.tick();
    expect(await fx.worker.tick()).toBe(0);
    expect(await reminders()).toEqual(['before#1', 'due#1', 'overdue#1']);
    const detail = (await call(fx.cookies.clerk, 'GET', `/documents/incoming/${id}`)).json;
    expect(detail).toMatchObject({ overdue: true, reminderCount: 3, deadline: '2026-11-05' });
    expect(detail.events.filter((e: { action: string }) => e.action === 'remind').map((e: { actorName: string }) => e.actorName)).toEqual(['系统', '系统', '系统']);

    const overdue = await call(fx.cookies.clerk, 'GET', `/documents/inbox?orgId=${ids.xsh}&view=overdue`);
    expect(overdue.json.items.map((i: { id: string; overdue: boolean }) => [i.id, i.overdue])).toEqual([[id, true]]);
    expect(overdue.json.counts.overdue).toBe(1);
    const unitInbox = await call(fx.cookies.fgw, 'GET', `/documents/inbox?orgId=${ids.fgw}`);
    expect(unitInbox.json.counts).toMatchObject({ instructed: 1, overdue: 1 });

    const board = await call(fx.cookies.clerk, 'GET', `/documents/inbox/supervision?orgId=${ids.xsh}`);
    expect(board.json.today).toBe('2026-11-06');
    expect(board.json.items[0]).toMatchObject({ id, workingDaysLeft: -1, reminderCount: 3, leadUnit: { orgId: ids.fgw }, overdue: true });
    const unitBoard = await call(fx.cookies.fgw, 'GET', `/documents/inbox/supervision?orgId=${ids.fgw}`);
    expect(unitBoard.json.items.map((i: { id: string; assignedAs: string }) => [i.id, i.assignedAs])).toEqual([[id, 'lead']]);
    expect((await call(fx.cookies.ulh, 'GET', `/documents/inbox/supervision?orgId=${ids.xsh}`)).json.error.code).toBe('documents.inbox_not_found');

    expect((await call(fx.cookies.leader, 'POST', `/documents/incoming/${id}/remind`, {})).json.error.code).toBe('documents.incoming_not_your_step');
    const manual = await call(fx.cookies.clerk, 'POST', `/documents/incoming/${id}/remind`, { message: '请今日下班前报送' });
    expect(manual.json.reminders.at(-1)).toMatchObject({ kind: 'manual', sequence: 1, message: '请今日下班前报送', byName: '王文秘' });

    // Once finished, the queued overdue reminder finds nothing to do.
    expect((await call(fx.cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '已完成检查并报送' })).json.step).toBe('completed');
    await at('2026-11-12T01:00:00.000Z');
    await fx.worker.tick();
    expect(await reminders()).toEqual(['before#1', 'due#1', 'overdue#1', 'manual#1']);
  });

  it('registers a paper document from its scan, which must be a real PDF or image of the uploader', async () => {
    const { call, ids } = fx;
    const upload = (cookie: string, body: Buffer, type = 'application/pdf', orgId = ids.xsh) =>
      fx.app.inject({ method: 'POST', url: `/api/v1/documents/incoming/scans?orgId=${orgId}&name=${encodeURIComponent('来文.pdf')}`, headers: { cookie, 'content-type': type }, payload: body });
    const pdf = await testPdf(['Letter', 'Annex']);

    const scan = await upload(fx.cookies.clerk, pdf);
    expect(scan.statusCode).toBe(201);
    expect(scan.json()).toMatchObject({ mediaType: 'application/pdf', pages: 2 });
    const fakePdf = await upload(fx.cookies.clerk, Buffer.from('这不是PDF，只是一段文字'));
    expect([fakePdf.statusCode, fakePdf.json().error.code]).toEqual([415, 'documents.scan_type_not_allowed']);
    const truncated = await upload(fx.cookies.clerk, pdf.subarray(0, 600));
    expect([truncated.statusCode, truncated.json().error.code]).toEqual([422, 'documents.incoming_scan_invalid']);
    expect((await upload(fx.cookies.clerk, Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload(fx.cookies.ulh, pdf)).json().error.code).toBe('documents.inbox_not_found');

    const body = {
      orgId: ids.xsh,
      scanFileId: scan.json().fileId,
      senderName: '内蒙古自治区人民政府办公厅',
      senderNumber: '内政办字〔2026〕88号',
      title: '关于做好冬季供暖保障工作的通知',
      documentDate: '2026-10-30',
      urgency: 'urgent',
    };
    expect((await call(fx.cookies.clerk, 'POST', '/documents/incoming/paper', { ...body, documentDate: '2099-01-01' })).json.error.code).toBe('documents.incoming_date_invalid');
    const paper = await call(fx.cookies.clerk, 'POST', '/documents/incoming/paper', body);
    expect(paper.status).toBe(201);
    expect(paper.json).toMatchObject({ source: 'paper', step: 'registered', senderName: '内蒙古自治区人民政府办公厅', senderNumber: '内政办字〔2026〕88号', pages: 2, hasFile: true, actions: expect.arrayContaining(['review', 'circulate']) });
    expect(paper.json.receiptNumber).toMatch(/^收〔2026〕\d+号$/);
    expect(paper.json.events.map((e: { action: string }) => e.action)).toEqual(['sign', 'register']);
    const download = await fx.app.inject({ url: `/api/v1/documents/incoming/${paper.json.id}/file`, headers: { cookie: fx.cookies.clerk } });
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    expect((await call(fx.cookies.clerk, 'POST', '/documents/incoming/paper', body)).json.error.code).toBe('documents.incoming_scan_invalid');
    const othersScan = await upload(fx.cookies.fgw, pdf, 'application/pdf', ids.fgw);
    expect((await call(fx.cookies.clerk, 'POST', '/documents/incoming/paper', { ...body, scanFileId: othersScan.json().fileId })).json.error.code).toBe('documents.incoming_scan_invalid');
    expect((await call(fx.cookies.leader, 'POST', '/documents/incoming/paper', body)).status).toBe(403);
  });

  it('counts sent and received documents per unit and month, the average processing time and the overdue rate', async () => {
    const stats = await call('GET', `/documents/statistics?orgId=${fx.ids.xsh}&from=2026-10&to=2026-11`);
    expect(stats.status).toBe(200);
    expect(stats.json.months).toEqual(['2026-10', '2026-11']);
    expect(stats.json.totals).toMatchObject({ received: 2, completed: 1, withDeadline: 1, overdue: 1, overdueRate: 1 });
    // Received 2026-11-02 10:00, finished 2026-11-06 09:00 (Shanghai).
    expect(stats.json.totals.averageProcessingDays).toBeCloseTo(4, 0);
    expect(stats.json.received).toEqual(
      expect.arrayContaining([
        { unit: { orgId: fx.ids.fgw, name: '兴安盟发展和改革委员会' }, month: '2026-11', count: 1 },
        { unit: null, month: '2026-11', count: 1 },
      ]),
    );
    const sent = await fx.call(fx.cookies.fgw, 'GET', `/documents/statistics?orgId=${fx.ids.jyj}`);
    expect(sent.json.error.code).toBe('documents.inbox_not_found');
    const jyj = await fx.call(fx.cookies.clerk, 'GET', `/documents/statistics?orgId=${fx.ids.xsh}&from=2026-12&to=2026-11`);
    expect(jyj.status).toBe(400);

    function call(method: 'GET', url: string) {
      return fx.call(fx.cookies.leader, method, url);
    }
  });
});
