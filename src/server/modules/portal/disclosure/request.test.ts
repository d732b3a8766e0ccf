import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { consultationPause, correctionLastDay, replyDeadline } from './request.clock.js';
import { applicant, disclosureHarness, refs, type DisclosureHarness, type Json } from './disclosure.testing.js';

describe('request deadlines on the official calendar', () => {
  it('counts 20 working days across 国庆 2026 and its make-up Saturday', () => {
    // Received Monday 28 September: 中秋 (25–27 Sep) is behind, 国庆 (1–7 Oct) and the 调休 Saturday 10 Oct ahead.
    expect(replyDeadline({ clockStart: '2026-09-28', extensionDays: 0, pausedDays: 0 })).toBe('2026-10-30');
    expect(correctionLastDay('2026-09-28')).toBe('2026-10-13');
    expect(replyDeadline({ clockStart: '2026-09-28', extensionDays: 20, pausedDays: 0 })).toBe('2026-11-27');
  });

  it('counts at most 15 working days of consultation', () => {
    expect(consultationPause('2026-10-12', '2026-10-19')).toBe(5);
    expect(consultationPause('2026-10-12', '2026-11-30')).toBe(15);
  });
});

describeEachDialect('disclosure: online requests (依申请公开)', (database) => {
  let h: DisclosureHarness;
  let office: string;
  const officer = () => h.cookie('discl.officer');
  const post = async (id: string, step: string, body: unknown = {}) => h.call(await officer(), 'POST', `/api/v1/disclosure/requests/${id}/${step}`, body);
  const track = (code: string, phoneLast4 = applicant.phone.slice(-4)) => h.call(undefined, 'POST', '/api/v1/disclosure/track', { code, phoneLast4 });

  /** A fresh request received today; returns its id and tracking code. */
  async function received(overrides: Record<string, unknown> = {}): Promise<{ id: string; code: string; deadline: string }> {
    const answer = await h.submit(office, overrides);
    expect(answer.status).toBe(201);
    const list = await h.call(await officer(), 'GET', `/api/v1/disclosure/requests?orgId=${office}&pageSize=100`);
    const item = list.body.items.find((r: Json) => r.trackingCode === answer.body.trackingCode);
    return { id: item.id, code: answer.body.trackingCode, deadline: answer.body.deadline };
  }

  beforeAll(async () => {
    h = await disclosureHarness(database());
    office = await h.org(refs.xshOffice);
    await h.user('discl.officer', refs.xshOffice, 'officer');
  }, 60_000);

  afterAll(async () => {
    await h?.app.close();
  });

  it('gives the applicant a tracking code and the deadline 20 working days after receipt, across 国庆', async () => {
    h.day('2026-09-28');
    const answer = await h.submit(office);
    expect(answer.status).toBe(201);
    expect(answer.body.trackingCode).toMatch(/^YSQ2026[2-9A-HJ-NP-Z]{6}$/);
    expect(answer.body).toMatchObject({ receivedOn: '2026-09-28', deadline: '2026-10-30' });
    const tracked = await track(answer.body.trackingCode);
    expect(tracked.status).toBe(200);
    expect(tracked.body).toMatchObject({ status: 'received', statusLabel: '待受理', deadline: '2026-10-30', orgName: '兴安盟行政公署办公室' });
  });

  it('keeps the ID number, phone, address and e-mail only sealed, and shows them masked', async () => {
    h.day('2026-09-28');
    const { id } = await received();
    const row = await h.database.db.selectFrom('disclosure_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    for (const secret of [applicant.idNumber, applicant.phone, '兴安北大路', 'baoriga@example.cn']) expect(stored).not.toContain(secret);
    const detail = await h.call(await officer(), 'GET', `/api/v1/disclosure/requests/${id}`);
    expect(detail.body).toMatchObject({ idNumberMasked: '110105********002X', phoneMasked: '139****5678', emailMasked: 'b***@example.cn' });
    expect(JSON.stringify(detail.body)).not.toContain(applicant.phone);
  });

  it('refuses an invalid ID number or credit code with a clear error', async () => {
    const bad = await h.submit(office, { idNumber: '110105194912310021' });
    expect([bad.status, bad.code]).toEqual([422, 'disclosure.id_number_invalid']);
    const company = await h.submit(office, { applicantKind: 'business', name: '兴安盟某科技有限公司', idNumber: applicant.creditCode });
    expect(company.status).toBe(201);
    const personWithCreditCode = await h.submit(office, { idNumber: applicant.creditCode });
    expect(personWithCreditCode.code).toBe('disclosure.id_number_invalid');
  });

  it('tracks only with the right phone digits, and names no handler to the applicant', async () => {
    h.day('2026-09-28');
    const { id, code } = await received();
    expect((await track(code, '0000')).code).toBe('disclosure.tracking_failed');
    expect((await track('YSQ2026ZZZZZZ')).code).toBe('disclosure.tracking_failed');
    await post(id, 'accept');
    const tracked = await track(code);
    expect(tracked.body.history.map((e: Json) => e.action)).toEqual(['submit', 'accept']);
    expect(JSON.stringify(tracked.body)).not.toContain('discl.officer');
  });

  it('asks for correction once within 7 working days; the clock restarts from the corrected submission', async () => {
    h.day('2026-09-28');
    const late = await received();
    h.day('2026-10-14');
    expect((await post(late.id, 'correction', { notice: '请写明文件名称或文号' })).code).toBe('disclosure.correction_late');

    h.day('2026-09-28');
    const { id, code } = await received();
    h.day('2026-10-13');
    const asked = await post(id, 'correction', { notice: '请写明所需文件的名称或文号' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'correction', deadline: null });
    expect((await track(code)).body.correctionNotice).toBe('请写明所需文件的名称或文号');

    h.day('2026-10-20');
    const corrected = await h.call(undefined, 'POST', '/api/v1/disclosure/track/correction', { code, phoneLast4: applicant.phone.slice(-4), content: '兴署办发〔2025〕30号文件' });
    expect(corrected.status).toBe(200);
    // 20 working days from 20 October.
    expect(corrected.body).toMatchObject({ status: 'accepted', deadline: '2026-11-17' });
    expect((await post(id, 'correction', { notice: '请再次补正文件名称' })).code).toBe('disclosure.correction_once');
  });

  it('pauses the clock during third-party consultation', async () => {
    h.day('2026-10-12');
    const { id, deadline } = await received();
    expect(deadline).toBe('2026-11-09');
    await post(id, 'accept');
    expect((await post(id, 'consultation', { party: '兴安盟某建筑公司' })).body).toMatchObject({ status: 'consulting', deadline: null });
    expect((await post(id, 'reply', { kind: 'provided' })).code).toBe('disclosure.request_state');
    h.day('2026-10-19');
    const ended = await post(id, 'consultation/end', { note: '第三方同意公开' });
    // Five working days (13–19 October) do not count.
    expect(ended.body).toMatchObject({ status: 'accepted', pausedDays: 5, deadline: '2026-11-16' });
  });

  it('extends once only, by at most 20 working days, with a reason the applicant sees', async () => {
    h.day('2026-09-28');
    const { id, code } = await received();
    expect((await post(id, 'extend', { days: 21, reason: '需调档查阅' })).code).toBe('disclosure.extension_too_long');
    const extended = await post(id, 'extend', { days: 20, reason: '涉及多个部门，需要协调' });
    expect(extended.body).toMatchObject({ extensionDays: 20, deadline: '2026-11-27' });
    expect((await post(id, 'extend', { days: 1, reason: '再延期' })).code).toBe('disclosure.extension_once');
    const tracked = await track(code);
    expect(tracked.body).toMatchObject({ extensionDays: 20, extensionReason: '涉及多个部门，需要协调', deadline: '2026-11-27' });
    expect(tracked.body.history.find((e: Json) => e.action === 'extend').note).toContain('涉及多个部门');

    h.day('2026-09-28');
    const overdue = await received();
    h.day('2026-11-02');
    expect((await post(overdue.id, 'extend', { days: 5, reason: '来不及' })).code).toBe('disclosure.extension_late');
  });

  it('lists overdue and due-soon requests, and queues reminders for the deadline', async () => {
    h.day('2026-09-28');
    const { id } = await received();
    h.day('2026-10-28');
    const soon = await h.call(await officer(), 'GET', `/api/v1/disclosure/requests?orgId=${office}&due=soon&pageSize=100`);
    expect(soon.body.items.find((r: Json) => r.id === id)).toMatchObject({ deadlineState: 'due_soon' });
    h.day('2026-11-02');
    const overdue = await h.call(await officer(), 'GET', `/api/v1/disclosure/requests?orgId=${office}&due=overdue&pageSize=100`);
    expect(overdue.body.items.find((r: Json) => r.id === id)).toMatchObject({ deadlineState: 'overdue' });
    const jobs = await h.database.db.selectFrom('jobs').select(['payload', 'run_at']).where('queue', '=', 'portal.disclosureReminder').execute();
    const mine = jobs.map((j) => JSON.parse(j.payload)).filter((p) => p.requestId === id);
    expect(mine.map((p) => p.kind).sort()).toEqual(['due_soon', 'overdue']);
  });

  it('replies with each of the seven kinds, requiring what each must say, and makes the 告知书', async () => {
    const replies: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['already_public', { location: '兴安盟行政公署门户网站“政府信息公开”栏目' }, {}],
      ['provided', { text: '所需文件见附件。' }, {}],
      ['partly_provided', { refusalGround: 'third_party', reason: '含第三方商业秘密', basis: '《中华人民共和国政府信息公开条例》第十五条' }, { refusalGround: 'third_party' }],
      ['refused', { refusalGround: 'process_info', reason: '属于过程性信息', basis: '《中华人民共和国政府信息公开条例》第十六条' }, { refusalGround: 'process_info' }],
      ['not_exist', { unavailableReason: 'needs_creation' }, { unavailableReason: 'needs_creation' }],
      ['not_held', { holder: '兴安盟财政局（0482-8888888）' }, {}],
      ['repeat', {}, {}],
      ['other_law', { basis: '《不动产登记暂行条例》' }, {}],
    ];
    for (const [kind, body] of replies) {
      h.day('2026-09-28');
      const { id, code } = await received();
      const required = Object.keys(body).filter((k) => ['location', 'reason', 'basis', 'holder', 'refusalGround'].includes(k));
      if (required.length) {
        const incomplete = await post(id, 'reply', { kind });
        expect([incomplete.status, incomplete.code], kind).toEqual([422, 'disclosure.reply_incomplete']);
      }
      h.day('2026-10-09');
      const replied = await post(id, 'reply', { kind, ...body });
      expect(replied.status, `${kind}: ${JSON.stringify(replied.body)}`).toBe(200);
      expect(replied.body).toMatchObject({ status: 'replied', replyKind: kind, repliedOn: '2026-10-09', noticeAvailable: true });
      const notice = await h.call(await officer(), 'GET', `/api/v1/disclosure/requests/${id}/notice`);
      expect(notice.headers['content-type']).toBe('application/pdf');
      expect(notice.raw.subarray(0, 5).toString()).toBe('%PDF-');
      const tracked = await track(code);
      expect(tracked.body).toMatchObject({ status: 'replied', replyKind: kind, noticeAvailable: true });
      const download = await h.call(undefined, 'POST', '/api/v1/disclosure/track/notice', { code, phoneLast4: applicant.phone.slice(-4) });
      expect(download.raw.equals(notice.raw)).toBe(true);
      expect((await post(id, 'reply', { kind: 'repeat' })).code).toBe('disclosure.request_state');
    }
  }, 60_000);

  it('rate-limits the public submission per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = await h.app.inject({ method: 'POST', url: '/api/v1/disclosure/requests', remoteAddress: '10.9.9.9', payload: { orgId: office } });
      statuses.push(answer.statusCode);
    }
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses a step on a stale revision, and hides requests from other organisations', async () => {
    h.day('2026-09-28');
    const { id } = await received();
    expect((await post(id, 'accept', { revision: 0 })).status).toBe(200);
    expect((await post(id, 'extend', { days: 3, reason: '调档', revision: 0 })).code).toBe('disclosure.changed_concurrently');
    const stranger = await h.user('discl.tq.officer', refs.tuquanGov, 'officer');
    expect((await h.call(stranger, 'GET', `/api/v1/disclosure/requests/${id}`)).status).toBe(404);
    expect((await h.call(stranger, 'POST', `/api/v1/disclosure/requests/${id}/accept`, {})).status).toBe(404);
  });
});
