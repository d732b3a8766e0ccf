import { Card, Col, DatePicker, Empty, Row, Spin, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useDocumentStatistics } from '../api/inbox.js';
import { QueryError } from '../shell/forbidden.js';
import { ServedOrgSelect, useServedOrg } from './served-org.js';
import { OverdueChart, PerUnitChart } from './stats-charts.js';
import { MonthlyChart } from './stats-monthly.js';

/** /workbench/documents-stats: 公文统计 — sent and received per unit per month, processing time, overdue rate. */
export function StatsPage() {
  const served = useServedOrg();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query = served.orgId ? { orgId: served.orgId, ...(range ? { from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') } : {}) } : null;
  const stats = useDocumentStatistics(query);

  if (served.inboxes.isError) return <QueryError error={served.inboxes.error} />;
  if (served.inboxes.isPending) return <Spin description="正在加载…" />;
  if (!served.orgId) return <Card><Empty description="您没有可统计的单位" /></Card>;
  if (stats.isError) return <QueryError error={stats.error} />;
  const data = stats.data;
  const t = data?.totals;

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>公文统计</Typography.Title>} loading={!data}>
      <title>公文统计 · 兴安政务平台</title>
      <Row gutter={[12, 12]} className="wb-filters" align="bottom">
        <Col xs={24} md={10}>
          <ServedOrgSelect items={served.items} current={served.current} onChange={served.choose} />
        </Col>
        <Col xs={24} md={10}>
          <label htmlFor="stats-range" className="wb-field-label">统计月份（默认近 12 个月）</label>
          <DatePicker.RangePicker id={{ start: 'stats-range' }} picker="month" value={range} onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)} allowClear />
        </Col>
      </Row>
      {data && t && (
        <>
          <Typography.Paragraph type="secondary">
            {data.org.name}，{data.from} 至 {data.to}
          </Typography.Paragraph>
          <Row gutter={[16, 16]} className="wb-filters">
            <Col xs={12} md={4}><Statistic title="发文（件）" value={t.sent} /></Col>
            <Col xs={12} md={4}><Statistic title="收文（件）" value={t.received} /></Col>
            <Col xs={12} md={4}><Statistic title="已办结（件）" value={t.completed} /></Col>
            <Col xs={12} md={6}><Statistic title="平均办理时长（天）" value={t.averageProcessingDays ?? '—'} /></Col>
            <Col xs={12} md={6}><Statistic title="逾期率" value={t.overdueRate === null ? '—' : `${(t.overdueRate * 100).toFixed(1)}%`} /></Col>
          </Row>
          <MonthlyChart monthly={data.monthly} />
          <PerUnitChart title="发文：各拟稿单位每月核发数" caption="各单位每月核发的发文数" months={data.months} buckets={data.sent} />
          <PerUnitChart title="收文：各承办单位每月收文数" caption="各承办单位每月的收文数" months={data.months} buckets={data.received} />
          <OverdueChart totals={t} />
        </>
      )}
    </Card>
  );
}
