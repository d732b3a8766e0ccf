import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { auditExportUrl, useAuditEvents, useVerifyAuditLog, type AuditEvent, type AuditFilter } from '../api/audit.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { AuditEventDrawer } from './audit-event-drawer.js';
import { AuditFilterForm } from './audit-filter-form.js';
import { actionLabel, outcomeLabels } from './labels.js';

const problemLabels: Record<string, string> = {
  altered: '被篡改',
  missing: '缺失',
  checkpoint_forged: '检查点签名无效',
  checkpoint_mismatch: '与签名检查点不符',
  head_mismatch: '链头不符',
};

/** /workbench/audit: the 审计管理员 searches, exports and verifies the audit log. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const events = useAuditEvents(filter);
  const verify = useVerifyAuditLog();
  const [shown, setShown] = useState<AuditEvent>();

  if (events.isError && events.error.status === 403) return <QueryError error={events.error} />;
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>审计日志</Typography.Title>}
      extra={
        <Space>
          <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
            校验日志
          </Button>
          <Dropdown
            menu={{
              items: [
                { key: 'jsonl', label: <a href={auditExportUrl(filter, 'jsonl')} download>JSON Lines（.jsonl）</a> },
                { key: 'csv', label: <a href={auditExportUrl(filter, 'csv')} download>CSV（.csv，可用 Excel 打开）</a> },
              ],
            }}
          >
            <Button icon={<DownloadOutlined />}>按当前条件导出</Button>
          </Dropdown>
        </Space>
      }
    >
      <title>审计日志 · 兴安政务平台</title>
      {verify.data && (
        <Alert
          role="status"
          className="wb-verify-result"
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          title={verify.data.ok ? '校验通过：审计日志完整，未被篡改' : `校验未通过：首个异常记录 seq ${verify.data.seq ?? '?'}（${problemLabels[verify.data.problem ?? ''] ?? '异常'}）`}
          description={verify.data.message}
          style={{ marginBottom: 16 }}
        />
      )}
      {verify.error && <Alert type="error" showIcon title={verify.error.message} style={{ marginBottom: 16 }} />}
      <AuditFilterForm onSearch={setFilter} />
      {events.isError && <QueryError error={events.error} />}
      <Table<AuditEvent>
        rowKey="seq"
        size="middle"
        loading={events.isFetching && !events.isFetchingNextPage}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '没有符合条件的审计记录' }}
        onRow={(e) => ({ onClick: () => setShown(e), style: { cursor: 'pointer' } })}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 180, render: formatDateTime },
          { title: '操作人', key: 'actor', render: (_v, e) => e.actorName ?? <Typography.Text type="secondary">匿名</Typography.Text> },
          {
            title: '动作',
            dataIndex: 'action',
            render: (action: string) => (
              <span>
                {actionLabel(action) ?? action}
                {actionLabel(action) && <Typography.Text type="secondary" className="wb-kind">{action}</Typography.Text>}
              </span>
            ),
          },
          { title: '对象', key: 'object', render: (_v, e) => (e.object ? `${e.object.type}${e.object.id ? ` · ${e.object.id}` : ''}` : '—') },
          { title: '结果', dataIndex: 'outcome', width: 80, render: (o: AuditEvent['outcome']) => <Tag color={outcomeLabels[o].color}>{outcomeLabels[o].label}</Tag> },
          { title: 'IP 地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
        ]}
        footer={() => (
          <Space>
            <Typography.Text type="secondary">已显示 {rows.length} 条（新的在前）</Typography.Text>
            {events.hasNextPage && (
              <Button loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                加载更多
              </Button>
            )}
          </Space>
        )}
      />
      <AuditEventDrawer event={shown} onClose={() => setShown(undefined)} onFilterActor={(actorId) => (setShown(undefined), setFilter({ actorId }))} />
    </Card>
  );
}
