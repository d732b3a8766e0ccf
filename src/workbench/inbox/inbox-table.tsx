import { Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { documentKindLabel, recipientRoleLabels, type RecipientRole } from '../../shared/documents.js';
import type { InboxItem, ReadingItem } from '../api/inbox.js';
import { formatDateTime } from '../shell/format.js';
import { AssignedTag, OverdueTag, SecrecyTag, StepTag, UrgencyTag } from './labels.js';

type Paging = TableProps<InboxItem>['pagination'];

/** The title cell: a link to the document, with its urgency, secrecy and how this unit holds it. */
export function TitleCell({ item }: { item: Pick<InboxItem, 'id' | 'title' | 'urgency' | 'secrecy'> & Partial<Pick<InboxItem, 'assignedAs'>> }) {
  return (
    <Space size={4} wrap>
      <Link to={`/inbox/${item.id}`}>{item.title}</Link>
      <UrgencyTag urgency={item.urgency} />
      <SecrecyTag secrecy={item.secrecy} />
      <AssignedTag as={item.assignedAs ?? null} />
    </Space>
  );
}

/** One page of an inbox: number, title, sender, step, deadline with its overdue mark. */
export function InboxTable({ items, loading, pagination }: { items: readonly InboxItem[] | undefined; loading: boolean; pagination: Paging }) {
  return (
    <Table<InboxItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items as InboxItem[] | undefined}
      pagination={pagination}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '没有收文' }}
      columns={[
        { title: '收文编号', dataIndex: 'receiptNumber', width: 130, render: (n: string | null) => n ?? <Typography.Text type="secondary">未登记</Typography.Text> },
        { title: '标题', key: 'title', render: (_v, item) => <TitleCell item={item} /> },
        {
          title: '来文机关',
          key: 'sender',
          width: 220,
          render: (_v, item) => (
            <span>
              {item.senderName}
              {item.senderNumber && <Typography.Text type="secondary" className="wb-kind">{item.senderNumber}</Typography.Text>}
            </span>
          ),
        },
        {
          title: '文种',
          key: 'kind',
          width: 110,
          render: (_v, item) => (
            <Space size={4}>
              {item.kind ? documentKindLabel(item.kind) : '—'}
              {item.source === 'paper' && <Tag>纸质</Tag>}
              {item.recipientRole && <Typography.Text type="secondary">{recipientRoleLabels[item.recipientRole as RecipientRole]}</Typography.Text>}
            </Space>
          ),
        },
        { title: '收到时间', dataIndex: 'receivedAt', width: 170, render: formatDateTime },
        { title: '环节', dataIndex: 'step', width: 100, render: (step: string) => <StepTag step={step} /> },
        {
          title: '办理时限',
          key: 'deadline',
          width: 150,
          render: (_v, item) =>
            item.deadline ? (
              <Space size={4}>
                {item.deadline}
                <OverdueTag overdue={item.overdue} />
              </Space>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

/** 传阅: what was given to the user to read, with when it was sent and whether it is read. */
export function ReadingTable({ items, loading, pagination }: { items: readonly ReadingItem[] | undefined; loading: boolean; pagination: TableProps<ReadingItem>['pagination'] }) {
  return (
    <Table<ReadingItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items as ReadingItem[] | undefined}
      pagination={pagination}
      scroll={{ x: 900 }}
      locale={{ emptyText: '没有传阅给您的文件' }}
      columns={[
        { title: '收文编号', dataIndex: 'receiptNumber', width: 130, render: (n: string | null) => n ?? '—' },
        { title: '标题', key: 'title', render: (_v, item) => <TitleCell item={{ ...item, secrecy: 'none' }} /> },
        { title: '来文机关', dataIndex: 'senderName', width: 200 },
        { title: '传阅人', dataIndex: 'sentByName', width: 100 },
        { title: '送阅时间', dataIndex: 'sentAt', width: 170, render: formatDateTime },
        {
          title: '阅读',
          dataIndex: 'readAt',
          width: 190,
          render: (readAt: string | null) => (readAt ? <span>已阅 {formatDateTime(readAt)}</span> : <Tag color="orange">未阅</Tag>),
        },
      ]}
    />
  );
}
