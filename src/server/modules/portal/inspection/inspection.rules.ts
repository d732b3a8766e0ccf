import type { ColumnCategory } from '../../../../shared/portal.js';

/**
 * The numbers of the national inspection indicators (政府网站与政务新媒体检查指标, 2019) this module
 * checks, and the page-speed guideline of the 政府网站发展指引 (2017).
 */
export const inspectionLimits = {
  /** 首页栏目信息超过 2 周未更新: a veto. */
  homeIdleDays: 14,
  /** 动态、要闻类栏目超过 2 周未更新. */
  newsIdleDays: 14,
  /** 通知公告、政策文件类栏目超过 6 个月未更新. */
  noticeIdleMonths: 6,
  /** 长期未更新: here, a column with content but nothing new for a year. */
  longIdleMonths: 12,
  /** Veto at this many news columns idle 2 weeks plus notice/policy columns idle 6 months. */
  staleColumnsVeto: 5,
  longIdleColumnsVeto: 10,
  emptyColumnsVeto: 5,
  /** A valid message from the past year unanswered for more than 3 months: a veto. */
  messageAnswerMonths: 3,
  /** Pages should open within 3 s. */
  pageLimitMs: 3000,
  /** A visit taking 15 s or more (or failing) counts as unreachable; a veto at 5 % of visits in a week. */
  unreachableMs: 15_000,
  unreachableShare: 0.05,
  reachabilityWindowDays: 7,
} as const;

const DAY = 86_400_000;

/** `months` calendar months before `now` (UTC calendar; an 8-hour difference from Beijing time does not matter here). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/** Whether nothing was published since `since` — `last` null (nothing with a publish time) counts as never. */
export const idleSince = (last: string | null, since: Date): boolean => last === null || Date.parse(last) <= since.getTime();

/** Whole days since `last` (null when nothing was ever published). */
export const idleDays = (last: string | null, now: Date): number | null => (last === null ? null : Math.floor((now.getTime() - Date.parse(last)) / DAY));

export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY);

/** The categories whose columns the freshness rules judge; interaction columns hold messages, judged by their own indicator. */
export const judgedCategories: readonly ColumnCategory[] = ['news', 'notice', 'disclosure', 'service', 'topic'];

/** A column as the freshness rules see it: its published articles and the newest publish time among them. */
export interface ColumnActivity {
  readonly id: string;
  readonly parentId: string | null;
  readonly path: string;
  readonly nameZh: string;
  readonly category: ColumnCategory;
  /** Published articles in the column itself. */
  readonly published: number;
  /** The newest `published_at` among them; null when none has a publish time. */
  readonly lastPublishedAt: string | null;
}

export interface ColumnJudgement {
  /** News columns idle 2 weeks and notice/policy columns idle 6 months (with content). */
  readonly stale: ColumnActivity[];
  readonly longIdle: ColumnActivity[];
  readonly empty: ColumnActivity[];
  /** How many columns were judged (leaves of a judged category). */
  readonly judged: number;
}

/**
 * Judges a site's columns. Only leaf columns are judged: a column with sub-columns is navigation, and
 * judging it too would count one idle leaf twice. An empty column counts as empty only (not also as
 * idle), so that each column is named once per rule; a column whose articles have no publish time is
 * idle, not empty (检查指标: an item without a publish time counts as not updated).
 */
export function judgeColumns(columns: readonly ColumnActivity[], now: Date): ColumnJudgement {
  const parents = new Set(columns.map((c) => c.parentId).filter((id): id is string => id !== null));
  const leaves = columns.filter((c) => !parents.has(c.id) && judgedCategories.includes(c.category));
  const newsSince = daysBefore(now, inspectionLimits.newsIdleDays);
  const noticeSince = monthsBefore(now, inspectionLimits.noticeIdleMonths);
  const longSince = monthsBefore(now, inspectionLimits.longIdleMonths);
  const withContent = leaves.filter((c) => c.published > 0);
  return {
    stale: withContent.filter(
      (c) => (c.category === 'news' && idleSince(c.lastPublishedAt, newsSince)) || (c.category === 'notice' && idleSince(c.lastPublishedAt, noticeSince)),
    ),
    longIdle: withContent.filter((c) => idleSince(c.lastPublishedAt, longSince)),
    empty: leaves.filter((c) => c.published === 0),
    judged: leaves.length,
  };
}

/** The share of failed or too slow visits among `visits` (0 when there were none). */
export function unreachableShare(visits: readonly { ms: number | null; ok: boolean }[]): number {
  if (visits.length === 0) return 0;
  const bad = visits.filter((v) => !v.ok || v.ms === null || v.ms >= inspectionLimits.unreachableMs).length;
  return bad / visits.length;
}
