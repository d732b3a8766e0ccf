import type { DbOrTrx } from '../../../db/database.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { StatisticsView } from './interaction.schema.js';
import { interactionRepository as repo } from './interaction.repository.js';
import { addMonths, daysBetween, startOf } from './message-dates.js';

/**
 * A site's public statistics over the last 12 months (this month and the 11 before it, Asia/Shanghai):
 * valid messages received, answered, the answer rate, the average days to answer, overdue ones, and
 * the same counts per month.
 */
export async function messageStatistics(db: DbOrTrx, siteId: string, now: Date): Promise<StatisticsView> {
  const thisMonth = `${toBusinessDate(now).slice(0, 7)}-01`;
  const from = addMonths(thisMonth, -11);
  const rows = await repo.statisticsRows(db, siteId, startOf(from).toISOString());
  const months = Array.from({ length: 12 }, (_, i) => ({ month: addMonths(from, i).slice(0, 7), received: 0, answered: 0 }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const today = toBusinessDate(now);
  let answered = 0;
  let days = 0;
  let overdue = 0;
  for (const row of rows) {
    const month = byMonth.get(row.received_on.slice(0, 7));
    if (month) month.received++;
    if (row.answered_at) {
      answered++;
      days += daysBetween(row.received_at, row.answered_at);
      const answeredMonth = byMonth.get(toBusinessDate(new Date(row.answered_at)).slice(0, 7));
      if (answeredMonth) answeredMonth.answered++;
    } else if (row.state !== 'answered') {
      const due = addMonths(row.received_on, 3);
      if (today > due) overdue++;
    }
  }
  return {
    siteId,
    from,
    received: rows.length,
    answered,
    answerRate: rows.length ? Math.round((answered / rows.length) * 1000) / 1000 : 0,
    averageDays: answered ? Math.round((days / answered) * 10) / 10 : null,
    overdue,
    months,
  };
}

/**
 * The inspection indicator (检查指标 2019, a veto item): valid messages received in the past year and
 * unanswered for more than three months. `olderThan` is the cut-off instant — usually now minus three
 * calendar months: messages received before it and still without an approved answer count; the
 * past-year window reaches back twelve months before `now` (default: `olderThan` plus three months).
 */
export async function unansweredValidMessages(
  db: DbOrTrx,
  options: { siteId: string; olderThan: Date; now?: Date },
): Promise<{ count: number; ids: string[] }> {
  const now = options.now ?? new Date(startOf(addMonths(toBusinessDate(options.olderThan), 3)).getTime() + (options.olderThan.getTime() - startOf(toBusinessDate(options.olderThan)).getTime()));
  const from = startOf(addMonths(toBusinessDate(now), -12)).toISOString();
  const rows = await repo.unanswered(db, options.siteId, { from, before: options.olderThan.toISOString() });
  return { count: rows.length, ids: rows.map((r) => r.id) };
}
