import { Table } from 'antd';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { DocumentStatistics } from '../api/inbox.js';
import { Figure } from './stats-charts.js';

type Month = DocumentStatistics['monthly'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

/**
 * The monthly series: documents sent and received (bars), the average days to 办结 and the overdue
 * rate (lines) of what was received each month, with the same numbers in a table.
 */
export function MonthlyChart({ monthly }: { monthly: readonly Month[] }) {
  const data = monthly.map((m) => ({
    month: m.month,
    发文: m.sent,
    收文: m.received,
    平均办理天数: m.averageProcessingDays,
    逾期率: m.overdueRate === null ? null : Math.round(m.overdueRate * 1000) / 10,
  }));
  const table = (
    <Table<Month>
      rowKey="month"
      size="small"
      bordered
      caption={<div style={{ textAlign: 'left', paddingBottom: 8 }}>每月发文、收文与办理时效（收文按收到的月份计）</div>}
      pagination={false}
      scroll={{ x: 560, y: 320 }}
      dataSource={[...monthly]}
      columns={[
        { title: '月份', dataIndex: 'month', width: 80, fixed: 'left' },
        { title: '发文', dataIndex: 'sent', width: 60, align: 'right' },
        { title: '收文', dataIndex: 'received', width: 60, align: 'right' },
        { title: '已办结', dataIndex: 'completed', width: 70, align: 'right' },
        { title: '平均办理天数', dataIndex: 'averageProcessingDays', width: 100, align: 'right', render: (v: number | null) => v ?? '—' },
        { title: '有时限 / 逾期', key: 'deadline', width: 100, align: 'right', render: (_v, m) => `${m.withDeadline} / ${m.overdue}` },
        { title: '逾期率', dataIndex: 'overdueRate', width: 80, align: 'right', render: percent },
      ]}
    />
  );
  return (
    <Figure title="每月趋势：发文、收文、平均办理时长与逾期率" table={table}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis yAxisId="rate" orientation="right" tick={{ fontSize: 12 }} unit="" />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="count" dataKey="发文" fill="#1f5fa8" isAnimationActive={false} />
        <Bar yAxisId="count" dataKey="收文" fill="#52a35a" isAnimationActive={false} />
        <Line yAxisId="rate" dataKey="平均办理天数" stroke="#e09a2b" connectNulls isAnimationActive={false} />
        <Line yAxisId="rate" dataKey="逾期率" name="逾期率（%）" stroke="#c0504d" connectNulls isAnimationActive={false} />
      </ComposedChart>
    </Figure>
  );
}
