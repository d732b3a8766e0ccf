import { InputNumber, Table, Tag, Typography } from 'antd';
import { applicantKindKeys, applicantKinds, matrixColumns, outcomeRows, reviewGroups, reviewOutcomes, type MatrixColumn, type MatrixRow } from '../../shared/disclosure.js';
import type { DisclosureReportData } from '../api/disclosure.js';

type Requests = DisclosureReportData['requests'];
const columnLabels: Record<MatrixColumn, string> = { ...applicantKinds, total: '总计' };

/** A row's 总计 follows its kinds, so the row-sum rule of the template cannot be broken by hand. */
export const withTotal = (row: MatrixRow): MatrixRow => ({ ...row, total: applicantKindKeys.reduce((sum, k) => sum + row[k], 0) });

/** Per column: 一 + 二 (incoming) against 三（七）总计 + 四 (outgoing), as the server checks before publishing. */
export function balanceOf(requests: Requests) {
  return matrixColumns.map((column) => {
    const outcomesTotal = Object.values(requests.outcomes).reduce((sum, row) => sum + row[column], 0);
    const incoming = requests.received[column] + requests.carriedOver[column];
    const outgoing = outcomesTotal + requests.carriedForward[column];
    return { column, incoming, outgoing, outcomesTotal, ok: incoming === outgoing };
  });
}

type RowKey = 'received' | 'carriedOver' | 'carriedForward' | `outcome:${string}`;
interface MatrixLine {
  readonly key: string;
  readonly label: string;
  readonly row?: MatrixRow;
  readonly edit?: RowKey;
  readonly check?: boolean;
}

/**
 * 三、收到和处理政府信息公开申请情况: the matrix of the 2021 template. Counts are editable (paper
 * requests, corrections); 总计 columns and 三（七）总计 are sums; the last line shows 一+二 = 三+四 per
 * column, red where it fails.
 */
export function RequestMatrix({ requests, editable, onChange }: { requests: Requests; editable: boolean; onChange: (next: Requests) => void }) {
  const balance = balanceOf(requests);
  const totals = Object.fromEntries(balance.map((b) => [b.column, b.outcomesTotal])) as MatrixRow;
  const lines: MatrixLine[] = [
    { key: 'received', label: '一、本年新收政府信息公开申请数量', row: requests.received, edit: 'received' },
    { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', row: requests.carriedOver, edit: 'carriedOver' },
    ...outcomeRows.map((o) => ({ key: o.key, label: `三、${o.label}`, row: requests.outcomes[o.key as keyof Requests['outcomes']], edit: `outcome:${o.key}` as RowKey })),
    { key: 'outcomesTotal', label: '三、（七）总计', row: totals },
    { key: 'carriedForward', label: '四、结转下年度继续办理', row: requests.carriedForward, edit: 'carriedForward' },
    { key: 'check', label: '一＋二 ＝ 三＋四', check: true },
  ];
  const change = (edit: RowKey, column: MatrixColumn, value: number) => {
    const update = (row: MatrixRow) => withTotal({ ...row, [column]: value });
    if (edit.startsWith('outcome:')) {
      const key = edit.slice('outcome:'.length) as keyof Requests['outcomes'];
      onChange({ ...requests, outcomes: { ...requests.outcomes, [key]: update(requests.outcomes[key]) } });
    } else {
      const key = edit as 'received' | 'carriedOver' | 'carriedForward';
      onChange({ ...requests, [key]: update(requests[key]) });
    }
  };
  return (
    <Table<MatrixLine>
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      scroll={{ x: 1000 }}
      dataSource={lines}
      columns={[
        { title: '项目', dataIndex: 'label', fixed: 'left', width: 360 },
        ...matrixColumns.map((column) => ({
          title: columnLabels[column],
          key: column,
          width: 96,
          align: 'right' as const,
          render: (_: unknown, line: MatrixLine) => {
            if (line.check) {
              const b = balance.find((x) => x.column === column)!;
              return (
                <Tag color={b.ok ? 'green' : 'red'} aria-label={`${columnLabels[column]}：${b.incoming}${b.ok ? '＝' : '≠'}${b.outgoing}`}>
                  {b.incoming}
                  {b.ok ? '＝' : '≠'}
                  {b.outgoing}
                </Tag>
              );
            }
            const value = line.row?.[column] ?? 0;
            if (!editable || !line.edit || column === 'total') return <Typography.Text strong={column === 'total'}>{value}</Typography.Text>;
            const edit = line.edit;
            return (
              <InputNumber
                size="small"
                min={0}
                precision={0}
                value={value}
                aria-label={`${line.label} ${columnLabels[column]}`}
                style={{ width: 72 }}
                onChange={(v) => change(edit, column, v ?? 0)}
              />
            );
          },
        })),
      ]}
    />
  );
}

type Reviews = DisclosureReportData['reviews'];
type ReviewGroup = keyof Reviews;
type ReviewOutcome = keyof Reviews[ReviewGroup];

/** 四、行政复议、行政诉讼情况: each group by outcome; 总计 is the sum. */
export function ReviewsTable({ reviews, editable, onChange }: { reviews: Reviews; editable: boolean; onChange: (next: Reviews) => void }) {
  const groups = Object.keys(reviewGroups) as ReviewGroup[];
  const outcomes = Object.keys(reviewOutcomes) as ReviewOutcome[];
  const change = (group: ReviewGroup, outcome: ReviewOutcome, value: number) => {
    const row = { ...reviews[group], [outcome]: value };
    row.total = row.upheld + row.corrected + row.other + row.pending;
    onChange({ ...reviews, [group]: row });
  };
  return (
    <Table<{ group: ReviewGroup }>
      rowKey="group"
      size="small"
      bordered
      pagination={false}
      dataSource={groups.map((group) => ({ group }))}
      columns={[
        { title: '', dataIndex: 'group', width: 260, render: (g: ReviewGroup) => reviewGroups[g] },
        ...outcomes.map((o) => ({
          title: reviewOutcomes[o],
          key: o,
          align: 'right' as const,
          render: (_: unknown, { group }: { group: ReviewGroup }) =>
            editable && o !== 'total' ? (
              <InputNumber size="small" min={0} precision={0} value={reviews[group][o]} aria-label={`${reviewGroups[group]} ${reviewOutcomes[o]}`} style={{ width: 72 }} onChange={(v) => change(group, o, v ?? 0)} />
            ) : (
              reviews[group][o]
            ),
        })),
      ]}
    />
  );
}
