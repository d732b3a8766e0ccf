import { SearchOutlined } from '@ant-design/icons';
import { Col, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { documentKindKeys, documentKindLabel, documentKinds, documentStatusLabels, documentStatuses, sendStepLabel, type DocumentKind, type DocumentStatus } from '../../shared/documents.js';
import { useDocuments, type DocumentSummary } from '../api/documents.js';
import { useDebounced } from '../orgs/use-debounced.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { MarkTags, StatusTag } from './labels.js';

/** The years offered: this one and the seven before it (Asia/Shanghai). */
const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const years = Array.from({ length: 8 }, (_, i) => thisYear - i);

/**
 * 本单位发文: every sending-side document the user may see, filtered by year, kind, status and text.
 * `mine` makes it 我的草稿: the drafts the user wrote himself (status fixed to 拟稿).
 */
export function DocumentList({ mine = false }: { mine?: boolean }) {
  const [kind, setKind] = useState<DocumentKind>();
  const [status, setStatus] = useState<DocumentStatus | undefined>(mine ? 'draft' : undefined);
  const [year, setYear] = useState<number>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const term = useDebounced(q.trim(), 300);
  const list = useDocuments({
    page,
    pageSize,
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(term ? { q: term } : {}),
    ...(year ? { year } : {}),
    ...(mine ? { mine: 'true' as const } : {}),
  });
  const prefix = mine ? 'drafts' : 'documents';
  const filter = <T,>(set: (v: T) => void) => (v: T) => (set(v), setPage(1));

  return (
    <>
      <Row gutter={[12, 12]} className="wb-filters" style={{ marginBottom: 12 }}>
        <Col xs={24} md={9}>
          <label htmlFor={`${prefix}-q`} className="wb-field-label">标题或发文字号</label>
          <Input id={`${prefix}-q`} allowClear prefix={<SearchOutlined aria-hidden />} value={q} onChange={(e) => filter(setQ)(e.target.value)} placeholder="如：供暖、兴署发〔2026〕" />
        </Col>
        <Col xs={12} md={5}>
          <label htmlFor={`${prefix}-year`} className="wb-field-label">年度</label>
          <Select<number>
            id={`${prefix}-year`}
            allowClear
            style={{ width: '100%' }}
            placeholder="全部年度"
            value={year}
            onChange={filter(setYear)}
            options={years.map((y) => ({ value: y, label: `${y} 年` }))}
          />
        </Col>
        <Col xs={12} md={5}>
          <label htmlFor={`${prefix}-kind`} className="wb-field-label">文种</label>
          <Select<DocumentKind>
            id={`${prefix}-kind`}
            allowClear
            style={{ width: '100%' }}
            placeholder="全部文种"
            value={kind}
            onChange={filter(setKind)}
            options={documentKindKeys.map((k) => ({ value: k, label: documentKinds[k].label }))}
          />
        </Col>
        {!mine && (
          <Col xs={12} md={5}>
            <label htmlFor={`${prefix}-status`} className="wb-field-label">状态</label>
            <Select<DocumentStatus>
              id={`${prefix}-status`}
              allowClear
              style={{ width: '100%' }}
              placeholder="全部状态"
              value={status}
              onChange={filter(setStatus)}
              options={documentStatuses.map((s) => ({ value: s, label: documentStatusLabels[s] }))}
            />
          </Col>
        )}
      </Row>
      {list.isError && <QueryError error={list.error} />}
      <Table<DocumentSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: mine ? '没有待送审的草稿' : '没有符合条件的公文' }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
        }}
        columns={[
          { title: '发文字号', key: 'number', width: 170, render: (_v, d) => d.docNumber ?? <Typography.Text type="secondary">未编号</Typography.Text> },
          {
            title: '标题',
            key: 'title',
            render: (_v, d) => (
              <Space size={4} wrap>
                <Link to={`/documents/${d.id}`}>{d.title}</Link>
                <MarkTags urgency={d.urgency} secrecy={d.secrecy} />
              </Space>
            ),
          },
          { title: '文种', key: 'kind', width: 90, render: (_v, d) => documentKindLabel(d.kind) },
          {
            title: '状态',
            key: 'status',
            width: 180,
            render: (_v, d) => (
              <Space size={4}>
                <StatusTag status={d.status} />
                {d.currentStep && d.status !== 'issued' && d.status !== 'cancelled' && <Tag>{sendStepLabel(d.currentStep)}</Tag>}
              </Space>
            ),
          },
          { title: '发文机关', dataIndex: 'orgName', width: 160 },
          { title: '拟稿人', dataIndex: 'draftedByName', width: 90 },
          { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: formatDateTime },
        ]}
      />
    </>
  );
}
