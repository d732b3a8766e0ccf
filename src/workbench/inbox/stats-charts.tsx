import { Col, Row, Table, Typography } from 'antd';
import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DocumentStatistics } from '../api/inbox.js';

type Bucket = DocumentStatistics['sent'][number];

const palette = ['#1f5fa8', '#52a35a', '#e09a2b', '#c0504d', '#7b5ea7', '#2aa3a3', '#b36b2c', '#5b7fbd', '#8a8a8a'];
const maxSeries = 8;
const otherUnits = '其他单位';
const unitName = (b: Bucket) => b.unit?.name || '未指定单位';

/** Units ordered by their total; past the eighth they are summed as 其他单位 so the chart stays legible. */
function series(buckets: readonly Bucket[]) {
  const totals = new Map<string, number>();
  for (const b of buckets) totals.set(unitName(b), (totals.get(unitName(b)) ?? 0) + b.count);
  const ordered = [...totals].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const kept = ordered.length > maxSeries ? ordered.slice(0, maxSeries - 1) : ordered;
  const label = (b: Bucket) => (kept.includes(unitName(b)) ? unitName(b) : otherUnits);
  return { all: ordered, names: ordered.length > kept.length ? [...kept, otherUnits] : kept, label, totals };
}

/** A chart with its caption; the same numbers are in the table beside it. */
export function Figure({ title, children, table }: { title: string; children: React.ReactElement; table: React.ReactNode }) {
  const id = useId();
  return (
    <figure aria-labelledby={id} style={{ margin: '0 0 24px' }}>
      <Typography.Title level={3} id={id} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <div style={{ width: '100%', height: 300 }}>
            <ResponsiveContainer>{children}</ResponsiveContainer>
          </div>
          <figcaption className="wb-kind">图中数据见右侧（窄屏时为下方）表格。</figcaption>
        </Col>
        <Col xs={24} xl={11}>{table}</Col>
      </Row>
    </figure>
  );
}

/** Documents per unit per month: a stacked bar chart and the unit × month table. */
export function PerUnitChart({ title, caption, months, buckets }: { title: string; caption: string; months: readonly string[]; buckets: readonly Bucket[] }) {
  const { all, names, label, totals } = series(buckets);
  const data = months.map((month) => {
    const row: Record<string, string | number> = { month };
    for (const name of names) row[name] = 0;
    for (const b of buckets) if (b.month === month) row[label(b)] = (row[label(b)] as number) + b.count;
    return row;
  });
  const rows = all.map((name) => {
    const row: Record<string, string | number> = { name, total: totals.get(name) ?? 0 };
    for (const month of months) row[month] = buckets.filter((b) => b.month === month && unitName(b) === name).reduce((s, b) => s + b.count, 0);
    return row;
  });
  const table = (
    <Table<Record<string, string | number>>
      rowKey="name"
      size="small"
      bordered
      caption={<div style={{ textAlign: 'left', paddingBottom: 8 }}>{caption}</div>}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ x: 120 + months.length * 72 }}
      dataSource={rows}
      locale={{ emptyText: '该期间没有数据' }}
      columns={[
        { title: '单位', dataIndex: 'name', fixed: 'left', width: 160 },
        ...months.map((m) => ({ title: m, dataIndex: m, width: 72, align: 'right' as const })),
        { title: '合计', dataIndex: 'total', width: 72, align: 'right' as const },
      ]}
    />
  );
  return (
    <Figure title={title} table={table}>
      <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {names.map((name, i) => (
          <Bar key={name} dataKey={name} stackId="units" fill={palette[i % palette.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    </Figure>
  );
}

/** On time or overdue, of the received documents with a deadline. */
export function OverdueChart({ totals }: { totals: DocumentStatistics['totals'] }) {
  const onTime = totals.withDeadline - totals.overdue;
  const data = [
    { name: '按期', value: onTime },
    { name: '逾期', value: totals.overdue },
  ];
  const rate = totals.overdueRate === null ? '—' : `${(totals.overdueRate * 100).toFixed(1)}%`;
  const table = (
    <Table
      rowKey="name"
      size="small"
      bordered
      caption={<div style={{ textAlign: 'left', paddingBottom: 8 }}>有办理时限的收文</div>}
      pagination={false}
      dataSource={[
        { name: '有办理时限', value: totals.withDeadline },
        { name: '按期（含未到期）', value: onTime },
        { name: '逾期（逾期办结或逾期未办结）', value: totals.overdue },
        { name: '逾期率', value: rate },
        { name: '已办结', value: totals.completed },
        { name: '平均办理时长（天）', value: totals.averageProcessingDays ?? '—' },
      ]}
      columns={[
        { title: '指标', dataIndex: 'name' },
        { title: '数值', dataIndex: 'value', align: 'right' },
      ]}
    />
  );
  return (
    <Figure title="办理时效" table={table}>
      <PieChart>
        <Pie data={data} dataKey="value" nameKey="name" innerRadius={60} outerRadius={100} label isAnimationActive={false}>
          <Cell fill="#52a35a" />
          <Cell fill="#c0504d" />
        </Pie>
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
      </PieChart>
    </Figure>
  );
}
