import { Descriptions, Typography } from 'antd';
import { useArticleDiff, useArticleVersions, type PortalArticleDiff } from '../api/portal.js';
import { QueryError } from '../shell/forbidden.js';
import { DiffParts, VersionComparison, useComparedVersions, versionColumns } from '../shell/version-compare.js';
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
  const list = versions.data ?? [];
  const compared = useComparedVersions(list);
  const diff = useArticleDiff(articleId, compared.from, compared.to);
  if (versions.isError) return <QueryError error={versions.error} />;
  return (
    <VersionComparison
      versions={list}
      loading={versions.isFetching}
      columns={versionColumns('保存人')}
      compared={compared}
      idPrefix="article-diff"
      diffError={diff.error}
      diff={diff.data && <DiffView diff={diff.data} />}
    />
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
          <DiffParts parts={diff.parts} />
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
