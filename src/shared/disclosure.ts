/**
 * Contracts of government information disclosure (政府信息公开, 条例 2019) shared by the server and the
 * workbench: the statutory proactive categories, entry validity, the request's applicant kinds, states
 * and the seven kinds of reply, and the 2021 annual-report template's rows.
 */

/** 主动公开 categories: the items of 条例 第二十条, in the article's order. */
export const disclosureCategories = {
  regulations: '规章和规范性文件',
  functions: '机构职能',
  plans: '规划信息',
  statistics: '统计信息',
  licensing: '行政许可',
  penalties: '行政处罚和行政强制',
  budgets: '财政预决算',
  fees: '行政事业性收费',
  procurement: '政府采购',
  major_projects: '重大建设项目',
  public_services: '公共服务（扶贫、教育、医疗、社会保障、就业）',
  emergencies: '突发公共事件应对',
  inspections: '监督检查（环保、卫生、安全生产、食品药品、产品质量）',
  civil_service: '公务员招考',
  other: '其他应主动公开的信息',
} as const;
export type DisclosureCategory = keyof typeof disclosureCategories;
export const disclosureCategoryKeys = Object.keys(disclosureCategories) as DisclosureCategory[];

/** 效力 of a catalogue entry, shown on the entry with its note and date. */
export const entryValidities = { valid: '有效', expired: '失效', abolished: '废止' } as const;
export type EntryValidity = keyof typeof entryValidities;

/** A catalogue entry is prepared, published (public, searchable) or withdrawn (kept, its index number never reused). */
export const entryStatuses = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const;
export type EntryStatus = keyof typeof entryStatuses;

/** 政府信息公开指南 and 政府信息公开制度: per organisation, each edit a new version. */
export const disclosureTextKinds = { guide: '政府信息公开指南', rules: '政府信息公开制度' } as const;
export type DisclosureTextKind = keyof typeof disclosureTextKinds;

/** Proactive disclosure is due within 20 working days of the information's creation (条例 第二十六条). */
export const PROACTIVE_LIMIT_DAYS = 20;

/** 申请人: a natural person, or one of the five kinds of legal person or other organisation of the 2021 report template. */
export const applicantKinds = {
  person: '自然人',
  business: '商业企业',
  research: '科研机构',
  public_welfare: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他',
} as const;
export type ApplicantKind = keyof typeof applicantKinds;
export const applicantKindKeys = Object.keys(applicantKinds) as ApplicantKind[];

/** 获取信息的方式. */
export const deliveryForms = { paper: '纸质', electronic: '电子' } as const;
export type DeliveryForm = keyof typeof deliveryForms;

/**
 * A request's state: received (待受理) → accepted (办理中) ⇄ correction (待补正: the clock stops, and
 * restarts from the corrected submission) / consulting (征求第三方意见: the clock pauses) → replied (已答复).
 */
export const requestStatuses = {
  received: '待受理',
  accepted: '办理中',
  correction: '待补正',
  consulting: '征求第三方意见',
  replied: '已答复',
} as const;
export type RequestStatus = keyof typeof requestStatuses;
export const openRequestStatuses: readonly RequestStatus[] = ['received', 'accepted', 'correction', 'consulting'];

/** What happened to a request, in its history. */
export const requestActions = {
  submit: '提交申请',
  accept: '受理',
  correction: '补正告知',
  corrected: '申请人补正',
  consult: '征求第三方意见',
  consulted: '第三方意见返回',
  extend: '延期答复',
  reply: '答复',
  remind: '到期提醒',
} as const;
export type RequestAction = keyof typeof requestActions;

/** Statutory limits in working days (条例 第三十条–第三十三条). */
export const requestLimits = {
  /** Reply within 20 working days of receipt. */
  replyDays: 20,
  /** One extension of at most 20 working days. */
  maxExtensionDays: 20,
  /** One correction notice, within 7 working days of receipt. */
  correctionWithinDays: 7,
  /** Third-party consultation: at most 15 working days, not counted. */
  maxConsultationDays: 15,
  /** A request is "due soon" this many working days before its deadline. */
  dueSoonDays: 3,
} as const;

/**
 * The seven kinds of reply (条例 第三十六条); 予以公开 and 部分公开 are the one kind "provided",
 * told apart because the annual report counts them apart.
 */
export const replyKinds = {
  already_public: '已主动公开（告知获取途径）',
  provided: '予以公开',
  partly_provided: '部分公开',
  refused: '不予公开',
  not_exist: '信息不存在',
  not_held: '非本机关负责公开',
  repeat: '重复申请',
  other_law: '按其他法律法规处理',
} as const;
export type ReplyKind = keyof typeof replyKinds;
export const replyKindKeys = Object.keys(replyKinds) as ReplyKind[];

/** 不予公开 grounds, as the 2021 report template breaks them down (三、（三）1–8). */
export const refusalGrounds = {
  state_secret: '属于国家秘密',
  prohibited_by_law: '其他法律行政法规禁止公开',
  security_stability: '危及“三安全一稳定”',
  third_party: '保护第三方合法权益',
  internal_affairs: '属于三类内部事务信息',
  process_info: '属于四类过程性信息',
  enforcement_file: '属于行政执法案卷',
  inquiry: '属于行政查询事项',
} as const;
export type RefusalGround = keyof typeof refusalGrounds;

/** 无法提供 reasons (三、（四）1–3); 信息不存在 picks one, 非本机关负责 counts as the first. */
export const unavailableReasons = {
  not_held: '本机关不掌握相关政府信息',
  needs_creation: '没有现成信息需要另行制作',
  unclear: '补正后申请内容仍不明确',
} as const;
export type UnavailableReason = keyof typeof unavailableReasons;

/**
 * The rows of 三、本年度办理结果 in the 2021 template (国办公开办函〔2021〕30号), in order. Each key is
 * a cell row of the matrix; `total` is （七）总计.
 */
export const outcomeRows = [
  { key: 'provided', label: '（一）予以公开' },
  { key: 'partly_provided', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  ...Object.entries(refusalGrounds).map(([k, label], i) => ({ key: `refused.${k}`, label: `（三）不予公开 ${i + 1}.${label}` })),
  ...Object.entries(unavailableReasons).map(([k, label], i) => ({ key: `unavailable.${k}`, label: `（四）无法提供 ${i + 1}.${label}` })),
  { key: 'not_processed.petition', label: '（五）不予处理 1.信访举报投诉类申请' },
  { key: 'not_processed.repeat', label: '（五）不予处理 2.重复申请' },
  { key: 'not_processed.publication', label: '（五）不予处理 3.要求提供公开出版物' },
  { key: 'not_processed.mass', label: '（五）不予处理 4.无正当理由大量反复申请' },
  { key: 'not_processed.confirm', label: '（五）不予处理 5.要求行政机关确认或重新出具已获取信息' },
  { key: 'other.no_correction', label: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { key: 'other.unpaid', label: '（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { key: 'other.other', label: '（六）其他处理 3.其他' },
] as const satisfies readonly { key: string; label: string }[];
export type OutcomeRow = (typeof outcomeRows)[number]['key'];

/** The matrix's columns: 自然人, the five kinds of 法人或其他组织, 总计. */
export const matrixColumns = [...applicantKindKeys, 'total'] as const;
export type MatrixColumn = (typeof matrixColumns)[number];

/** One row of the request matrix: a count per applicant kind and the total. */
export type MatrixRow = Record<MatrixColumn, number>;

/** 三、本年度办理结果 row a reply is counted in. */
export function outcomeRowOf(reply: { kind: ReplyKind; refusalGround?: string | null; unavailableReason?: string | null }): OutcomeRow {
  switch (reply.kind) {
    case 'already_public':
    case 'provided':
      return 'provided';
    case 'partly_provided':
      return 'partly_provided';
    case 'refused':
      return `refused.${(reply.refusalGround ?? 'prohibited_by_law') as RefusalGround}`;
    case 'not_exist':
      return `unavailable.${(reply.unavailableReason ?? 'not_held') as UnavailableReason}`;
    case 'not_held':
      return 'unavailable.not_held';
    case 'repeat':
      return 'not_processed.repeat';
    case 'other_law':
      return 'other.other';
  }
}

/** 第四部分: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), each by outcome. */
export const reviewOutcomes = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' } as const;
export type ReviewOutcome = keyof typeof reviewOutcomes;
export const reviewGroups = { review: '行政复议', suit_direct: '行政诉讼（未经复议直接起诉）', suit_after_review: '行政诉讼（复议后起诉）' } as const;
export type ReviewGroup = keyof typeof reviewGroups;

/** The annual report's hand-written text sections. */
export const reportSections = {
  overview: '一、总体情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
} as const;
export type ReportSection = keyof typeof reportSections;

/** Annual report states: a draft is edited; a balanced report is published on the disclosure platform. */
export const reportStatuses = { draft: '草稿', published: '已发布' } as const;
export type ReportStatus = keyof typeof reportStatuses;

/** An index number: `机构代码/年-序号`, e.g. `000014349/2017-00110` (序号 five digits). */
export function formatIndexNumber(orgCode: string, year: number, serial: number): string {
  return `${orgCode}/${year}-${String(serial).padStart(5, '0')}`;
}

/** A request's tracking code: `YSQ` + year + 6 characters, easy to read aloud (no 0/O, 1/I). */
export const trackingCodePattern = /^YSQ\d{4}[2-9A-HJ-NP-Z]{6}$/;
