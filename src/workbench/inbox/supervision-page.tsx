import { Button, Card, Col, Empty, Row, Select, Spin, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSupervisionBoard, type SupervisionItem } from '../api/inbox.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { TitleCell } from './inbox-table.js';
import { daysLeftText } from './labels.js';
import { ServedOrgSelect, useServedOrg } from './served-org.js';
import { TextStepModal } from './step-modals.js';

interface UnitRow {
  key: string;
  name: string;
  total: number;
  overdue: number;
  dueSoon: number;
  reminders: number;
}

const noUnit = '__none__';

/** Items per lead unit: how many, how many overdue or due soon, how often reminded. */
function byUnit(items: readonly SupervisionItem[]): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const item of items) {
    const key = item.leadUnit?.orgId ?? noUnit;
    const row = rows.get(key) ?? { key, name: item.leadUnit?.name ?? '未指定承办单位', total: 0, overdue: 0, dueSoon: 0, reminders: 0 };
    row.total += 1;
    if (item.workingDaysLeft < 0) row.overdue += 1;
    else row.dueSoon += 1;
    row.reminders += item.reminderCount;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.overdue - a.overdue || b.total - a.total);
}

/** /workbench/reminders: the 催办 board — items past or near their deadline, by lead unit, with the reminders sent. */
export function SupervisionPage() {
  const served = useServedOrg();
  const [withinDays, setWithinDays] = useState(3);
  const [unit, setUnit] = useState<string>();
  const [reminding, setReminding] = useState<SupervisionItem>();
  const board = useSupervisionBoard({ withinDays, ...(served.orgId ? { orgId: served.orgId } : {}) }, served.orgId !== undefined);
  const items = useMemo(() => board.data?.items ?? [], [board.data]);
  const units = useMemo(() => byUnit(items), [items]);
  const shown = unit ? items.filter((i) => (i.leadUnit?.orgId ?? noUnit) === unit) : items;

  if (served.inboxes.isError) return <QueryError error={served.inboxes.error} />;
  if (served.inboxes.isPending) return <Spin description="正在加载…" />;
  if (!served.orgId) return <Card><Empty description="您没有可办理的收文箱" /></Card>;
  if (board.isError) return <QueryError error={board.error} />;
  const overdue = items.filter((i) => i.workingDaysLeft < 0).length;

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>催办</Typography.Title>}>
      <title>催办 · 兴安政务平台</title>
      <Row gutter={[12, 12]} className="wb-filters" align="bottom">
        <Col xs={24} md={10}>
          <ServedOrgSelect items={served.items} current={served.current} onChange={(id) => (served.choose(id), setUnit(undefined))} />
        </Col>
        <Col xs={24} md={8}>
          <label htmlFor="supervision-within" className="wb-field-label">列出逾期及此后到期的</label>
          <Select
            id="supervision-within"
            style={{ width: 200 }}
            value={withinDays}
            onChange={setWithinDays}
            options={[1, 3, 5, 10, 20].map((d) => ({ value: d, label: `${d} 个工作日内到期` }))}
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="wb-filters">
        <Col xs={12} md={6}><Statistic title="逾期" value={overdue} styles={{ content: { color: overdue ? '#cf1322' : undefined } }} /></Col>
        <Col xs={12} md={6}><Statistic title="即将到期" value={items.length - overdue} /></Col>
        <Col xs={12} md={6}><Statistic title="已催办（次）" value={items.reduce((s, i) => s + i.reminderCount, 0)} /></Col>
        <Col xs={12} md={6}><Statistic title="今日" value={board.data?.today ?? '—'} /></Col>
      </Row>
      <Typography.Title level={3} style={{ fontSize: 16 }}>按承办单位</Typography.Title>
      <Table<UnitRow>
        rowKey="key"
        size="small"
        pagination={false}
        loading={board.isFetching}
        dataSource={units}
        locale={{ emptyText: '没有逾期或即将到期的收文' }}
        className="wb-filters"
        columns={[
          { title: '承办单位', dataIndex: 'name' },
          { title: '件数', dataIndex: 'total', width: 90 },
          { title: '逾期', dataIndex: 'overdue', width: 90, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
          { title: '即将到期', dataIndex: 'dueSoon', width: 100 },
          { title: '已催办（次）', dataIndex: 'reminders', width: 120 },
          {
            title: '查看',
            key: 'filter',
            width: 120,
            render: (_v, row) =>
              unit === row.key ? (
                <Button type="link" onClick={() => setUnit(undefined)}>显示全部</Button>
              ) : (
                <Button type="link" onClick={() => setUnit(row.key)} aria-label={`只看 ${row.name}`}>只看此单位</Button>
              ),
          },
        ]}
      />
      <Typography.Title level={3} style={{ fontSize: 16 }}>{unit ? `${units.find((u) => u.key === unit)?.name ?? ''}的收文` : '全部逾期及即将到期的收文'}</Typography.Title>
      <Table<SupervisionItem>
        rowKey="id"
        size="middle"
        loading={board.isFetching}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: '没有逾期或即将到期的收文' }}
        columns={[
          { title: '收文编号', dataIndex: 'receiptNumber', width: 130, render: (n: string | null) => n ?? '—' },
          { title: '标题', key: 'title', render: (_v, item) => <TitleCell item={item} /> },
          { title: '承办单位', key: 'unit', width: 200, render: (_v, item) => item.leadUnit?.name ?? '—' },
          { title: '办理时限', dataIndex: 'deadline', width: 120 },
          {
            title: '剩余',
            dataIndex: 'workingDaysLeft',
            width: 160,
            render: (days: number) => <Typography.Text type={days < 0 ? 'danger' : days === 0 ? 'warning' : undefined}>{daysLeftText(days)}</Typography.Text>,
          },
          { title: '催办', key: 'reminders', width: 200, render: (_v, item) => (item.reminderCount ? `${item.reminderCount} 次，最近 ${formatDateTime(item.lastRemindedAt)}` : '未催办') },
          {
            title: '操作',
            key: 'actions',
            width: 90,
            fixed: 'right',
            render: (_v, item) =>
              item.actions.includes('remind') && (
                <Button type="link" onClick={() => setReminding(item)} aria-label={`催办 ${item.title}`}>
                  催办
                </Button>
              ),
          },
        ]}
      />
      {reminding && <TextStepModal step="remind" doc={reminding} open onClose={() => setReminding(undefined)} />}
    </Card>
  );
}
