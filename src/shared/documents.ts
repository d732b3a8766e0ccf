/**
 * Official documents (公文): the contract shared by the server and the workbench — the 15 kinds of the
 * 2012 regulation (党政机关公文处理工作条例), secrecy, urgency, statuses and the sending workflow's steps.
 */

/** Direction of a document relative to its 主送 (行文方向): to a superior, a subordinate, or no 隶属 relation. */
export const documentDirections = ['up', 'down', 'parallel'] as const;
export type DocumentDirection = (typeof documentDirections)[number];

export const documentDirectionLabels: Record<DocumentDirection, string> = {
  up: '上行文',
  down: '下行文',
  parallel: '平行文',
};

/**
 * The 15 kinds (文种), each with the directions it may take. `upwardOnly` kinds are 上行文 whatever the
 * registry says (a 议案 goes from a government to the people's congress of its level, which the org tree
 * shows as a sibling).
 */
export const documentKinds = {
  resolution: { label: '决议', directions: ['down'] },
  decision: { label: '决定', directions: ['down'] },
  order: { label: '命令（令）', directions: ['down'] },
  communique: { label: '公报', directions: ['down', 'parallel'] },
  announcement: { label: '公告', directions: ['down', 'parallel'] },
  public_notice: { label: '通告', directions: ['down', 'parallel'] },
  opinion: { label: '意见', directions: ['up', 'down', 'parallel'] },
  notice: { label: '通知', directions: ['down', 'parallel'] },
  bulletin: { label: '通报', directions: ['down', 'parallel'] },
  report: { label: '报告', directions: ['up'] },
  request: { label: '请示', directions: ['up'] },
  reply: { label: '批复', directions: ['down'] },
  motion: { label: '议案', directions: ['up', 'parallel'], upwardOnly: true },
  letter: { label: '函', directions: ['up', 'down', 'parallel'] },
  minutes: { label: '纪要', directions: ['down', 'parallel'] },
} as const satisfies Record<string, { label: string; directions: readonly DocumentDirection[]; upwardOnly?: boolean }>;

export type DocumentKind = keyof typeof documentKinds;
export const documentKindKeys = Object.keys(documentKinds) as [DocumentKind, ...DocumentKind[]];
export const documentKindLabel = (kind: string): string => (documentKinds as Record<string, { label: string }>)[kind]?.label ?? kind;

/** Kinds that are 上行文 whatever their 主送: 请示, 报告, 议案. */
export const upwardKinds: readonly DocumentKind[] = ['request', 'report', 'motion'];

/** Whether a kind may be sent in a direction. */
export const kindAllows = (kind: DocumentKind, direction: DocumentDirection): boolean =>
  (documentKinds[kind].directions as readonly DocumentDirection[]).includes(direction);

/**
 * 密级. This network carries only unclassified documents and 秘密; 机密 and 绝密 are named so that a
 * request for them is refused with a clear message (`documents.secrecy_too_high`) rather than a schema error.
 */
export const secrecyLevels = ['none', 'secret'] as const;
export type Secrecy = (typeof secrecyLevels)[number];
export const refusedSecrecyLevels = ['confidential', 'top_secret'] as const;
export const secrecyLabels: Record<Secrecy | (typeof refusedSecrecyLevels)[number], string> = {
  none: '非密',
  secret: '秘密',
  confidential: '机密',
  top_secret: '绝密',
};

/** 紧急程度. */
export const urgencyLevels = ['normal', 'urgent', 'very_urgent'] as const;
export type Urgency = (typeof urgencyLevels)[number];
export const urgencyLabels: Record<Urgency, string> = { normal: '普通', urgent: '加急', very_urgent: '特急' };

/** Where a sent document stands. The exact step is `currentStep`. */
export const documentStatuses = ['draft', 'reviewing', 'signed', 'issued', 'cancelled'] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
export const documentStatusLabels: Record<DocumentStatus, string> = {
  draft: '拟稿',
  reviewing: '审核中',
  signed: '已签发',
  issued: '已核发',
  cancelled: '已撤销',
};

/** The sending workflow's steps, in their fixed order; an organisation may switch the optional ones off. */
export const sendSteps = {
  draft: { label: '拟稿', optional: false },
  department_review: { label: '部门核稿', optional: true },
  office_review: { label: '办公室审核', optional: true },
  countersign: { label: '会签', optional: false },
  sign_off: { label: '领导签发', optional: false },
  recheck: { label: '复核', optional: true },
  register: { label: '编号登记', optional: false },
  seal: { label: '用印', optional: true },
  issue: { label: '核发', optional: false },
} as const satisfies Record<string, { label: string; optional: boolean }>;

export type SendStep = keyof typeof sendSteps;
export const sendStepKeys = Object.keys(sendSteps) as [SendStep, ...SendStep[]];
export const sendStepLabel = (step: string): string => (sendSteps as Record<string, { label: string }>)[step]?.label ?? step;

/** The status a document has while a step is current. */
export const statusAtStep: Record<SendStep, DocumentStatus> = {
  draft: 'draft',
  department_review: 'reviewing',
  office_review: 'reviewing',
  countersign: 'reviewing',
  sign_off: 'reviewing',
  recheck: 'signed',
  register: 'signed',
  seal: 'signed',
  issue: 'signed',
};

/**
 * Whose role acts on a step:
 * - `issuer`: the role in the issuing organisation;
 * - `issuer_office`: the role in the issuing organisation or in its 办公室 (the office that handles its papers);
 * - `drafting_unit`: the role in the unit that drafted the document, or in the issuing organisation;
 * - `co_issuers`: the role in each co-issuing organisation of a joint document (会签: one task each).
 */
export const stepActorScopes = ['issuer', 'issuer_office', 'drafting_unit', 'co_issuers'] as const;
export type StepActorScope = (typeof stepActorScopes)[number];
export const stepActorScopeLabels: Record<StepActorScope, string> = {
  issuer: '发文机关',
  issuer_office: '发文机关或其办公室',
  drafting_unit: '拟稿单位',
  co_issuers: '各联合发文机关',
};

/** 主送 / 抄送. */
export const recipientRoles = ['main', 'copy'] as const;
export type RecipientRole = (typeof recipientRoles)[number];
export const recipientRoleLabels: Record<RecipientRole, string> = { main: '主送', copy: '抄送' };

/** How a delivery travels: inside this deployment, or to another through the exchange module. */
export const deliveryChannels = ['local', 'exchange'] as const;
export type DeliveryChannelName = (typeof deliveryChannels)[number];

/** The flow history's actions (each row of a document's 流转记录). */
export const flowActions = {
  create: '创建',
  submit: '提交',
  approve: '同意',
  countersign: '会签',
  sign_off: '签发',
  register: '登记编号',
  seal: '用印',
  issue: '核发',
  return: '退回',
  cancel: '撤销',
} as const;
export type FlowAction = keyof typeof flowActions;
