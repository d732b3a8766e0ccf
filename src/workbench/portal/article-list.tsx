import { SearchOutlined } from '@ant-design/icons';
import { Col, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ArticleStatus } from '../../shared/portal.js';
import { usePortalArticles, type ArticleListQuery, type PortalArticleSummary } from '../api/portal.js';
import { useDebounced } from '../orgs/use-debounced.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { ArticleStatusTag, languageLabels, statusOptions, ValidityTag } from './labels.js';
import { ColumnPicker, SitePicker } from './pickers.js';

type View = NonNullable<ArticleListQuery['view']>;

const emptyTexts: Record<View, string> = {
  mine: '没有草稿或被退回的文章',
  review: '没有待您审核的文章',
  published: '没有已发布的文章',
  all: '没有符合条件的文章',
};

/** One tab of the article list: filtered by site, column, status and title words, paged on the server. */
export function ArticleList({ view }: { view: View }) {
  const [siteId, setSiteId] = useState<string>();
  const [columnId, setColumnId] = useState<string>();
  const [status, setStatus] = useState<ArticleStatus>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const term = useDebounced(q.trim(), 300);
  const list = usePortalArticles({
    view,
    page,
    pageSize,
    ...(siteId ? { siteId } : {}),
    ...(columnId ? { columnId } : {}),
    ...(status ? { status } : {}),
    ...(term ? { q: term } : {}),
  });
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(1));
  const fixedStatus = view === 'review' || view === 'published';

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={7}>
          <label htmlFor={`articles-${view}-q`} className="wb-field-label">标题</label>
          <Input id={`articles-${view}-q`} allowClear prefix={<SearchOutlined aria-hidden />} value={q} onChange={(e) => filter(setQ)(e.target.value)} placeholder="标题包含的文字" />
        </Col>
        <Col xs={12} md={6}>
          <label htmlFor={`articles-${view}-site`} className="wb-field-label">网站</label>
          <SitePicker id={`articles-${view}-site`} allowClear placeholder="全部网站" value={siteId} onChange={(v) => (filter(setSiteId)(v), setColumnId(undefined))} />
        </Col>
        <Col xs={12} md={6}>
          <label htmlFor={`articles-${view}-column`} className="wb-field-label">栏目</label>
          <ColumnPicker id={`articles-${view}-column`} siteId={siteId} allowClear placeholder="全部栏目" value={columnId} onChange={filter(setColumnId)} />
        </Col>
        {!fixedStatus && (
          <Col xs={12} md={5}>
            <label htmlFor={`articles-${view}-status`} className="wb-field-label">状态</label>
            <Select<ArticleStatus>
              id={`articles-${view}-status`}
              allowClear
              style={{ width: '100%' }}
              placeholder="全部状态"
              value={status}
              onChange={filter(setStatus)}
              options={view === 'mine' ? statusOptions.filter((o) => o.value === 'draft' || o.value === 'rejected') : statusOptions}
            />
          </Col>
        )}
      </Row>
      {list.isError && <QueryError error={list.error} />}
      <Table<PortalArticleSummary>
        rowKey="id"
        size="middle"
        aria-label="文章列表"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: emptyTexts[view] }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 篇`,
          onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
        }}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_v, a) => (
              <Space size={4} wrap>
                <Link to={`/portal/articles/${a.id}`}>{a.title}</Link>
                {a.lang !== 'zh-CN' && <Typography.Text type="secondary">（{languageLabels[a.lang]}）</Typography.Text>}
                <ValidityTag validity={a.validity} />
              </Space>
            ),
          },
          { title: '状态', key: 'status', width: 100, render: (_v, a) => <ArticleStatusTag status={a.status} /> },
          { title: '网站', dataIndex: 'siteName', width: 150 },
          { title: '栏目', dataIndex: 'columnName', width: 130 },
          { title: '作者', dataIndex: 'createdByName', width: 90 },
          {
            title: view === 'published' ? '发布时间' : '更新时间',
            key: 'time',
            width: 170,
            render: (_v, a) => formatDateTime(view === 'published' ? a.publishedAt : a.status === 'scheduled' ? a.publishAt : a.updatedAt),
          },
        ]}
      />
    </>
  );
}
