import { Col, Empty, Row, Spin, Statistic, Table, Typography } from 'antd';
import { useId, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useInteractionStatistics, type InteractionSite, type InteractionStatistics } from '../api/interaction.js';
import { QueryError } from '../shell/forbidden.js';
import { formatPercent } from './labels.js';
import { siteOrFirst, SiteSelect } from './site-select.js';

type Month = InteractionStatistics['months'][number];

/** Received and answered per month: a bar chart with the same numbers in a table beside it. */
function MonthlyFigure({ months }: { months: readonly Month[] }) {
  const id = useId();
  const data = months.map((m) => ({ month: m.month, 收信: m.received, 答复: m.answered }));
  return (
    <figure aria-labelledby={id} style={{ margin: '0 0 24px' }}>
      <Typography.Title level={3} id={id} style={{ fontSize: 16 }}>
        近 12 个月每月收信与答复
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <div style={{ width: '100%', height: 300 }}>
            <ResponsiveContainer>
              <ComposedChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey="收信" fill="#1f5fa8" isAnimationActive={false} />
                <Bar dataKey="答复" fill="#52a35a" isAnimationActive={false} />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="wb-kind">图中数据见右侧（窄屏时为下方）表格。</figcaption>
        </Col>
        <Col xs={24} xl={10}>
          <Table<Month>
            rowKey="month"
            size="small"
            bordered
            aria-label="每月收信与答复"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={[...months]}
            columns={[
              { title: '月份', dataIndex: 'month' },
              { title: '收信', dataIndex: 'received', align: 'right' },
              { title: '答复', dataIndex: 'answered', align: 'right' },
            ]}
          />
        </Col>
      </Row>
    </figure>
  );
}

/** 统计: one site's received and answered messages, answer rate and average days over the last 12 months. */
export function StatsTab({ sites }: { sites: readonly InteractionSite[] }) {
  const [chosen, setChosen] = useState<string>();
  const siteId = siteOrFirst(sites, chosen);
  const stats = useInteractionStatistics(siteId);
  const data = stats.data;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <label htmlFor="stats-site" className="wb-field-label">网站</label>
          <SiteSelect id="stats-site" sites={sites} value={siteId} onChange={setChosen} />
        </Col>
      </Row>
      {!siteId && <Empty description="您没有负责的网站" />}
      {stats.isError && <QueryError error={stats.error} />}
      {siteId && stats.isPending && <Spin description="正在加载…" />}
      {data && (
        <>
          <Typography.Paragraph type="secondary">统计自 {data.from} 起收到的有效来信（不含标记无效的来信）；答复率 = 已答复 ÷ 收信，平均答复天数按收信到审核通过的自然日计。</Typography.Paragraph>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}><Statistic title="收信（件）" value={data.received} /></Col>
            <Col xs={12} md={4}><Statistic title="已答复（件）" value={data.answered} /></Col>
            <Col xs={12} md={5}><Statistic title="答复率" value={formatPercent(data.answerRate * 100)} /></Col>
            <Col xs={12} md={5}><Statistic title="平均答复天数" value={data.averageDays ?? '—'} /></Col>
            <Col xs={12} md={5}><Statistic title="超期未答复（件）" value={data.overdue} styles={data.overdue ? { content: { color: '#c0504d' } } : undefined} /></Col>
          </Row>
          <MonthlyFigure months={data.months} />
        </>
      )}
    </>
  );
}
