import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../shell/format.js';
import { useInspectionOverview, useRunInspection, type OverviewRow } from './inspection-api.js';

const verdicts = { pass: ['达标', 'green'], warn: ['需整改', 'orange'], fail: ['单项否决', 'red'] } as const;

/** 网站自查: every site the user may see (the IT office's whole scope), sortable, with veto counts and last check. */
export function InspectionPage() {
  const overview = useInspectionOverview();
  const run = useRunInspection();
  const columns = [
    {
      title: '网站',
      key: 'site',
      sorter: (a: OverviewRow, b: OverviewRow) => a.site.nameZh.localeCompare(b.site.nameZh, 'zh-CN'),
      render: (_: unknown, row: OverviewRow) => <Link to={`/inspection/sites/${row.site.id}`}>{row.site.nameZh}</Link>,
    },
    { title: '主办单位', key: 'org', render: (_: unknown, row: OverviewRow) => row.site.orgName },
    {
      title: '结论',
      key: 'verdict',
      render: (_: unknown, row: OverviewRow) => {
        if (!row.latest) return <Tag>未检查</Tag>;
        const [label, color] = verdicts[row.latest.verdict];
        return <Tag color={color}>{label}</Tag>;
      },
    },
    {
      title: '单项否决',
      key: 'vetoes',
      defaultSortOrder: 'descend' as const,
      sorter: (a: OverviewRow, b: OverviewRow) => (a.latest?.vetoCount ?? -1) - (b.latest?.vetoCount ?? -1),
      render: (_: unknown, row: OverviewRow) =>
        row.vetoes.length ? (
          <Typography.Text type="danger">
            {row.vetoes.length}：{row.vetoes.join('、')}
          </Typography.Text>
        ) : (
          (row.latest?.vetoCount ?? '—')
        ),
    },
    { title: '问题数', key: 'findings', sorter: (a: OverviewRow, b: OverviewRow) => (a.latest?.findingCount ?? 0) - (b.latest?.findingCount ?? 0), render: (_: unknown, row: OverviewRow) => row.latest?.findingCount ?? '—' },
    { title: '指标达标率', key: 'rate', sorter: (a: OverviewRow, b: OverviewRow) => (a.latest?.passRate ?? 0) - (b.latest?.passRate ?? 0), render: (_: unknown, row: OverviewRow) => (row.latest ? `${row.latest.passRate}%` : '—') },
    {
      title: '最近检查',
      key: 'checked',
      sorter: (a: OverviewRow, b: OverviewRow) => (a.latest?.checkedAt ?? '').localeCompare(b.latest?.checkedAt ?? ''),
      render: (_: unknown, row: OverviewRow) => formatDateTime(row.latest?.checkedAt),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, row: OverviewRow) =>
        row.actions.includes('run') ? (
          <Button size="small" loading={run.isPending && run.variables === row.site.id} onClick={() => run.mutate(row.site.id)}>
            重新检查
          </Button>
        ) : null,
    },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>网站自查</Typography.Title>
      <Typography.Paragraph type="secondary">
        按《政府网站与政务新媒体检查指标》每小时自动检查一次。红色为单项否决项，须立即整改。
      </Typography.Paragraph>
      {overview.error ? <Alert type="error" message={(overview.error as Error).message} /> : null}
      {run.error ? <Alert type="error" message={(run.error as Error).message} /> : null}
      <Card>
        <Table rowKey={(row) => row.site.id} loading={overview.isLoading} dataSource={overview.data?.items ?? []} columns={columns} pagination={false} />
      </Card>
    </Space>
  );
}
