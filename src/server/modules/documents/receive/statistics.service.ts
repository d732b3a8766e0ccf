import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { authorize } from '../../../platform/policy/index.js';
import type { OrgService } from '../../orgs/index.js';
import { OrgLookup } from './org-lookup.js';
import { inboxPolicy } from './receive.policy.js';
import { orgPathsOf } from './receive.scope.js';
import { statisticsRepository as repo } from './statistics.repository.js';

/** The instant a Shanghai month (`YYYY-MM`) begins. */
const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`).toISOString();
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

interface Processing {
  readonly received: number;
  readonly completed: number;
  readonly avgSeconds: number | null;
  readonly withDeadline: number;
  readonly overdue: number;
}
const noneReceived: Processing = { received: 0, completed: 0, avgSeconds: null, withDeadline: 0, overdue: 0 };

/** Received, finished, average days to 办结 (one decimal) and the overdue rate (three decimals). */
function figures(p: Processing) {
  return {
    received: p.received,
    completed: p.completed,
    averageProcessingDays: p.avgSeconds === null ? null : Math.round((p.avgSeconds / 86400) * 10) / 10,
    withDeadline: p.withDeadline,
    overdue: p.overdue,
    overdueRate: p.withDeadline ? Math.round((p.overdue / p.withDeadline) * 1000) / 1000 : null,
  };
}

/**
 * 公文统计 of one organisation: documents sent (per drafting unit) and received (per lead unit) per
 * month, the average time from receipt to 办结, and the overdue rate of items with a deadline
 * (finished after it, or still open past it), for the period and per month (`monthly`, by the month
 * the item was received; the months add up to the totals). Its clerks and leaders may read it.
 */
export function createStatisticsService(deps: { db: Db; clock: Clock; orgs: OrgService }) {
  const { db, clock, orgs } = deps;
  return {
    async ofOrg(actor: Actor, query: { orgId: string; from?: string | undefined; to?: string | undefined }) {
      const g = new OrgLookup(orgs);
      const { org, paths } = await orgPathsOf(g, query.orgId);
      authorize(actor, inboxPolicy, 'readAll', { paths });
      const today = toBusinessDate(clock.now());
      const to = query.to ?? today.slice(0, 7);
      let from = query.from;
      if (!from) {
        from = to;
        for (let i = 0; i < 11; i += 1) from = `${Number(from.slice(0, 4)) - (from.endsWith('-01') ? 1 : 0)}-${from.endsWith('-01') ? '12' : String(Number(from.slice(5)) - 1).padStart(2, '0')}`;
      }
      if (from > to) throw new AppError('request.invalid', { fields: [{ path: 'from', message: '起始月份不能晚于结束月份' }] });
      const months: string[] = [];
      for (let m = from; m <= to && months.length < 120; m = nextMonth(m)) months.push(m);
      const range = [monthStart(from), monthStart(nextMonth(to))] as const;
      const [sent, received, processing, perMonth] = await Promise.all([
        repo.sentPerUnit(db, org.id, ...range),
        repo.receivedPerUnit(db, org.id, ...range),
        repo.processing(db, org.id, ...range, today),
        repo.processingPerMonth(db, org.id, ...range, today),
      ]);
      const units = await g.nodes([...sent, ...received].flatMap((r) => (r.unit ? [r.unit] : [])));
      const unit = (id: string | null) => (id ? { orgId: id, name: units.get(id)?.nameZh ?? '' } : null);
      return {
        org: { orgId: org.id, name: org.nameZh },
        from,
        to,
        months,
        sent: sent.map((r) => ({ unit: unit(r.unit), month: r.month, count: Number(r.n) })),
        received: received.map((r) => ({ unit: unit(r.unit), month: r.month, count: Number(r.n) })),
        totals: { sent: sent.reduce((s, r) => s + Number(r.n), 0), ...figures(processing) },
        // Every month of the period, empty ones included, so the series and the table need no gaps filled.
        monthly: months.map((month) => ({
          month,
          sent: sent.filter((r) => r.month === month).reduce((s, r) => s + Number(r.n), 0),
          ...figures(perMonth.find((r) => r.month === month) ?? noneReceived),
        })),
      };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
