import { Alert, Button, Card, Descriptions, List, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../shell/format.js';
import { useRunInspection, useSiteInspection, type Finding, type Indicator } from './inspection-api.js';

const statuses: Record<Indicator['status'], [string, string]> = {
  pass: ['达标', 'green'],
  warn: ['需整改', 'orange'],
  fail: ['单项否决', 'red'],
  not_applicable: ['不适用', 'default'],
  unavailable: ['暂无数据', 'default'],
};

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <List.Item>
      <Space direction="vertical" size={0}>
        <Typography.Text type={finding.severity === 'veto' ? 'danger' : undefined}>{finding.problem}</Typography.Text>
        <Typography.Text type="secondary">
          整改：{finding.fix}
          {finding.workbenchPath ? (
            <>
              {' '}
              <Link to={finding.workbenchPath}>去整改</Link>
            </>
          ) : null}
          {finding.target.url ? (
            <>
              {' '}
              <a href={finding.target.url} target="_blank" rel="noreferrer">
                查看页面
              </a>
            </>
          ) : null}
        </Typography.Text>
      </Space>
    </List.Item>
  );
}

/** One site's dashboard: summary, indicators (veto items in red), findings with what to fix, trend. */
export function SiteInspectionPage() {
  const { siteId } = useParams();
  const inspection = useSiteInspection(siteId);
  const run = useRunInspection();
  const data = inspection.data;
  if (inspection.error) return <Alert type="error" message={(inspection.error as Error).message} />;
  if (!data) return <Card loading />;
  const latest = data.latest;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>网站自查：{data.site.nameZh}</Typography.Title>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="主办单位">{data.site.orgName}</Descriptions.Item>
        <Descriptions.Item label="最近检查">
          {formatDateTime(latest?.checkedAt)}
          {latest ? `（${latest.trigger === 'manual' ? `${latest.triggeredByName ?? ''}手动` : '定时'}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label="操作">
          {data.actions.includes('run') ? (
            <Button type="primary" size="small" loading={run.isPending} onClick={() => run.mutate(data.site.id)}>
              立即重新检查
            </Button>
          ) : null}
        </Descriptions.Item>
      </Descriptions>
      {run.error ? <Alert type="error" message={(run.error as Error).message} /> : null}
      {!latest ? (
        <Alert type="info" message="该网站尚未检查过。" />
      ) : (
        <>
          <Card>
            <Space size="large" wrap>
              <Statistic title="结论" value={latest.verdict === 'fail' ? '单项否决' : latest.verdict === 'warn' ? '需整改' : '达标'} valueStyle={{ color: latest.verdict === 'fail' ? '#cf1322' : latest.verdict === 'warn' ? '#d46b08' : '#389e0d' }} />
              <Statistic title="单项否决" value={latest.vetoCount} valueStyle={latest.vetoCount ? { color: '#cf1322' } : undefined} />
              <Statistic title="问题" value={latest.findingCount} />
              <Statistic title="指标达标率" value={latest.passRate} suffix={`%（${latest.passedCount}/${latest.applicableCount}）`} />
            </Space>
          </Card>
          <Card title="指标">
            <Table
              rowKey="key"
              pagination={false}
              dataSource={latest.result.indicators}
              expandable={{ rowExpandable: (i) => i.findings.length > 0, expandedRowRender: (i) => <List size="small" dataSource={i.findings} renderItem={(f) => <FindingItem finding={f} />} /> }}
              columns={[
                { title: '指标', dataIndex: 'label', render: (label: string, i: Indicator) => <Typography.Text type={i.status === 'fail' ? 'danger' : undefined} strong={i.veto}>{label}{i.veto ? '（否决项）' : ''}</Typography.Text> },
                { title: '结果', dataIndex: 'status', render: (s: Indicator['status']) => <Tag color={statuses[s][1]}>{statuses[s][0]}</Tag> },
                { title: '情况', dataIndex: 'summary' },
                { title: '标准', dataIndex: 'limit' },
              ]}
            />
          </Card>
          <Card title="趋势（最近的检查）">
            <Table
              size="small"
              rowKey="checkedAt"
              pagination={{ pageSize: 12 }}
              dataSource={[...data.trend].reverse()}
              columns={[
                { title: '时间', dataIndex: 'checkedAt', render: (v: string) => formatDateTime(v) },
                { title: '单项否决', dataIndex: 'vetoCount', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v) },
                { title: '问题', dataIndex: 'findingCount' },
                { title: '达标率', dataIndex: 'passRate', render: (v: number) => `${v}%` },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
