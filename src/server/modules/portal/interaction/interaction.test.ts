import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { createAuditLog } from '../../../platform/audit/index.js';
import { FixedClock } from '../../../platform/clock.js';
import { sm2GenerateKeyPair } from '../../../platform/crypto/index.js';
import { unansweredValidMessages } from './index.js';
import { interactionFixture } from './interaction.testing.js';
import { messageReminderHandler, messageReminderQueue } from './message-reminders.js';

type Fixture = Awaited<ReturnType<typeof interactionFixture>>;

describeEachDialect('互动交流: mailbox submission, handling, limits and reminders', (database) => {
  const clock = new FixedClock('2026-03-02T02:00:00.000Z'); // Monday 10:00 in Shanghai
  let fx: Fixture;

  beforeAll(async () => {
    fx = await interactionFixture(database(), clock);
  }, 60_000);

  it('takes a message from a plain form post, gives a tracking code and keeps the writer\'s personal data sealed', async () => {
    const { response, code, id } = await fx.write({ name: '李四', phone: '139-1234-0001', email: 'lisi@example.cn', body: '请问办理居住证需要哪些材料？' }, { mailbox: 'consult' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('来信已提交');
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    const row = await fx.db.selectFrom('portal_messages').selectAll().where('id', '=', id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'received', mailbox: 'consult', due_on: '2026-06-02', consent: 1 });
    const stored = JSON.stringify(row);
    for (const secret of ['李四', '13912340001', '0001', 'lisi@example.cn']) expect(stored).not.toContain(secret);

    const tracked = await fx.form('/hdtest/interaction/track', { code: code!.toLowerCase(), last4: '0001' });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.body).toContain('待受理');
    expect((await fx.form('/hdtest/interaction/track', { code: code!, last4: '9999' })).statusCode).toBe(404);
  });

  it('refuses robots, oversize text, bad phones, duplicates and too many messages with clear codes', async () => {
    expect((await fx.write({ website: 'http://spam.example' }, { ip: '10.2.0.1' })).response.statusCode).toBe(422);
    const long = await fx.write({ body: '长'.repeat(2001) }, { ip: '10.2.0.2' });
    expect(long.response.statusCode).toBe(422);
    expect(long.response.body).toContain('来信内容不能超过 2000 字');
    expect((await fx.write({ phone: '12345' }, { ip: '10.2.0.3' })).response.statusCode).toBe(422);

    const phone = '13700000001';
    expect((await fx.write({ phone, body: '第一封' }, { ip: '10.3.0.1' })).code).toBeDefined();
    const duplicate = await fx.write({ phone, body: '第一封' }, { ip: '10.3.0.2' });
    expect(duplicate.response.statusCode).toBe(409);
    expect(duplicate.response.body).toContain('请勿重复提交');
    expect((await fx.write({ phone, body: '第二封' }, { ip: '10.3.0.3' })).code).toBeDefined();
    expect((await fx.write({ phone, body: '第三封' }, { ip: '10.3.0.4' })).code).toBeDefined();
    const fourth = await fx.write({ phone, body: '第四封' }, { ip: '10.3.0.5' });
    expect(fourth.response.statusCode).toBe(429);
    expect(fourth.response.body).toContain('同一手机号码一天内最多提交 3 封来信');
    // The form comes back with what he wrote, escaped.
    expect(fourth.response.body).toContain('第四封');

    for (let i = 0; i < 5; i++) expect((await fx.write({ phone: `1360000010${i}`, body: `网络地址测试${i}` }, { ip: '10.4.0.1' })).code).toBeDefined();
    expect((await fx.write({ phone: '13600000109', body: '第六封' }, { ip: '10.4.0.1' })).response.statusCode).toBe(429);

    // The limits are stored: an hour later the address may write again.
    clock.advance(3_600_000 + 1000);
    expect((await fx.write({ phone: '13600000109', body: '一小时后' }, { ip: '10.4.0.1' })).code).toBeDefined();
    clock.set('2026-03-02T02:00:00.000Z');
  });

  it('refuses a cross-site form post but takes the same-origin one', async () => {
    expect((await fx.write({ body: '同源提交' }, { ip: '10.5.0.1' })).code).toBeDefined();
    const cross = await fx.form('/hdtest/interaction/write/leader', { name: 'x', phone: '13900000000', subject: 's', body: 'b' }, { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(cross.statusCode).toBe(403);
  });

  it('routes, answers, approves and publishes a consented message; an unconsented one stays unpublished', async () => {
    const { cookies, call } = fx;
    const { id } = await fx.write({ phone: '13811110000', subject: '<script>alert(1)</script>供暖问题', body: '小区供暖温度不达标。\n请尽快处理。' }, { ip: '10.6.0.1' });
    const listed = await call(cookies.editor, 'GET', `/interaction/messages?siteId=${fx.siteId}&state=received`);
    expect(listed.json.items.map((m: { id: string }) => m.id)).toContain(id);

    // The unit sees nothing before the message is routed to it; another county sees nothing at all.
    expect((await call(cookies.officer, 'GET', `/interaction/messages/${id}`)).status).toBe(404);
    expect((await call(cookies.clerk, 'GET', `/interaction/messages/${id}`)).status).toBe(404);

    const detail = await call(cookies.editor, 'GET', `/interaction/messages/${id}`);
    expect(detail.json).toMatchObject({ state: 'received', writerName: '张三', phoneMasked: '138****0000', actions: ['read', 'triage', 'contact'] });
    expect((await call(cookies.officer, 'POST', `/interaction/messages/${id}/draft`, { answer: '太早' })).status).toBe(404);
    const accepted = await call(cookies.editor, 'POST', `/interaction/messages/${id}/triage`, { decision: 'accept' });
    expect(accepted.json, JSON.stringify(accepted.json)).toMatchObject({ state: 'accepted' });
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/triage`, { decision: 'accept' })).json.error.code).toBe('interaction.step_not_current');
    const league = await fx.db.selectFrom('orgs').select('id').where('ref', '=', '152200000000').executeTakeFirstOrThrow();
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/route`, { unitOrgId: league.id })).json.error.code).toBe('interaction.unit_invalid');
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/route`, { unitOrgId: fx.bgs.id, note: '请办理' })).json.state).toBe('routed');

    // The unit sends it back once, then takes it again.
    const sentBack = await call(cookies.officer, 'POST', `/interaction/messages/${id}/send-back`, { reason: '不属本单位职责' });
    expect(sentBack.json, JSON.stringify(sentBack.json)).toMatchObject({ state: 'accepted' });
    await call(cookies.editor, 'POST', `/interaction/messages/${id}/route`, { unitOrgId: fx.bgs.id });
    expect((await call(cookies.officer, 'POST', `/interaction/messages/${id}/draft`, { answer: '已责成供热公司整改。' })).json.state).toBe('drafted');
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/approve`, {})).status).toBe(403);
    expect((await call(cookies.reviewer, 'POST', `/interaction/messages/${id}/reject`, { reason: '请写明整改时限' })).json.state).toBe('routed');
    await call(cookies.officer, 'POST', `/interaction/messages/${id}/draft`, { answer: '已责成供热公司三日内整改，室温达到18℃。' });
    const answered = await call(cookies.reviewer, 'POST', `/interaction/messages/${id}/approve`, {});
    expect(answered.json).toMatchObject({ state: 'answered', approvedByName: '孙审核', answerOrgName: '兴安盟行政公署办公室' });
    expect(answered.json.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'accept', 'route', 'send_back', 'route', 'draft', 'reject', 'draft', 'approve']);

    const published = await call(cookies.editor, 'POST', `/interaction/messages/${id}/publish`);
    expect(published.json.publishedAt).not.toBeNull();
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/publish`)).json.error.code).toBe('interaction.already_published');

    const home = await fx.app.inject({ url: '/hdtest/interaction/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('&lt;script>alert(1)&lt;/script>供暖问题');
    expect(home.body).not.toContain('<script>alert(1)');
    const page = await fx.app.inject({ url: `/hdtest/interaction/messages/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('已责成供热公司三日内整改');
    expect(page.body).not.toContain('张三');
    expect(page.body).not.toContain('13811110000');

    // Without consent: answered, visible to the writer, never published.
    const quiet = await fx.write({ phone: '13811110001', consent: '', body: '不公开的来信' }, { ip: '10.6.0.2' });
    await call(cookies.editor, 'POST', `/interaction/messages/${quiet.id}/triage`, { decision: 'accept' });
    await call(cookies.editor, 'POST', `/interaction/messages/${quiet.id}/route`, { unitOrgId: fx.bgs.id });
    await call(cookies.officer, 'POST', `/interaction/messages/${quiet.id}/draft`, { answer: '已答复。' });
    const done = await call(cookies.reviewer, 'POST', `/interaction/messages/${quiet.id}/approve`, {});
    expect(done.json.actions).not.toContain('publish');
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${quiet.id}/publish`)).json.error.code).toBe('interaction.no_consent');
    expect((await fx.app.inject({ url: `/hdtest/interaction/messages/${quiet.id}` })).statusCode).toBe(404);
    const tracked = await fx.form('/hdtest/interaction/track', { code: quiet.code!, last4: '0001' });
    expect(tracked.body).toContain('已答复。');

    const invalid = await fx.write({ phone: '13811110002', body: '广告推销' }, { ip: '10.6.0.3' });
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${invalid.id}/triage`, { decision: 'invalid', reason: 'spam', note: '广告' })).json).toMatchObject({ state: 'invalid', invalidReason: 'spam' });
  });

  it('reminds at two months and 80 days, marks overdue after three months and lists it', async () => {
    const { id } = await fx.write({ phone: '13822220000', body: '超期测试' }, { ip: '10.7.0.1' });
    await fx.call(fx.cookies.editor, 'POST', `/interaction/messages/${id}/triage`, { decision: 'accept' });
    const jobs = await fx.db.selectFrom('jobs').select(['payload', 'run_at']).where('queue', '=', messageReminderQueue).execute();
    const mine = jobs.map((j) => ({ ...JSON.parse(j.payload), runAt: new Date(j.run_at).toISOString() })).filter((j) => j.messageId === id);
    expect(mine.map((j) => [j.kind, j.runAt])).toEqual([
      ['two_months', '2026-05-02T01:00:00.000Z'],
      ['eighty_days', '2026-05-21T01:00:00.000Z'],
      ['overdue', '2026-06-03T01:00:00.000Z'],
    ]);
    const handler = messageReminderHandler({ db: fx.db, clock, audit: createAuditLog({ signing: sm2GenerateKeyPair(), clock }) });
    const saved = clock.now();
    for (const job of mine) {
      clock.set(job.runAt);
      await handler(job, { id: 'job', attempts: 1 } as never);
      await handler(job, { id: 'job', attempts: 1 } as never);
    }
    // Three months on, the editor signs in again (his earlier session has long been idle).
    const editor = await signIn(fx.app, 'portal.editor');
    const detail = await fx.call(editor, 'GET', `/interaction/messages/${id}`);
    expect(detail.json.events.filter((e: { action: string }) => ['remind', 'overdue'].includes(e.action)).map((e: { action: string }) => e.action)).toEqual(['remind', 'remind', 'overdue']);
    expect(detail.json.overdue).toBe(true);
    const overdue = await fx.call(editor, 'GET', `/interaction/messages?siteId=${fx.siteId}&overdue=true`);
    expect(overdue.json.items.map((m: { id: string }) => m.id)).toContain(id);
    const answeredIds = (await fx.db.selectFrom('portal_messages').select('id').where('state', '=', 'answered').execute()).map((r) => r.id);
    expect(overdue.json.items.some((m: { id: string }) => answeredIds.includes(m.id))).toBe(false);

    const veto = await unansweredValidMessages(fx.db, { siteId: fx.siteId, olderThan: new Date('2026-03-03T16:00:00.000Z') });
    expect(veto.ids).toContain(id);
    expect(veto.ids.some((x) => answeredIds.includes(x))).toBe(false);
    const invalidIds = (await fx.db.selectFrom('portal_messages').select('id').where('state', '=', 'invalid').execute()).map((r) => r.id);
    expect(veto.ids.some((x) => invalidIds.includes(x))).toBe(false);
    clock.set(saved);
  });

  it("routes the letters of a portal run by the government's office to the government's departments, and no further", async () => {
    const { cookies, call } = fx;
    const xsh = await fx.db.selectFrom('orgs').select('id').where('ref', '=', '152200000000.xsh').executeTakeFirstOrThrow();
    const fgw = await fx.db.selectFrom('orgs').select('id').where('ref', '=', '152200000000.xsh.fgw').executeTakeFirstOrThrow();
    const banner = await fx.db.selectFrom('orgs').select('id').where('ref', '=', '152202000000.gov').executeTakeFirstOrThrow();
    const sites = await call(cookies.editor, 'GET', '/interaction/sites');
    expect(sites.json.items.find((s: { id: string }) => s.id === fx.siteId)).toMatchObject({ orgId: fx.bgs.id, routingOrgId: xsh.id });
    const { id } = await fx.write({ phone: '13811112222', subject: '项目审批进度', body: '请问某项目审批到哪一步了？' }, { ip: '10.6.0.9' });
    await call(cookies.editor, 'POST', `/interaction/messages/${id}/triage`, { decision: 'accept' });
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/route`, { unitOrgId: banner.id })).json.error.code).toBe('interaction.unit_invalid');
    const routed = await call(cookies.editor, 'POST', `/interaction/messages/${id}/route`, { unitOrgId: fgw.id, note: '请发改委答复' });
    expect(routed.json).toMatchObject({ state: 'routed', unit: { orgId: fgw.id, name: '兴安盟发展和改革委员会' } });
  });

  it("shows the writer's full phone number to the handling unit and the site's editors while the message is open, and audits each look", async () => {
    const { cookies, call } = fx;
    const { id } = await fx.write({ phone: '13822223333', subject: '路灯不亮', body: '某小区路灯已坏一周。' }, { ip: '10.6.0.10' });
    expect((await call(cookies.editor, 'GET', `/interaction/messages/${id}`)).json).toMatchObject({ phoneMasked: '138****3333', actions: expect.arrayContaining(['contact']) });
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/contact`)).json).toEqual({ phone: '13822223333', email: null });
    // Not yet the unit's: it cannot even see the message; the reviewer reads it but may not call.
    expect((await call(cookies.officer, 'POST', `/interaction/messages/${id}/contact`)).status).toBe(404);
    expect((await call(cookies.reviewer, 'POST', `/interaction/messages/${id}/contact`)).json.error.code).toBe('interaction.not_your_step');
    expect((await call(cookies.clerk, 'POST', `/interaction/messages/${id}/contact`)).status).toBe(404);
    await call(cookies.editor, 'POST', `/interaction/messages/${id}/triage`, { decision: 'accept' });
    await call(cookies.editor, 'POST', `/interaction/messages/${id}/route`, { unitOrgId: fx.bgs.id });
    expect((await call(cookies.officer, 'POST', `/interaction/messages/${id}/contact`)).json.phone).toBe('13822223333');
    await call(cookies.officer, 'POST', `/interaction/messages/${id}/draft`, { answer: '已安排维修，三日内恢复照明。' });
    await call(cookies.reviewer, 'POST', `/interaction/messages/${id}/approve`, {});
    // Answered: nobody needs to call any more.
    expect((await call(cookies.editor, 'POST', `/interaction/messages/${id}/contact`)).json.error.code).toBe('interaction.step_not_current');
    expect((await call(cookies.editor, 'GET', `/interaction/messages/${id}`)).json.actions).not.toContain('contact');
    const looks = await fx.db.selectFrom('audit_events').select(['actor_name', 'details']).where('action', '=', 'portal.message_contact').where('object_id', '=', id!).execute();
    expect(looks).toHaveLength(2);
  });

  it('counts received and answered messages in the public statistics', async () => {
    const stats = await fx.call(fx.cookies.editor, 'GET', `/interaction/statistics?siteId=${fx.siteId}`);
    expect(stats.status).toBe(200);
    const valid = await fx.db.selectFrom('portal_messages').select('state').where('site_id', '=', fx.siteId).where('state', '!=', 'invalid').execute();
    expect(stats.json.received).toBe(valid.length);
    expect(stats.json.answered).toBe(valid.filter((r) => r.state === 'answered').length);
    expect(stats.json.months).toHaveLength(12);
    expect((await fx.call(fx.cookies.clerk, 'GET', `/interaction/statistics?siteId=${fx.siteId}`)).status).toBe(404);
  });
});

describe('answer dates', () => {
  it('counts three calendar months, the 31st falling to the month\'s last day', async () => {
    const { dueOn } = await import('./message-dates.js');
    expect([dueOn('2026-01-15'), dueOn('2025-11-30'), dueOn('2026-11-30')]).toEqual(['2026-04-15', '2026-02-28', '2027-02-28']);
  });
});
