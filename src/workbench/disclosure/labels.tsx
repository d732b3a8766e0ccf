import { Tag, type FormInstance } from 'antd';
import {
  disclosureCategories,
  entryStatuses,
  entryValidities,
  requestStatuses,
  type DisclosureCategory,
  type EntryStatus,
  type EntryValidity,
  type RequestStatus,
} from '../../shared/disclosure.js';
import { ApiError } from '../api/client.js';

export const categoryOptions = Object.entries(disclosureCategories).map(([value, label]) => ({ value: value as DisclosureCategory, label }));
export const validityOptions = Object.entries(entryValidities).map(([value, label]) => ({ value: value as EntryValidity, label }));
export const entryStatusOptions = Object.entries(entryStatuses).map(([value, label]) => ({ value: value as EntryStatus, label }));

const entryStatusColors: Record<EntryStatus, string> = { draft: 'default', published: 'green', withdrawn: 'volcano' };
export const EntryStatusTag = ({ status }: { status: EntryStatus }) => <Tag color={entryStatusColors[status]}>{entryStatuses[status]}</Tag>;

const validityColors: Record<EntryValidity, string> = { valid: 'blue', expired: 'orange', abolished: 'red' };
export const ValidityTag = ({ validity }: { validity: EntryValidity }) => <Tag color={validityColors[validity]}>{entryValidities[validity]}</Tag>;

/** 超期公开: published more than 20 working days after 成文日期. */
export const LateTag = ({ late, days }: { late: boolean | null; days: number | null }) =>
  late ? <Tag color="red" title={days === null ? undefined : `成文后第 ${days} 个工作日发布`}>超期公开</Tag> : null;

const requestStatusColors: Record<RequestStatus, string> = { received: 'gold', accepted: 'blue', correction: 'purple', consulting: 'cyan', replied: 'green' };
export const RequestStatusTag = ({ status }: { status: RequestStatus }) => <Tag color={requestStatusColors[status]}>{requestStatuses[status]}</Tag>;

export type DeadlineState = 'overdue' | 'due_soon' | 'in_time' | null;

/** The deadline with what is left, as the officer reads it: 剩 N 个工作日, 今日到期, 已逾期 N 个工作日. */
export function DeadlineText({ deadline, state, remaining }: { deadline: string | null; state: DeadlineState; remaining?: number | null }) {
  if (!deadline) return <>—</>;
  const color = state === 'overdue' ? 'red' : state === 'due_soon' ? 'orange' : undefined;
  const left =
    remaining === undefined || remaining === null ? null
    : remaining > 0 ? `剩 ${remaining} 个工作日`
    : remaining === 0 ? '今日到期'
    : `已逾期 ${-remaining} 个工作日`;
  return (
    <span>
      {deadline}
      {left && <Tag color={color} style={{ marginInlineStart: 8 }}>{left}</Tag>}
      {!left && state === 'overdue' && <Tag color="red" style={{ marginInlineStart: 8 }}>已逾期</Tag>}
      {!left && state === 'due_soon' && <Tag color="orange" style={{ marginInlineStart: 8 }}>即将到期</Tag>}
    </span>
  );
}

/** Puts the server's field problems (`body.x`) on the form's fields; true when any was placed. */
export function showFieldErrors(form: FormInstance, error: unknown, names: readonly string[]): boolean {
  if (!(error instanceof ApiError)) return false;
  const byField = new Map<string, string[]>();
  for (const f of error.fields) {
    const name = f.path.replace(/^body\./, '');
    if (names.includes(name)) byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
