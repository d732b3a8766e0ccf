import { beforeAll, expect, it } from 'vitest';
import { signIn } from '../../../../../test/support/app.js';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import { receivingFixture, type Json } from '../receiving.testing.js';

type Fixture = Awaited<ReturnType<typeof receivingFixture>>;

describeEachDialect('公文统计: monthly series', (database) => {
  const clock = new FixedClock('2026-09-01T02:00:00.000Z'); // Tuesday 10:00 in Shanghai
  let fx: Fixture;
  let stats: Json;

  /** Moves the clock and signs the demo users in again (their sessions would have idled out). */
  async function at(instant: string) {
    clock.set(instant);
    for (const [key, user] of [['clerk', 'xsh.clerk'], ['leader', 'xsh.leader'], ['fgw', 'fgw.clerk']] as const) fx.cookies[key] = await signIn(fx.app, user);
  }

  /** A document from 教育局 to 行署, instructed to 发改委 within `workingDays`. */
  async function received(workingDays: number): Promise<string> {
    const id = (await fx.issue({ from: 'jyj', to: ['xsh'] })).deliveries.xsh!;
    await fx.throughInstruction(id, { instruction: '请发改委办理', leadOrgId: fx.ids.fgw, workingDays });
    return id;
  }
  const complete = async (id: string) => expect((await fx.call(fx.cookies.fgw, 'POST', `/documents/incoming/${id}/complete`, { result: '已办理' })).status).toBe(200);

  beforeAll(async () => {
    fx = await receivingFixture(database(), clock);
    // September: received on the 1st, deadline the 4th, finished on the 3rd after two days.
    const onTime = await received(3);
    await at('2026-09-03T02:00:00.000Z');
    await complete(onTime);
    // October: one finished two days late after four days, one still open past its deadline.
    await at('2026-10-12T02:00:00.000Z');
    const late = await received(2);
    await at('2026-10-16T02:00:00.000Z');
    await complete(late);
    await at('2026-10-20T02:00:00.000Z');
    await received(2);
    // November: 行署 issues one document; today is 10 November.
    await at('2026-11-10T02:00:00.000Z');
    await fx.issue({ from: 'xsh', to: ['ulh'] });
    const answer = await fx.call(fx.cookies.leader, 'GET', `/documents/statistics?orgId=${fx.ids.xsh}`);
    expect(answer.status, answer.body).toBe(200);
    stats = answer.json;
  }, 120_000);

  it('gives every month of the last twelve, empty ones included', () => {
    expect(stats.from).toBe('2025-12');
    expect(stats.to).toBe('2026-11');
    expect(stats.monthly.map((m: Json) => m.month)).toEqual(stats.months);
    expect(stats.months).toHaveLength(12);
    expect(stats.monthly[0]).toEqual({ month: '2025-12', sent: 0, received: 0, completed: 0, averageProcessingDays: null, withDeadline: 0, overdue: 0, overdueRate: null });
  });

  it('counts received, finished, processing days and the overdue rate by the month of receipt', () => {
    const month = (m: string) => stats.monthly.find((x: Json) => x.month === m);
    expect(month('2026-09')).toEqual({ month: '2026-09', sent: 0, received: 1, completed: 1, averageProcessingDays: 2, withDeadline: 1, overdue: 0, overdueRate: 0 });
    expect(month('2026-10')).toEqual({ month: '2026-10', sent: 0, received: 2, completed: 1, averageProcessingDays: 4, withDeadline: 2, overdue: 2, overdueRate: 1 });
    expect(month('2026-11')).toMatchObject({ sent: 1, received: 0, overdueRate: null });
  });

  it('adds up to the totals of the period', () => {
    const sum = (key: string) => stats.monthly.reduce((s: number, m: Json) => s + m[key], 0);
    expect({ sent: sum('sent'), received: sum('received'), completed: sum('completed'), withDeadline: sum('withDeadline'), overdue: sum('overdue') }).toEqual({
      sent: stats.totals.sent,
      received: stats.totals.received,
      completed: stats.totals.completed,
      withDeadline: stats.totals.withDeadline,
      overdue: stats.totals.overdue,
    });
    expect(stats.totals).toMatchObject({ sent: 1, received: 3, completed: 2, averageProcessingDays: 3, overdue: 2, overdueRate: 0.667 });
  });
});
