import { Typography } from 'antd';
import { sendStepLabel } from '../../shared/documents.js';
import { useDocumentDiff, useDocumentVersions, type DocumentDiff } from '../api/documents.js';
import { QueryError } from '../shell/forbidden.js';
import { DiffParts, VersionComparison, useComparedVersions, versionColumns } from '../shell/version-compare.js';

/** 版本: every saved body (痕迹保留), and the differences between any two of them. */
export function VersionsTab({ documentId }: { documentId: string }) {
  const versions = useDocumentVersions(documentId);
  const list = versions.data ?? [];
  const compared = useComparedVersions(list);
  const diff = useDocumentDiff(documentId, compared.from, compared.to);

  if (versions.isError) return <QueryError error={versions.error} />;
  return (
    <VersionComparison
      versions={list}
      loading={versions.isFetching}
      columns={versionColumns('修改人', [{ title: '环节', dataIndex: 'step', width: 120, render: sendStepLabel }])}
      compared={compared}
      idPrefix="diff"
      diffError={diff.error}
      diff={diff.data && <DiffView diff={diff.data} />}
    />
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
          <DiffParts parts={diff.title} />
        </div>
      )}
      <div className="wb-diff wb-diff-body" role="group" aria-label="正文的差异">
        <DiffParts parts={diff.body} />
      </div>
    </section>
  );
}
