/** Contracts of the portal's interaction area (互动交流) shared by the server and the workbench. */

/** 信箱 kinds of every site: each is handled by the site's organisation unless routed on. */
export const mailboxKinds = {
  leader: '盟长信箱',
  consult: '咨询',
  complaint: '投诉建议',
} as const;
export type MailboxKind = keyof typeof mailboxKinds;
export const mailboxKindList = Object.keys(mailboxKinds) as MailboxKind[];

/**
 * A message's state: received → (invalid | accepted) → routed (to a unit) → drafted (answer awaits
 * the reviewer) → answered. The unit may send it back (routed → accepted) and the reviewer may send
 * the answer back (drafted → routed). Publication is a separate mark on an answered message.
 */
export const messageStates = {
  received: '待受理',
  invalid: '无效来信',
  accepted: '已受理',
  routed: '办理中',
  drafted: '答复待审核',
  answered: '已答复',
} as const;
export type MessageState = keyof typeof messageStates;
export const messageStateList = Object.keys(messageStates) as MessageState[];

/** Why a message is not valid (not counted in the statistics, never published). */
export const invalidReasons = {
  spam: '垃圾信息',
  abuse: '辱骂攻击',
  duplicate: '重复来信',
  other: '其他',
} as const;
export type InvalidReason = keyof typeof invalidReasons;

/** What happened to a message, in its history. */
export const messageActions = {
  receive: '收到来信',
  accept: '受理',
  invalid: '标记无效',
  route: '转办',
  send_back: '退回重新分办',
  draft: '拟写答复',
  approve: '审核通过并答复',
  reject: '退回修改答复',
  publish: '公开',
  remind: '到期提醒',
  overdue: '超期',
} as const;
export type MessageAction = keyof typeof messageActions;

/** 在线调查 or 意见征集 (a call for opinions on a document, with a free-text opinion question). */
export const surveyKinds = {
  survey: '在线调查',
  opinions: '意见征集',
} as const;
export type SurveyKind = keyof typeof surveyKinds;

export const surveyStates = {
  draft: '草稿',
  submitted: '待审核',
  rejected: '已退回',
  published: '已发布',
} as const;
export type SurveyState = keyof typeof surveyStates;

export const questionKinds = {
  single: '单选',
  multiple: '多选',
  text: '填空',
} as const;
export type QuestionKind = keyof typeof questionKinds;

/** Limits a citizen's message is held to. */
export const messageLimits = {
  subject: 100,
  body: 2000,
  name: 50,
  email: 100,
  /** Messages per IP address per hour. */
  perIpPerHour: 5,
  /** Messages per phone number per day. */
  perPhonePerDay: 3,
  /** Survey responses per IP address per survey per hour. */
  surveyPerIpPerHour: 10,
  /** The whole form request, in bytes. */
  requestBytes: 16 * 1024,
} as const;

/** The answer limit (检查指标: a valid message unanswered for more than 3 months is a veto item). */
export const answerLimitMonths = 3;
