import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Col, Input, InputNumber, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { disclosureCategories, type DisclosureCategory, type EntryStatus, type EntryValidity } from '../../shared/disclosure.js';
import { useEntries, type DisclosureEntry, type DisclosureSettings } from '../api/disclosure.js';
import { useDebounced } from '../orgs/use-debounced.js';
import { QueryError } from '../shell/forbidden.js';
import { EntryActions } from './entry-actions.js';
import { EntryModal } from './entry-modal.js';
import { categoryOptions, EntryStatusTag, entryStatusOptions, LateTag, validityOptions, ValidityTag } from './labels.js';

/** 目录: the organisation's catalogue entries, filtered by category, year, validity, state and words. */
export function CatalogueTab({ settings }: { settings: DisclosureSettings }) {
  const [category, setCategory] = useState<DisclosureCategory>();
  const [year, setYear] = useState<number | null>(null);
  const [validity, setValidity] = useState<EntryValidity>();
  const [status, setStatus] = useState<EntryStatus>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<DisclosureEntry | 'new'>();
  const term = useDebounced(q.trim(), 300);
  const list = useEntries({
    orgId: settings.orgId,
    page,
    pageSize,
    ...(category ? { category } : {}),
    ...(year ? { year } : {}),
    ...(validity ? { validity } : {}),
    ...(status ? { status } : {}),
    ...(term ? { q: term } : {}),
  });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(1));
  const writes = settings.actions.includes('edit');

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} align="bottom">
        <Col xs={24} md={6}>
          <label htmlFor="entries-q" className="wb-field-label">标题</label>
          <Input id="entries-q" allowClear prefix={<SearchOutlined aria-hidden />} value={q} onChange={(e) => filter(setQ)(e.target.value)} placeholder="标题、文号包含的文字" />
        </Col>
        <Col xs={24} md={6}>
          <label htmlFor="entries-category" className="wb-field-label">类别</label>
          <Select id="entries-category" allowClear style={{ width: '100%' }} placeholder="全部类别" value={category} onChange={filter(setCategory)} options={categoryOptions} />
        </Col>
        <Col xs={12} md={3}>
          <label htmlFor="entries-year" className="wb-field-label">年度</label>
          <InputNumber id="entries-year" style={{ width: '100%' }} min={2000} max={2100} placeholder="全部" value={year} onChange={filter(setYear)} />
        </Col>
        <Col xs={12} md={3}>
          <label htmlFor="entries-validity" className="wb-field-label">效力</label>
          <Select id="entries-validity" allowClear style={{ width: '100%' }} placeholder="全部" value={validity} onChange={filter(setValidity)} options={validityOptions} />
        </Col>
        <Col xs={12} md={3}>
          <label htmlFor="entries-status" className="wb-field-label">状态</label>
          <Select id="entries-status" allowClear style={{ width: '100%' }} placeholder="全部" value={status} onChange={filter(setStatus)} options={entryStatusOptions} />
        </Col>
        <Col xs={12} md={3} style={{ textAlign: 'right' }}>
          {writes && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              新建条目
            </Button>
          )}
        </Col>
      </Row>
      {list.error ? (
        <QueryError error={list.error} />
      ) : (
        <Table<DisclosureEntry>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: '没有符合条件的条目' }}
          scroll={{ x: 1100 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => (setPage(p), setPageSize(s)),
          }}
          columns={[
            { title: '索引号', dataIndex: 'indexNumber', width: 190, render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
            {
              title: '标题',
              dataIndex: 'title',
              render: (_: unknown, e) => (
                <Space direction="vertical" size={0}>
                  <span>{e.title}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[e.docNumber, e.fileName ? `附件：${e.fileName}` : e.articleId ? '关联网站文章' : null].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: '类别', dataIndex: 'category', width: 150, render: (c: DisclosureCategory) => disclosureCategories[c] },
            { title: '成文日期', dataIndex: 'documentDate', width: 110 },
            {
              title: '发布日期',
              dataIndex: 'publishDate',
              width: 150,
              render: (_: unknown, e) => (
                <Space size={4} wrap>
                  {e.publishDate ?? '—'}
                  <LateTag late={e.late} days={e.workingDaysToPublish} />
                </Space>
              ),
            },
            {
              title: '效力',
              dataIndex: 'validity',
              width: 90,
              render: (_: unknown, e) => <span title={e.validityNote ? `${e.validityNote}（${e.validityDate ?? ''}）` : undefined}><ValidityTag validity={e.validity} /></span>,
            },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: EntryStatus) => <EntryStatusTag status={s} /> },
            { title: '操作', key: 'actions', width: 190, render: (_: unknown, e) => <EntryActions entry={e} onEdit={() => setEditing(e)} /> },
          ]}
        />
      )}
      {editing && <EntryModal orgId={settings.orgId} entry={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
