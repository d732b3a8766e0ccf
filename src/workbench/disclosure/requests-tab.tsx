import { Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { applicantKinds, type ApplicantKind, type RequestStatus } from '../../shared/disclosure.js';
import { useRequests, type DisclosureRequest, type RequestListQuery } from '../api/disclosure.js';
import { QueryError } from '../shell/forbidden.js';
import { DeadlineText, RequestStatusTag } from './labels.js';
import { remainingWorkingDays } from './working-days.js';

const views = [
  { key: 'open', label: '待处理', query: { due: 'open' }, empty: '没有待处理的申请' },
  { key: 'soon', label: '即将到期', query: { due: 'soon' }, empty: '没有3个工作日内到期的申请' },
  { key: 'overdue', label: '已逾期', query: { due: 'overdue' }, empty: '没有逾期的申请' },
  { key: 'replied', label: '已办结', query: { status: 'replied' }, empty: '没有已答复的申请' },
] as const satisfies readonly { key: string; label: string; query: Partial<RequestListQuery>; empty: string }[];

/** 依申请公开: the organisation's requests by deadline (待处理, 即将到期, 已逾期) and the finished ones. */
export function RequestsTab({ orgId }: { orgId: string }) {
  const [view, setView] = useState<(typeof views)[number]['key']>('open');
  return (
    <Tabs
      type="card"
      size="small"
      activeKey={view}
      onChange={(k) => setView(k as typeof view)}
      destroyOnHidden
      items={views.map((v) => ({ key: v.key, label: v.label, children: <RequestTable orgId={orgId} query={v.query} empty={v.empty} /> }))}
    />
  );
}

function RequestTable({ orgId, query, empty }: { orgId: string; query: Partial<RequestListQuery>; empty: string }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequests({ orgId, page, pageSize, ...query });
  if (list.error) return <QueryError error={list.error} />;
  const today = list.data?.today;
  return (
    <Table<DisclosureRequest>
      rowKey="id"
      size="middle"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: empty }}
      scroll={{ x: 1000 }}
      pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: (p, s) => (setPage(p), setPageSize(s)) }}
      columns={[
        { title: '查询码', dataIndex: 'trackingCode', width: 150, render: (code: string, r) => <Link to={`/disclosure/requests/${r.id}`}>{code}</Link> },
        {
          title: '申请人',
          dataIndex: 'applicantName',
          width: 170,
          render: (name: string, r) => (
            <>
              {name}
              <Typography.Text type="secondary"> · {applicantKinds[r.applicantKind as ApplicantKind]}</Typography.Text>
            </>
          ),
        },
        { title: '所需信息', dataIndex: 'content', ellipsis: true },
        { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
        {
          title: '答复期限',
          dataIndex: 'deadline',
          width: 230,
          render: (deadline: string | null, r) =>
            r.status === 'replied' ? (
              <>答复于 {r.repliedOn ?? '—'}</>
            ) : r.status === 'correction' ? (
              <Typography.Text type="secondary">待补正，补正后重新计算</Typography.Text>
            ) : r.status === 'consulting' ? (
              <Typography.Text type="secondary">征求第三方意见，暂停计时</Typography.Text>
            ) : (
              <DeadlineText deadline={deadline} state={r.deadlineState} remaining={deadline && today ? remainingWorkingDays(deadline, today) : null} />
            ),
        },
        { title: '状态', dataIndex: 'status', width: 120, render: (s: RequestStatus) => <RequestStatusTag status={s} /> },
      ]}
    />
  );
}
