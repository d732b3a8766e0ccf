import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { documentKindLabel, sendStepLabel, type SendStep } from '../../shared/documents.js';
import { useTodo, type DocumentTodo } from '../api/documents.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { DueTag, MarkTags } from './labels.js';

type TodoItem = DocumentTodo['items'][number];

/**
 * The user's to-do list: every open task he may act on, soonest deadline first. `step` fixes the list
 * to one step (我的草稿 is the 拟稿 step); otherwise the counts per step filter it.
 */
export function TodoTable({ step: fixedStep, emptyText }: { step?: SendStep; emptyText: string }) {
  const [chosen, setChosen] = useState<SendStep | 'all'>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const step = fixedStep ?? (chosen === 'all' ? undefined : chosen);
  const todo = useTodo({ page, pageSize, ...(step ? { step } : {}) });

  if (todo.isError) return <QueryError error={todo.error} />;
  const data = todo.data;
  const stepTotal = step ? (data?.counts.find((c) => c.step === step)?.total ?? 0) : (data?.total ?? 0);
  return (
    <>
      {!fixedStep && data && (
        <Space wrap style={{ marginBottom: 12 }} aria-label="待办统计">
          <Segmented<SendStep | 'all'>
            aria-label="按环节筛选"
            value={chosen}
            onChange={(v) => (setChosen(v), setPage(1))}
            options={[
              { value: 'all', label: `全部 ${data.total}` },
              ...data.counts.map((c) => ({ value: c.step, label: `${c.label} ${c.total}${c.overdue ? `（超期 ${c.overdue}）` : ''}` })),
            ]}
          />
          {data.overdue > 0 && <Tag color="red">共 {data.overdue} 件已超期</Tag>}
        </Space>
      )}
      <Table<TodoItem>
        rowKey="taskId"
        size="middle"
        loading={todo.isFetching}
        dataSource={data?.items}
        locale={{ emptyText }}
        scroll={{ x: 900 }}
        rowClassName={(r) => (r.overdue ? 'wb-row-overdue' : '')}
        pagination={{
          current: page,
          pageSize,
          total: stepTotal,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
        }}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_v, r) => (
              <Space size={4} wrap>
                <Link to={`/documents/${r.document.id}`}>{r.document.title}</Link>
                <MarkTags urgency={r.document.urgency} secrecy={r.document.secrecy} />
              </Space>
            ),
          },
          { title: '文种', key: 'kind', width: 90, render: (_v, r) => documentKindLabel(r.document.kind) },
          { title: '待办环节', key: 'step', width: 120, render: (_v, r) => <Tag color="blue">{sendStepLabel(r.step)}</Tag> },
          { title: '发文字号', key: 'number', width: 160, render: (_v, r) => r.document.docNumber ?? <Typography.Text type="secondary">未编号</Typography.Text> },
          { title: '拟稿人', key: 'drafter', width: 100, render: (_v, r) => r.document.draftedByName },
          { title: '到达时间', dataIndex: 'since', width: 170, render: formatDateTime },
          {
            title: '办理期限',
            key: 'due',
            width: 170,
            render: (_v, r) => (
              <Space size={4}>
                <DueTag dueOn={r.dueOn} overdue={r.overdue} />
                {r.reminders > 0 && <Tag color="gold">已催办 {r.reminders} 次</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
