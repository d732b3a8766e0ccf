import { Alert, Col, Empty, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { sendStepLabel } from '../../shared/documents.js';
import { useDocumentDiff, useDocumentVersions, type DocumentDiff, type DocumentVersionSummary } from '../api/documents.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';

/** 版本: every saved body (痕迹保留), and the differences between any two of them. */
export function VersionsTab({ documentId }: { documentId: string }) {
  const versions = useDocumentVersions(documentId);
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({});
  const list = versions.data ?? [];
  const latest = list.at(-1)?.number;
  // Until the user chooses, compare the last two versions.
  const from = chosen.from ?? (list.length > 1 ? list.at(-2)!.number : undefined);
  const to = chosen.to ?? latest;
  const diff = useDocumentDiff(documentId, from, to);

  if (versions.isError) return <QueryError error={versions.error} />;
  const options = list.map((v) => ({ value: v.number, label: `第 ${v.number} 版 · ${v.createdByName} · ${formatDateTime(v.createdAt)}` }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<DocumentVersionSummary>
        rowKey="number"
        size="small"
        loading={versions.isFetching}
        dataSource={list}
        pagination={false}
        columns={[
          { title: '版本', dataIndex: 'number', width: 80, render: (n: number) => `第 ${n} 版` },
          { title: '标题', dataIndex: 'title' },
          { title: '环节', dataIndex: 'step', width: 120, render: sendStepLabel },
          { title: '修改人', dataIndex: 'createdByName', width: 100 },
          { title: '保存时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
        ]}
      />
      {list.length < 2 ? (
        <Empty description="只有一个版本，暂无可比较的修改" />
      ) : (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <label htmlFor="diff-from" className="wb-field-label">旧版本</label>
              <Select id="diff-from" style={{ width: '100%' }} value={from} options={options} onChange={(v: number) => setChosen((c) => ({ ...c, from: v, to }))} />
            </Col>
            <Col xs={24} md={12}>
              <label htmlFor="diff-to" className="wb-field-label">新版本</label>
              <Select id="diff-to" style={{ width: '100%' }} value={to} options={options} onChange={(v: number) => setChosen((c) => ({ ...c, from, to: v }))} />
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

function Parts({ parts }: { parts: DocumentDiff['body'] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i} title="新增">{p.text}</ins>
        ) : p.op === 'delete' ? (
          <del key={i} title="删除">{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** The differences word by word: insertions green and underlined, deletions red and struck through. */
export function DiffView({ diff }: { diff: DocumentDiff }) {
  const titleChanged = diff.title.some((p) => p.op !== 'equal');
  return (
    <section aria-label={`第 ${diff.from} 版与第 ${diff.to} 版的差异`} className="wb-diff-view">
      <Typography.Paragraph>
        第 {diff.from} 版 → 第 {diff.to} 版：新增 {diff.inserted} 字，删除 {diff.deleted} 字。
        <Typography.Text type="secondary">（下划线为新增，删除线为删除）</Typography.Text>
      </Typography.Paragraph>
      {titleChanged && (
        <div className="wb-diff" role="group" aria-label="标题的差异">
          <Typography.Text strong>标题：</Typography.Text>
          <Parts parts={diff.title} />
        </div>
      )}
      <div className="wb-diff wb-diff-body" role="group" aria-label="正文的差异">
        <Parts parts={diff.body} />
      </div>
    </section>
  );
}
