import type { FormInstance } from 'antd';
import type { GuideElement, HandlingKind, MaterialForm, OnlineDepth, ServiceAudience, ServiceHandlingType, ServiceItemKind, ServiceItemLevel } from '../../shared/services.js';
import { ApiError } from '../api/client.js';
import type { ServiceGuideBody, ServiceItem } from '../api/services.js';

/** The guide as the form holds it: 法律未规定 is a checkbox beside 法定时限. */
export interface GuideValues {
  name: string;
  code: string;
  kind: ServiceItemKind | undefined;
  level: ServiceItemLevel;
  handlingKind: HandlingKind | null;
  parentId: string | null;
  competentDept: string;
  basis: string;
  conditions: string;
  materials: { name: string; form: MaterialForm; copies: number | null; required: boolean; note: string }[];
  steps: { name: string; detail: string }[];
  legalDays: number | null;
  noLegalLimit: boolean;
  handlingType: ServiceHandlingType;
  promisedDays: number | null;
  fee: string;
  place: string;
  phone: string;
  complaintPhone: string;
  audiences: ServiceAudience[];
  onlineDepth: OnlineDepth;
}

export const emptyGuide: GuideValues = {
  name: '',
  code: '',
  kind: undefined,
  level: 'main',
  handlingKind: null,
  parentId: null,
  competentDept: '',
  basis: '',
  conditions: '',
  materials: [],
  steps: [],
  legalDays: null,
  noLegalLimit: false,
  handlingType: 'promised',
  promisedDays: null,
  fee: '',
  place: '',
  phone: '',
  complaintPhone: '',
  audiences: [],
  onlineDepth: 'offline',
};

/** A saved item's guide, as the form shows it. */
export function valuesOf(item: ServiceItem): GuideValues {
  return {
    name: item.name,
    code: item.code,
    kind: item.kind,
    level: item.level,
    handlingKind: item.handlingKind,
    parentId: item.parentId,
    competentDept: item.competentDept,
    basis: item.basis,
    conditions: item.conditions,
    materials: item.materials.map((m) => ({ ...m })),
    steps: item.steps.map((s) => ({ ...s })),
    legalDays: item.legalDays,
    // A draft of another kind may lack 法定时限 too: only a 公共服务 says the law sets none.
    noLegalLimit: item.legalDays === null && item.kind === 'public_service',
    handlingType: item.handlingType,
    promisedDays: item.promisedDays,
    fee: item.fee,
    place: item.place,
    phone: item.phone,
    complaintPhone: item.complaintPhone,
    audiences: [...item.audiences],
    onlineDepth: item.onlineDepth,
  };
}

const trimmed = (text: string | undefined) => (text ?? '').trim();

/** What the server is sent: a 即办件 promises 0 days; only a 业务办理项 names its 办理项类型; a 主项 has no parent. */
export function guideOf(v: GuideValues): ServiceGuideBody {
  return {
    name: trimmed(v.name),
    code: trimmed(v.code).toUpperCase(),
    kind: v.kind!,
    level: v.level,
    handlingKind: v.level === 'handling' ? (v.handlingKind ?? null) : null,
    parentId: v.level === 'main' ? null : (v.parentId ?? null),
    competentDept: trimmed(v.competentDept),
    basis: trimmed(v.basis),
    conditions: trimmed(v.conditions),
    materials: (v.materials ?? []).map((m) => ({ name: trimmed(m.name), form: m.form, copies: m.copies ?? 0, required: Boolean(m.required), note: trimmed(m.note) })),
    steps: (v.steps ?? []).map((s) => ({ name: trimmed(s.name), detail: trimmed(s.detail) })),
    legalDays: v.noLegalLimit && v.kind === 'public_service' ? null : (v.legalDays ?? null),
    promisedDays: v.handlingType === 'instant' ? 0 : (v.promisedDays ?? null),
    handlingType: v.handlingType,
    fee: trimmed(v.fee),
    place: trimmed(v.place),
    phone: trimmed(v.phone),
    complaintPhone: trimmed(v.complaintPhone),
    audiences: v.audiences ?? [],
    onlineDepth: v.onlineDepth,
  };
}

/** The form field of each guide element (实施机关 is the organisation, not a field). */
export const fieldOfElement: Partial<Record<GuideElement, keyof GuideValues>> = {
  name: 'name',
  code: 'code',
  kind: 'kind',
  competentDept: 'competentDept',
  basis: 'basis',
  conditions: 'conditions',
  materials: 'materials',
  steps: 'steps',
  legalDays: 'legalDays',
  promisedDays: 'promisedDays',
  fee: 'fee',
  place: 'place',
  phone: 'phone',
  complaintPhone: 'complaintPhone',
  audiences: 'audiences',
};

/** Where a refusal that names no field belongs. */
const fieldOfCode: Readonly<Record<string, keyof GuideValues>> = {
  'services.code_taken': 'code',
  'services.parent_invalid': 'parentId',
  'services.handling_kind_required': 'handlingKind',
  'services.promised_exceeds_legal': 'promisedDays',
  'services.instant_days': 'promisedDays',
};

const fieldNames = new Set<string>(Object.keys(emptyGuide));

/**
 * Puts the server's problems on the form's fields: schema errors by path (`body.materials.0.name` →
 * the first material's name) and the catalogue's rules by code. True when any was placed.
 */
export function showGuideErrors(form: FormInstance<GuideValues>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const add = (name: (string | number)[], message: string) => {
    const key = name.join('.');
    byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), message] });
  };
  for (const f of error.fields) {
    const name = f.path
      .replace(/^body\./, '')
      .split('.')
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    if (fieldNames.has(String(name[0]))) add(name, f.message);
  }
  const field = fieldOfCode[error.code];
  if (!byField.size && field) add([field], error.message);
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name: name as never, errors })));
  return byField.size > 0;
}
