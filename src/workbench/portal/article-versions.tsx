import { Alert, Col, Descriptions, Empty, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useArticleDiff, useArticleVersions, type PortalArticleDiff, type PortalArticleVersionSummary } from '../api/portal.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import '../documents/documents.css';

const fieldLabels: Readonly<Record<string, string>> = {
  columnId: '栏目',
  lang: '语言',
  source: '来源',
  author: '作者',
  summary: '摘要',
  tags: '标签',
  translationOf: '对应中文稿',
  interpretsId: '解读对象',
  cover: '封面',
  coverFileId: '封面',
  attachments: '附件',
};

const show = (value: unknown): string => (value === null || value === undefined || value === '' ? '（空）' : typeof value === 'string' ? value : JSON.stringify(value));

/** 版本: every save, and the word-by-word differences between any two. */
export function ArticleVersions({ articleId }: { articleId: string }) {
  const versions = useArticleVersions(articleId);
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({});
  const list = versions.data ?? [];
  const from = chosen.from ?? (list.length > 1 ? list.at(-2)!.number : undefined);
  const to = chosen.to ?? list.at(-1)?.number;
  const diff = useArticleDiff(articleId, from, to);
  if (versions.isError) return <QueryError error={versions.error} />;
  const options = list.map((v) => ({ value: v.number, label: `第 ${v.number} 版 · ${v.createdByName} · ${formatDateTime(v.createdAt)}` }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<PortalArticleVersionSummary>
        rowKey="number"
        size="small"
        loading={versions.isFetching}
        dataSource={list}
        pagination={false}
        columns={[
          { title: '版本', dataIndex: 'number', width: 80, render: (n: number) => `第 ${n} 版` },
          { title: '标题', dataIndex: 'title' },
          { title: '保存人', dataIndex: 'createdByName', width: 100 },
          { title: '保存时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
        ]}
      />
      {list.length < 2 ? (
        <Empty description="只有一个版本，暂无可比较的修改" />
      ) : (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <label htmlFor="article-diff-from" className="wb-field-label">旧版本</label>
              <Select id="article-diff-from" style={{ width: '100%' }} value={from} options={options} onChange={(v: number) => setChosen({ from: v, to })} />
            </Col>
            <Col xs={24} md={12}>
              <label htmlFor="article-diff-to" className="wb-field-label">新版本</label>
              <Select id="article-diff-to" style={{ width: '100%' }} value={to} options={options} onChange={(v: number) => setChosen({ from, to: v })} />
            </Col>
          </Row>
          {from === to && <Alert type="info" showIcon title="请选择两个不同的版本" />}
          {diff.isError && <QueryError error={diff.error} />}
          {diff.data && <DiffView diff={diff.data} />}
        </>
      )}
    </Space>
  );
}

/** Title, subtitle and body text word by word (insertions underlined, deletions struck), then other fields. */
function DiffView({ diff }: { diff: PortalArticleDiff }) {
  const changed = diff.parts.some((p) => p.op !== 'equal');
  return (
    <section aria-label={`第 ${diff.from} 版与第 ${diff.to} 版的差异`}>
      <Typography.Paragraph>
        第 {diff.from} 版 → 第 {diff.to} 版{changed ? '' : '：标题与正文没有变化'}
        <Typography.Text type="secondary">（下划线为新增，删除线为删除）</Typography.Text>
      </Typography.Paragraph>
      {changed && (
        <div className="wb-diff wb-diff-body" role="group" aria-label="标题与正文的差异">
          {diff.parts.map((p, i) => (p.op === 'insert' ? <ins key={i}>{p.text}</ins> : p.op === 'delete' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
        </div>
      )}
      {diff.fields.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginTop: 12 }}
          title="其他字段的变化"
          items={diff.fields.map((f) => ({
            key: f.field,
            label: fieldLabels[f.field] ?? f.field,
            children: (
              <>
                <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}
