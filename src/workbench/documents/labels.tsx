import { Tag } from 'antd';
import { documentStatusLabels, secrecyLabels, urgencyLabels, type DocumentStatus, type Secrecy, type Urgency } from '../../shared/documents.js';

const statusColours: Record<DocumentStatus, string> = { draft: 'default', reviewing: 'processing', signed: 'blue', issued: 'success', cancelled: 'error' };

export const StatusTag = ({ status }: { status: DocumentStatus }) => <Tag color={statusColours[status]}>{documentStatusLabels[status]}</Tag>;

/** 紧急程度 and 密级, shown only when they are not the ordinary (普通, 非密). */
export function MarkTags({ urgency, secrecy }: { urgency: Urgency; secrecy: Secrecy }) {
  return (
    <>
      {urgency !== 'normal' && <Tag color={urgency === 'very_urgent' ? 'red' : 'orange'}>{urgencyLabels[urgency]}</Tag>}
      {secrecy !== 'none' && <Tag color="magenta">{secrecyLabels[secrecy]}</Tag>}
    </>
  );
}

/** A deadline with its overdue mark (red, and said in words). */
export function DueTag({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  if (!dueOn) return <span>不限</span>;
  return overdue ? <Tag color="red">已超期 · {dueOn}</Tag> : <span>{dueOn}</span>;
}
