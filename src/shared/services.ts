/**
 * Contracts of the government service item catalogue (政务服务事项目录 and 办事指南) shared by the server
 * and the workbench: item kinds and levels, the guide's elements, and the check that a guide is complete.
 */

/** 事项类型: the kinds of 政务服务事项 a citizen or enterprise applies for. */
export const serviceItemKinds = {
  license: '行政许可',
  confirmation: '行政确认',
  payment: '行政给付',
  levy: '行政征收',
  reward: '行政奖励',
  ruling: '行政裁决',
  other_power: '其他行政权力',
  public_service: '公共服务',
} as const;
export type ServiceItemKind = keyof typeof serviceItemKinds;
export const serviceItemKindKeys = Object.keys(serviceItemKinds) as ServiceItemKind[];

/** 事项层级: 主项 → 子项 → 业务办理项 (the last names its 办理项类型). */
export const serviceItemLevels = { main: '主项', sub: '子项', handling: '业务办理项' } as const;
export type ServiceItemLevel = keyof typeof serviceItemLevels;

/** The levels an item of a level may belong to (a 子项 to a 主项, a 业务办理项 to a 主项 or 子项). */
export const parentLevels: Readonly<Record<ServiceItemLevel, readonly ServiceItemLevel[]>> = { main: [], sub: ['main'], handling: ['main', 'sub'] };

/** 业务办理项类型. */
export const handlingKinds = { new: '新设', change: '变更', renew: '延续', cancel: '注销' } as const;
export type HandlingKind = keyof typeof handlingKinds;

/** 办件类型: 即办件 is decided on the spot (承诺时限 0); 承诺件 within the promised working days. */
export const serviceHandlingTypes = { instant: '即办件', promised: '承诺件' } as const;
export type ServiceHandlingType = keyof typeof serviceHandlingTypes;

/** 服务对象. */
export const serviceAudiences = { person: '自然人', legal: '法人' } as const;
export type ServiceAudience = keyof typeof serviceAudiences;

/** 网上办理深度. */
export const onlineDepths = { full: '全程网办', partial: '网上预审', offline: '窗口办理' } as const;
export type OnlineDepth = keyof typeof onlineDepths;

/** 材料形式. */
export const materialForms = { original: '原件', copy: '复印件', both: '原件和复印件', electronic: '电子材料' } as const;
export type MaterialForm = keyof typeof materialForms;

/** An item is prepared (草稿), published (in the guide and the search) or withdrawn (kept; its code never reused). */
export const serviceItemStatuses = { draft: '草稿', published: '已发布', withdrawn: '已撤回' } as const;
export type ServiceItemStatus = keyof typeof serviceItemStatuses;

/** One 申请材料. */
export interface ServiceMaterial {
  readonly name: string;
  readonly form: MaterialForm;
  readonly copies: number;
  readonly required: boolean;
  /** 填报说明 or where the material comes from; may be empty. */
  readonly note: string;
}

/** One step of 办理流程. */
export interface ServiceStep {
  readonly name: string;
  readonly detail: string;
}

/** The 办事指南 of an item: every element the national guide standard names. */
export interface ServiceGuide {
  readonly name: string;
  /** 事项编码 (实施编码). */
  readonly code: string;
  readonly kind: ServiceItemKind;
  readonly level: ServiceItemLevel;
  readonly handlingKind: HandlingKind | null;
  /** 主管部门 (its name). */
  readonly competentDept: string;
  /** 设定和实施依据. */
  readonly basis: string;
  /** 受理条件. */
  readonly conditions: string;
  readonly materials: readonly ServiceMaterial[];
  readonly steps: readonly ServiceStep[];
  /** 法定时限, working days; null when the law sets none (only a 公共服务 may lack one). */
  readonly legalDays: number | null;
  /** 承诺时限, working days (0 for an 即办件); never more than 法定时限. */
  readonly promisedDays: number | null;
  readonly handlingType: ServiceHandlingType;
  /** 收费标准及依据; "不收费" when free. */
  readonly fee: string;
  /** 办理地点 and hours. */
  readonly place: string;
  /** 咨询电话. */
  readonly phone: string;
  /** 监督投诉电话; may be empty (the 12345 hotline then applies). */
  readonly complaintPhone: string;
  readonly audiences: readonly ServiceAudience[];
  readonly onlineDepth: OnlineDepth;
}

/** The 办事指南 elements (要素) a published guide must carry, in the order the guide shows them. */
export const guideElements = {
  name: '事项名称',
  code: '事项编码',
  kind: '事项类型',
  competentDept: '主管部门',
  implementingOrg: '实施机关',
  basis: '设定和实施依据',
  conditions: '受理条件',
  materials: '申请材料',
  steps: '办理流程',
  legalDays: '法定时限',
  promisedDays: '承诺时限',
  fee: '收费标准',
  place: '办理地点',
  phone: '咨询电话',
  complaintPhone: '监督投诉电话',
  audiences: '服务对象',
} as const;
export type GuideElement = keyof typeof guideElements;

/** 事项编码: capital letters, digits and hyphens, 8 to 40 characters (the national 实施编码 is 31 or more). */
export const SERVICE_CODE_PATTERN = /^[0-9A-Z][0-9A-Z-]{6,38}[0-9A-Z]$/;

/** A guide's phone numbers: a fixed line with area code, a mobile, or a 12xxx government hotline (12345). */
export const SERVICE_PHONE_PATTERN = /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1\d{10}|12\d{3})$/;

/** Where complaints go when a guide names no number of its own. */
export const DEFAULT_COMPLAINT_PHONE = '12345';

const blank = (text: string | null | undefined) => !text || !text.trim();

/**
 * The guide elements a guide lacks or gets wrong, in guide order; empty when the guide is complete.
 * Publishing refuses a guide with gaps, and the self-inspection (检查指标: 办事指南要素缺失) reports them.
 */
export function missingGuideElements(guide: ServiceGuide & { readonly implementingOrg: string }): GuideElement[] {
  const missing: GuideElement[] = [];
  if (blank(guide.name)) missing.push('name');
  if (!SERVICE_CODE_PATTERN.test(guide.code)) missing.push('code');
  if (!(guide.kind in serviceItemKinds)) missing.push('kind');
  if (blank(guide.competentDept)) missing.push('competentDept');
  if (blank(guide.implementingOrg)) missing.push('implementingOrg');
  if (blank(guide.basis)) missing.push('basis');
  if (blank(guide.conditions)) missing.push('conditions');
  // Paper materials come in at least one copy; an electronic one may be fetched by the office itself (0).
  if (guide.materials.length === 0 || guide.materials.some((m) => blank(m.name) || (m.form !== 'electronic' && m.copies < 1))) missing.push('materials');
  if (guide.steps.length === 0 || guide.steps.some((s) => blank(s.name))) missing.push('steps');
  if (guide.legalDays === null ? guide.kind !== 'public_service' : guide.legalDays < 0) missing.push('legalDays');
  const promised = guide.promisedDays;
  if (promised === null || promised < 0 || (guide.legalDays !== null && promised > guide.legalDays) || (guide.handlingType === 'instant') !== (promised === 0)) {
    missing.push('promisedDays');
  }
  if (blank(guide.fee)) missing.push('fee');
  if (blank(guide.place)) missing.push('place');
  if (!SERVICE_PHONE_PATTERN.test(guide.phone.replace(/\s/g, ''))) missing.push('phone');
  if (!blank(guide.complaintPhone) && !SERVICE_PHONE_PATTERN.test(guide.complaintPhone.replace(/\s/g, ''))) missing.push('complaintPhone');
  if (guide.audiences.length === 0) missing.push('audiences');
  return missing;
}

/** The share of published items that can be done wholly online (网上可办率 counts 全程网办 and 网上预审). */
export const onlineCapable = (depth: OnlineDepth): boolean => depth !== 'offline';
