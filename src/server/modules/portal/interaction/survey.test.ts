import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { interactionFixture } from './interaction.testing.js';

type Fixture = Awaited<ReturnType<typeof interactionFixture>>;

describeEachDialect('互动交流: surveys and calls for opinions', (database) => {
  const clock = new FixedClock('2026-03-02T02:00:00.000Z');
  let fx: Fixture;

  beforeAll(async () => {
    fx = await interactionFixture(database(), clock);
  }, 60_000);

  it('publishes after another person\'s review, takes answers only inside its window, and counts them', async () => {
    const { call, cookies } = fx;
    const body = {
      siteId: fx.siteId,
      kind: 'opinions',
      title: '关于《兴安盟城市绿化条例（征求意见稿）》公开征求意见',
      description: '欢迎社会各界提出意见建议。',
      documentText: '第一条 为了加强城市绿化建设……',
      opensAt: '2026-03-03T00:00:00.000Z',
      closesAt: '2026-03-10T00:00:00.000Z',
      questions: [
        { kind: 'single', title: '您对征求意见稿总体是否赞同？', options: ['赞同', '基本赞同', '不赞同'] },
        { kind: 'multiple', title: '您关注哪些方面？', options: ['公园', '行道树', '小区绿化'] },
        { kind: 'text', title: '具体意见', maxLength: 200, required: false },
      ],
    };
    const noText = await call(cookies.editor, 'POST', '/interaction/surveys', { ...body, questions: body.questions.slice(0, 2) });
    expect(noText.json.error.code).toBe('interaction.survey_invalid');
    const created = await call(cookies.editor, 'POST', '/interaction/surveys', body);
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const q = created.json.questions as { id: string }[];
    expect((await call(cookies.reviewer, 'POST', `/interaction/surveys/${id}/approve`)).json.error.code).toBe('interaction.step_not_current');
    expect((await call(cookies.editor, 'POST', `/interaction/surveys/${id}/submit`)).json.state).toBe('submitted');
    expect((await call(cookies.editor, 'POST', `/interaction/surveys/${id}/approve`)).status).toBe(403);
    expect((await call(cookies.reviewer, 'POST', `/interaction/surveys/${id}/approve`)).json).toMatchObject({ state: 'published', reviewedByName: '孙审核' });

    const url = `/hdtest/interaction/surveys/${id}`;
    const answer = (fields: Record<string, string | string[]>, ip: string) => fx.form(url, fields, { ip });
    expect((await answer({ [`q_${q[0]!.id}`]: '0', [`q_${q[1]!.id}`]: '0' }, '10.8.0.1')).statusCode).toBe(409);

    clock.set('2026-03-05T02:00:00.000Z');
    const page = await fx.app.inject({ url });
    expect(page.body).toContain('<form method="post"');
    expect(page.body).not.toContain('调查结果');
    expect((await answer({ [`q_${q[0]!.id}`]: ['0', '1'], [`q_${q[1]!.id}`]: '0' }, '10.8.0.2')).statusCode).toBe(422);
    expect((await answer({ [`q_${q[0]!.id}`]: '7', [`q_${q[1]!.id}`]: '0' }, '10.8.0.2')).statusCode).toBe(422);
    expect((await answer({ [`q_${q[0]!.id}`]: '0', [`q_${q[1]!.id}`]: ['0', '2'], [`q_${q[2]!.id}`]: '建议增加<b>街心公园</b>' }, '10.8.0.3')).statusCode).toBe(200);
    expect((await answer({ [`q_${q[0]!.id}`]: '0', [`q_${q[1]!.id}`]: '1' }, '10.8.0.4')).statusCode).toBe(200);
    expect((await answer({ [`q_${q[0]!.id}`]: '2', [`q_${q[1]!.id}`]: '2', [`q_${q[2]!.id}`]: '广告内容' }, '10.8.0.5')).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) await answer({ [`q_${q[0]!.id}`]: '1', [`q_${q[1]!.id}`]: '1' }, '10.8.0.9');
    expect((await answer({ [`q_${q[0]!.id}`]: '1', [`q_${q[1]!.id}`]: '1' }, '10.8.0.9')).statusCode).toBe(429);

    // Days later the editor signs in again.
    const editor = await signIn(fx.app, 'portal.editor');
    const results = await call(editor, 'GET', `/interaction/surveys/${id}/results`);
    expect(results.json.responses).toBe(13);
    expect(results.json.questions[0].options.map((o: { count: number }) => o.count)).toEqual([2, 10, 1]);
    expect(results.json.questions[1].options.map((o: { count: number; percent: number }) => [o.count, o.percent])).toEqual([
      [1, 7.7],
      [11, 84.6],
      [2, 15.4],
    ]);
    const texts = results.json.questions[2].texts as { id: string; text: string }[];
    const good = texts.find((t) => t.text.includes('街心公园'))!;
    const spam = texts.find((t) => t.text === '广告内容')!;
    await call(editor, 'POST', `/interaction/surveys/${id}/answers/${good.id}/moderate`, { approved: true });
    await call(editor, 'POST', `/interaction/surveys/${id}/answers/${spam.id}/moderate`, { approved: false });
    await call(editor, 'PUT', `/interaction/surveys/${id}/feedback`, { feedback: '共收到意见 13 份，采纳 1 条。' });

    clock.set('2026-03-10T00:00:00.000Z');
    expect((await answer({ [`q_${q[0]!.id}`]: '0', [`q_${q[1]!.id}`]: '0' }, '10.8.0.6')).statusCode).toBe(409);
    const closed = await fx.app.inject({ url });
    expect(closed.body).not.toContain('<form method="post"');
    expect(closed.body).toContain('调查结果（共 13 人参与）');
    expect(closed.body).toContain('建议增加&lt;b>街心公园&lt;/b>');
    expect(closed.body).not.toContain('广告内容');
    expect(closed.body).toContain('共收到意见 13 份，采纳 1 条。');
    expect(closed.body).toContain('84.6%');
    clock.set('2026-03-02T02:00:00.000Z');
  });
});
