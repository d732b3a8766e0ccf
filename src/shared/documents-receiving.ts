/**
 * Receiving (收文) and filing (归档) of official documents: the contract shared by the server and the
 * workbench — inbox steps, actions, reminders, retention periods.
 */

/**
 * Where an incoming document stands. `pending` (待签收) is a delivery nobody has signed for yet;
 * every other step is stored. Each step names what has been done; `todo` is what it waits for.
 */
export const incomingSteps = {
  pending: { label: '待签收', todo: '签收', open: true },
  signed: { label: '已签收', todo: '登记', open: true },
  registered: { label: '已登记', todo: '初审', open: true },
  reviewed: { label: '初审通过', todo: '拟办', open: true },
  proposed: { label: '已拟办', todo: '批办', open: true },
  instructed: { label: '已批办', todo: '承办', open: true },
  handling: { label: '承办中', todo: '办结', open: true },
  completed: { label: '已办结', todo: null, open: false },
  returned: { label: '已退回', todo: null, open: false },
} as const satisfies Record<string, { label: string; todo: string | null; open: boolean }>;

export type IncomingStep = keyof typeof incomingSteps;
export const incomingStepKeys = Object.keys(incomingSteps) as [IncomingStep, ...IncomingStep[]];
/** The steps an inbox item waits at (its to-do). */
export const openIncomingSteps = incomingStepKeys.filter((s) => incomingSteps[s].open);
export const incomingStepLabel = (step: string): string => (incomingSteps as Record<string, { label: string }>)[step]?.label ?? step;

/** How a document came in. */
export const incomingSources = { delivery: '电子公文', paper: '纸质来文' } as const;
export type IncomingSource = keyof typeof incomingSources;

/** The processing record's actions (处理记录). */
export const incomingEventActions = {
  sign: '签收',
  register: '登记',
  review: '初审',
  return: '退回',
  propose: '拟办',
  instruct: '批办',
  handle: '承办',
  circulate: '传阅',
  read: '阅文',
  remind: '催办',
  complete: '办结',
  file: '归档',
} as const;
export type IncomingEventAction = keyof typeof incomingEventActions;

/** 承办 (lead) and 协办 (co) units. */
export const unitRoles = { lead: '主办', co: '协办' } as const;
export type UnitRole = keyof typeof unitRoles;

/** 催办: before the deadline, on its day, after it (repeated), or by a clerk. */
export const reminderKinds = { before: '到期提醒', due: '当日到期', overdue: '逾期催办', manual: '人工催办' } as const;
export type ReminderKind = keyof typeof reminderKinds;

/** What a sender learns back about each delivery. */
export const receiptKinds = { signed: '已签收', returned: '已退回', completed: '已办结' } as const;
export type ReceiptKind = keyof typeof receiptKinds;

/** Inbox views: one step, every open item (to-do), overdue ones, or everything. */
export const inboxViews = ['todo', 'overdue', 'all', ...incomingStepKeys] as const;
export type InboxView = (typeof inboxViews)[number];

/** 保管期限 (DA/T 22-2015): code in the 档号, label in lists, text on the 归档章. */
export const retentionPeriods = {
  Y: { label: '永久', stamp: '永久' },
  D30: { label: '定期30年', stamp: '30年' },
  D10: { label: '定期10年', stamp: '10年' },
} as const;
export type Retention = keyof typeof retentionPeriods;
export const retentionKeys = Object.keys(retentionPeriods) as [Retention, ...Retention[]];

/** 门类代码 of 文书档案 (documents), the only category this module files. */
export const archiveCategory = 'WS';

/** Where a filed 件 came from. */
export const archiveSources = { sent: '发文', received: '收文' } as const;
export type ArchiveSource = keyof typeof archiveSources;

/**
 * 档号 (DA/T 22-2015 §5.4): 全宗号-门类代码·年度-保管期限代码-机构（问题）代码-件号, 件号 in four digits,
 * e.g. `Q0007-WS·2026-Y-BGS-0012`.
 */
export function archivalCode(parts: { fondsCode: string; year: number; retention: Retention; unitCode: string; itemNumber: number }): string {
  return `${parts.fondsCode}-${archiveCategory}·${parts.year}-${parts.retention}-${parts.unitCode}-${String(parts.itemNumber).padStart(4, '0')}`;
}

/** 收文编号 as printed: `收〔2026〕15号`, consecutive per organisation and year. */
export const receiptNumber = (year: number, serial: number): string => `收〔${year}〕${serial}号`;
