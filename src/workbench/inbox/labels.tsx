import { Tag } from 'antd';
import type { FormInstance } from 'antd';
import { incomingStepLabel, unitRoles, type IncomingStep } from '../../shared/documents-receiving.js';
import { secrecyLabels, urgencyLabels, type Secrecy, type Urgency } from '../../shared/documents.js';
import { ApiError } from '../api/client.js';

const stepColors: Record<IncomingStep, string> = {
  pending: 'orange',
  signed: 'gold',
  registered: 'cyan',
  reviewed: 'blue',
  proposed: 'geekblue',
  instructed: 'purple',
  handling: 'magenta',
  completed: 'green',
  returned: 'default',
};

export function StepTag({ step }: { step: string }) {
  return <Tag color={stepColors[step as IncomingStep] ?? 'default'}>{incomingStepLabel(step)}</Tag>;
}

/** 特急 and 加急 stand out; 普通 says nothing. */
export function UrgencyTag({ urgency }: { urgency: string }) {
  if (urgency === 'normal') return null;
  return <Tag color={urgency === 'very_urgent' ? 'red' : 'volcano'}>{urgencyLabels[urgency as Urgency] ?? urgency}</Tag>;
}

export function SecrecyTag({ secrecy }: { secrecy: string }) {
  if (secrecy === 'none') return null;
  return <Tag color="red">{secrecyLabels[secrecy as Secrecy] ?? secrecy}</Tag>;
}

export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? <Tag color="error">逾期</Tag> : null;
}

/** 主办 / 协办: the list shows an item another organisation gave this one to handle. */
export function AssignedTag({ as }: { as: string | null }) {
  if (!as) return null;
  return <Tag color="purple">{unitRoles[as as keyof typeof unitRoles] ?? as}</Tag>;
}

/** Working days left on the 催办 board: negative is overdue. */
export function daysLeftText(days: number): string {
  if (days < 0) return `已逾期 ${-days} 个工作日`;
  if (days === 0) return '今日到期';
  return `剩 ${days} 个工作日`;
}

/** Puts the server's field problems under the matching inputs; the rest is for a message. */
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
