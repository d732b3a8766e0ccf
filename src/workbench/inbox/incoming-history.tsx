import { Card, Space, Table, Tag, Timeline, Typography } from 'antd';
import { incomingEventActions, reminderKinds, type IncomingEventAction, type ReminderKind } from '../../shared/documents-receiving.js';
import type { CirculationEntry, Incoming, IncomingEvent, IncomingReminder } from '../api/inbox.js';
import { formatDateTime } from '../shell/format.js';

const eventColors: Partial<Record<IncomingEventAction, string>> = { return: 'red', remind: 'orange', complete: 'green', file: 'green', instruct: 'purple' };

/** A line under an event saying what its details mean: the number, units and deadline, the readers, the reply. */
function eventFacts(event: IncomingEvent, doc: Incoming): string | null {
  const d = (event.details ?? {}) as Record<string, unknown>;
  const nameOf = (id: unknown) => [doc.leadUnit, ...doc.coUnits].find((u) => u?.orgId === id)?.name ?? null;
  switch (event.action) {
    case 'register':
      return typeof d.receiptNumber === 'string' ? `收文编号 ${d.receiptNumber}` : null;
    case 'instruct': {
      const parts: string[] = [];
      const lead = nameOf(d.leadOrgId);
      if (lead) parts.push(`承办：${lead}`);
      const co = Array.isArray(d.coOrgIds) ? d.coOrgIds.map(nameOf).filter(Boolean) : [];
      if (co.length) parts.push(`协办：${co.join('、')}`);
      if (typeof d.deadline === 'string') parts.push(`时限：${d.deadline}（${String(d.workingDays)} 个工作日）`);
      return parts.length ? parts.join('；') : '阅件，无需承办';
    }
    case 'handle':
      return d.role === 'co' ? '协办意见' : null;
    case 'circulate':
      return Array.isArray(d.readers) ? `送阅：${d.readers.map((r) => (r as { name?: string }).name ?? '').join('、')}` : null;
    case 'complete': {
      const reply = doc.replyDocument;
      return reply && d.replyDocumentId === reply.id ? `复文：${reply.docNumber ?? ''}${reply.title}` : null;
    }
    default:
      return null;
  }
}

/** 处理记录: every step with who, when and the opinion. */
export function EventTimeline({ doc }: { doc: Incoming }) {
  if (!doc.events.length) return <Typography.Text type="secondary">尚未办理</Typography.Text>;
  return (
    <Timeline
      items={doc.events.map((event, i) => {
        const facts = eventFacts(event, doc);
        return {
          key: i,
          color: eventColors[event.action] ?? 'blue',
          content: (
            <div>
              <Typography.Text strong>{incomingEventActions[event.action]}</Typography.Text>
              <span className="wb-kind">
                {event.actorName} · {formatDateTime(event.at)}
              </span>
              {event.opinion && <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{event.opinion}</div>}
              {facts && <div><Typography.Text type="secondary">{facts}</Typography.Text></div>}
            </div>
          ),
        };
      })}
    />
  );
}

/** 传阅情况: who was given it, when, whether and when each has read it. */
export function CirculationTable({ entries }: { entries: readonly CirculationEntry[] }) {
  const read = entries.filter((e) => e.readAt).length;
  return (
    <Table<CirculationEntry>
      rowKey="userId"
      size="small"
      pagination={false}
      dataSource={entries as CirculationEntry[]}
      locale={{ emptyText: '尚未传阅' }}
      caption={entries.length ? <div style={{ textAlign: 'left', paddingBottom: 8 }}>已阅 {read} 人，未阅 {entries.length - read} 人</div> : undefined}
      columns={[
        { title: '阅件人', dataIndex: 'userName' },
        { title: '送阅人', dataIndex: 'sentByName' },
        { title: '送阅时间', dataIndex: 'sentAt', render: formatDateTime },
        { title: '阅读情况', dataIndex: 'readAt', render: (at: string | null) => (at ? <span>已阅 {formatDateTime(at)}</span> : <Tag color="orange">未阅</Tag>) },
        { title: '阅批意见', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
      ]}
    />
  );
}

function RemindersTable({ reminders }: { reminders: readonly IncomingReminder[] }) {
  return (
    <Table<IncomingReminder>
      rowKey={(r) => `${r.kind}-${r.sequence}-${r.at}`}
      size="small"
      pagination={false}
      dataSource={reminders as IncomingReminder[]}
      columns={[
        { title: '类别', dataIndex: 'kind', render: (k: ReminderKind) => <Tag color={k === 'overdue' ? 'red' : 'orange'}>{reminderKinds[k]}</Tag> },
        { title: '内容', dataIndex: 'message' },
        { title: '办理时限', dataIndex: 'deadline' },
        { title: '催办人', dataIndex: 'byName', render: (n: string | null) => n ?? '系统' },
        { title: '时间', dataIndex: 'at', render: formatDateTime },
      ]}
    />
  );
}

/** The lower half of the document's page: the record, the circulation, the reminders. */
export function IncomingHistory({ doc }: { doc: Incoming }) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>处理记录</Typography.Title>}>
        <EventTimeline doc={doc} />
      </Card>
      <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>传阅情况</Typography.Title>}>
        <CirculationTable entries={doc.circulation} />
      </Card>
      {doc.reminders.length > 0 && (
        <Card title={<Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>催办记录</Typography.Title>}>
          <RemindersTable reminders={doc.reminders} />
        </Card>
      )}
    </Space>
  );
}
