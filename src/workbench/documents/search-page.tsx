import { SearchOutlined } from '@ant-design/icons';
import { Alert, Card, Col, DatePicker, Empty, Input, List, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { documentKindKeys, documentKindLabel, documentKinds, documentStatusLabels, type DocumentKind } from '../../shared/documents.js';
import { incomingSteps } from '../../shared/documents-receiving.js';
import { useDocumentSearch, type DocumentSearchHit } from '../api/documents.js';
import { QueryError } from '../shell/forbidden.js';
import './documents.css';

const pageSize = 20;
const isKind = (v: string | null): v is DocumentKind => v !== null && (documentKindKeys as readonly string[]).includes(v);
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Text the server has already escaped, with its <mark>s kept. The search answers `titleHtml` and
 * `snippet` HTML-escaped except for the <mark> tags it adds around the words found (platform/search),
 * so this is the only place the workbench writes HTML it did not build; nothing else goes through it.
 */
function Marked({ html, as: Tag = 'span' }: { html: string; as?: 'span' | 'p' }) {
  return <Tag className="wb-search-marked" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** Where the user may open a hit: the sent document, his inbox item, or both. */
function HitLinks({ hit }: { hit: DocumentSearchHit }) {
  return (
    <Space size={12} wrap>
      {hit.documentId && <Link to={`/documents/${hit.documentId}`}>打开发文</Link>}
      {hit.incomingId && <Link to={`/inbox/${hit.incomingId}`}>打开收文</Link>}
    </Space>
  );
}

function HitItem({ hit }: { hit: DocumentSearchHit }) {
  const target = hit.documentId ? `/documents/${hit.documentId}` : `/inbox/${hit.incomingId ?? ''}`;
  return (
    <List.Item actions={[<HitLinks key="open" hit={hit} />]}>
      <List.Item.Meta
        title={
          <Link to={target} aria-label={hit.title}>
            <Marked html={hit.titleHtml} />
          </Link>
        }
        description={
          <Space size={6} wrap>
            {hit.docNumber && <span className="wb-doc-number">{hit.docNumber}</span>}
            {hit.kind && <span>{documentKindLabel(hit.kind)}</span>}
            <span>{hit.orgName}</span>
            {hit.date && <span>{hit.date}</span>}
            {hit.source === 'paper' && <Tag>纸质来文</Tag>}
            {hit.status && <Tag>{documentStatusLabels[hit.status]}</Tag>}
            {hit.incomingStep && <Tag color="blue">收文·{incomingSteps[hit.incomingStep].label}</Tag>}
          </Space>
        }
      />
      {hit.snippet && <Marked as="p" html={hit.snippet} />}
    </List.Item>
  );
}

/**
 * /documents/search: 公文检索 — titles, 发文字号, bodies and attachments' text of the documents the user
 * may see, with the words found marked. The query lives in the address, so a search can be linked to
 * (the search boxes of 发文 and 收文 lead here) and survives going back from a hit.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const kind = params.get('kind');
  const from = params.get('from');
  const to = params.get('to');
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);

  const search = useDocumentSearch(
    q ? { q, sort, page, pageSize, ...(isKind(kind) ? { kind } : {}), ...(isDate(from) ? { from } : {}), ...(isDate(to) ? { to } : {}) } : null,
  );

  /** Changes the address: any new criterion starts again at page 1. */
  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  const range: [Dayjs, Dayjs] | null = isDate(from) && isDate(to) ? [dayjs(from), dayjs(to)] : null;
  const data = search.data;

  return (
    <Card title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>公文检索</Typography.Title>}>
      <title>{q ? `检索：${q} · 兴安政务平台` : '公文检索 · 兴安政务平台'}</title>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || null });
        }}
      >
        <Row gutter={[12, 12]} className="wb-filters" align="bottom" style={{ marginBottom: 12 }}>
          <Col xs={24} lg={10}>
            <label htmlFor="search-q" className="wb-field-label">检索词（标题、发文字号、正文、附件）</label>
            <Input.Search
              id="search-q"
              enterButton={<><SearchOutlined aria-hidden /> 检索</>}
              allowClear
              maxLength={200}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(value) => update({ q: value.trim() || null })}
              placeholder="如：供暖、兴署发〔2026〕3号"
            />
          </Col>
          <Col xs={12} lg={4}>
            <label htmlFor="search-kind" className="wb-field-label">文种</label>
            <Select<DocumentKind>
              id="search-kind"
              allowClear
              style={{ width: '100%' }}
              placeholder="全部文种"
              value={isKind(kind) ? kind : undefined}
              onChange={(v) => update({ kind: v ?? null })}
              options={documentKindKeys.map((k) => ({ value: k, label: documentKinds[k].label }))}
            />
          </Col>
          <Col xs={12} lg={6}>
            <label htmlFor="search-range" className="wb-field-label">成文日期</label>
            <DatePicker.RangePicker
              id={{ start: 'search-range' }}
              style={{ width: '100%' }}
              value={range}
              onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })}
            />
          </Col>
          <Col xs={12} lg={4}>
            <label htmlFor="search-sort" className="wb-field-label">排序</label>
            <Select
              id="search-sort"
              style={{ width: '100%' }}
              value={sort}
              onChange={(v) => update({ sort: v === 'date' ? 'date' : null })}
              options={[
                { value: 'relevance', label: '相关度' },
                { value: 'date', label: '成文日期（新的在前）' },
              ]}
            />
          </Col>
        </Row>
      </form>
      {search.isError && <QueryError error={search.error} />}
      {!q ? (
        <Empty description="输入检索词，查找您可查看的公文" />
      ) : (
        <>
          {data?.fallback && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="没有完全匹配的分词结果，以下按字面包含检索词列出" />}
          <section aria-label="检索结果">
            <List<DocumentSearchHit>
              itemLayout="vertical"
              loading={search.isFetching}
              dataSource={data?.hits ?? []}
              locale={{ emptyText: '没有找到符合条件的公文' }}
              rowKey={(hit) => hit.documentId ?? hit.incomingId ?? hit.title}
              renderItem={(hit) => <HitItem hit={hit} />}
              pagination={
                data && data.total > pageSize
                  ? {
                      current: page,
                      pageSize,
                      total: data.total,
                      showSizeChanger: false,
                      showTotal: (n) => `共 ${n}${data.totalExact ? '' : '+'} 件`,
                      onChange: (p) => update({ page: String(p) }),
                    }
                  : false
              }
            />
          </section>
          {data && data.total <= pageSize && <Typography.Text type="secondary">共 {data.total} 件</Typography.Text>}
        </>
      )}
    </Card>
  );
}
