import type { FastifyInstance } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { seededApp, testConfig } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { createAppContext } from '../../../context.js';
import { FixedClock } from '../../../platform/clock.js';
import { seedDemoDisclosure, type DemoDisclosureReport } from './demo.disclosure.js';
import { seedDemoInteraction, type DemoInteractionReport } from './demo.interaction.js';

describeEachDialect('portal: the demo disclosure and interaction seed', (database) => {
  // A Friday in 2026, 10:00 in Hinggan.
  const clock = new FixedClock('2026-11-27T02:00:00.000Z');
  const development = testConfig({ HINGGAN_ENV: 'development' });
  const ctx = () => createAppContext({ config: development, database: database(), clock });
  let app: FastifyInstance;
  let skipped: [unknown, unknown];
  let disclosure: DemoDisclosureReport | undefined;
  let interaction: DemoInteractionReport | undefined;

  beforeAll(async () => {
    app = await seededApp(database(), { clock });
    const test = createAppContext({ config: testConfig(), database: database(), clock });
    skipped = [await seedDemoDisclosure(test, { profile: 'demo' }), await seedDemoInteraction(ctx(), { profile: 'none' })];
    disclosure = await seedDemoDisclosure(ctx(), { profile: 'demo' });
    interaction = await seedDemoInteraction(ctx(), { profile: 'demo' });
  }, 180_000);

  it('writes nothing outside a development deployment seeded with the demo profile', () => {
    expect(skipped).toEqual([undefined, undefined]);
  });

  it('lists the published catalogue entries with index numbers, one abolished, and answers a request 予以公开 with its 告知书', async () => {
    expect(disclosure).toEqual({ texts: 2, entries: 8, requests: 2 });
    const catalogue = await app.inject({ url: '/disclosure/catalogue' });
    expect(catalogue.statusCode).toBe(200);
    for (const title of ['行署办公室2026年部门预算', '兴安盟政务服务中心自助终端采购项目中标公告', '兴安盟城镇供热收费管理暂行规定']) expect(catalogue.body).toContain(title);
    expect(catalogue.body).toMatch(/\d{9}\/2026-\d{5}/);
    const guide = await app.inject({ url: '/disclosure/guide' });
    expect(guide.body).toContain('依申请公开');
    const abolished = await database().db.selectFrom('disclosure_entries').select(['validity', 'validity_note', 'status']).where('title', '=', '兴安盟城镇供热收费管理暂行规定').executeTakeFirstOrThrow();
    expect(abolished).toMatchObject({ validity: 'abolished', status: 'published' });
    const requests = await database().db.selectFrom('disclosure_requests').select(['status', 'reply_kind', 'reply_file_id']).orderBy('received_at').execute();
    expect(requests).toEqual([
      { status: 'replied', reply_kind: 'provided', reply_file_id: expect.any(String) },
      { status: 'accepted', reply_kind: null, reply_file_id: null },
    ]);
  });

  it('shows the consented answers on the public interaction page, not the one without consent', async () => {
    expect(interaction).toEqual({ messages: 4, published: 3, surveys: 2 });
    const home = await app.inject({ url: '/interaction/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('建议开通乌兰浩特站至阿尔山的旅游专线');
    expect(home.body).toContain('兴安北大路夜间施工噪音扰民');
    expect(home.body).not.toContain('个体工商户年报的时间');
    const messages = await database().db.selectFrom('portal_messages').select(['state', 'published_at', 'consent']).execute();
    expect(messages.map((m) => m.state)).toEqual(['answered', 'answered', 'answered', 'answered']);
    expect(messages.filter((m) => m.published_at).length).toBe(3);
  });

  it('keeps the survey open for answers and the closed call for opinions with its 反馈', async () => {
    const rows = await database().db.selectFrom('portal_surveys').select(['id', 'kind', 'state', 'closes_at', 'feedback']).execute();
    const open = rows.find((r) => r.kind === 'survey')!;
    const closed = rows.find((r) => r.kind === 'opinions')!;
    expect(open.state).toBe('published');
    expect(Date.parse(open.closes_at) - clock.now().getTime()).toBeGreaterThan(29 * 86_400_000);
    expect(Date.parse(closed.closes_at)).toBeLessThan(clock.now().getTime());
    expect(closed.feedback).toContain('采纳');
    const questions = await database().db.selectFrom('portal_survey_questions').select(['id', 'kind']).where('survey_id', '=', open.id).orderBy('position').execute();
    expect(questions.map((q) => q.kind)).toEqual(['single', 'multiple', 'text']);
    const body = new URLSearchParams([[`q_${questions[0]!.id}`, '1'], [`q_${questions[1]!.id}`, '0'], [`q_${questions[1]!.id}`, '1']]);
    const answer = await app.inject({
      method: 'POST',
      url: `/interaction/surveys/${open.id}`,
      remoteAddress: '10.3.3.3',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      payload: body.toString(),
    });
    expect(answer.statusCode).toBe(200);
    const responses = await database().db.selectFrom('portal_survey_answers').select('id').where('survey_id', '=', open.id).execute();
    expect(responses.length).toBe(3);
  });

  it('writes nothing the second time', async () => {
    expect(await seedDemoDisclosure(ctx(), { profile: 'demo' })).toEqual({ texts: 0, entries: 0, requests: 0 });
    expect(await seedDemoInteraction(ctx(), { profile: 'demo' })).toEqual({ messages: 0, published: 0, surveys: 0 });
  });
});
