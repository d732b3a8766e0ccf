import { App as AntApp, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { reportStatuses } from '../../shared/disclosure.js';
import { useGenerateReport, useReports, type DisclosureReportSummary } from '../api/disclosure.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { todayInShanghai } from './working-days.js';

/** 年度报告: the organisation's reports by year, and generating (or regenerating) a year's draft from the data. */
export function ReportsTab({ orgId, writes }: { orgId: string; writes: boolean }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const reports = useReports(orgId);
  const generate = useGenerateReport();
  const [year, setYear] = useState<number | null>(Number(todayInShanghai().slice(0, 4)) - 1);
  if (reports.error) return <QueryError error={reports.error} />;
  const items = reports.data?.items ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {writes && (
        <Space wrap>
          <label htmlFor="report-year" className="wb-field-label" style={{ margin: 0 }}>年度</label>
          <InputNumber id="report-year" min={2008} max={2100} precision={0} value={year} onChange={setYear} />
          <Button
            type="primary"
            disabled={!year}
            loading={generate.isPending}
            onClick={() =>
              year &&
              generate.mutate(
                { orgId, year },
                { onSuccess: (r) => (void message.success(`已按数据生成 ${r.year} 年度报告草稿`), void navigate(`/disclosure/reports/${r.id}`)), onError: (e) => void message.error(e.message) },
              )
            }
          >
            按数据生成
          </Button>
          <Typography.Text type="secondary">重新生成草稿时保留已填写的文字、第四部分和手填数字。</Typography.Text>
        </Space>
      )}
      <Table<DisclosureReportSummary>
        rowKey="id"
        size="middle"
        loading={reports.isLoading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '尚无年度报告' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 100, render: (y: number, r) => <Link to={`/disclosure/reports/${r.id}`}>{y} 年度</Link> },
          { title: '状态', dataIndex: 'status', width: 100, render: (s: keyof typeof reportStatuses) => <Tag color={s === 'published' ? 'green' : 'default'}>{reportStatuses[s]}</Tag> },
          { title: '第三部分平衡', key: 'balance', width: 140, render: (_: unknown, r) => (r.balance.balanced ? <Tag color="green">平衡</Tag> : <Tag color="red">不平衡</Tag>) },
          { title: '最后保存', key: 'updated', render: (_: unknown, r) => `${r.updatedByName} · ${formatDateTime(r.updatedAt)}` },
          { title: '发布时间', dataIndex: 'publishedAt', render: (v: string | null) => formatDateTime(v) },
        ]}
      />
    </Space>
  );
}
