import { ArrowLeftOutlined, LinkOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { articleValidities } from '../../shared/portal.js';
import { usePortalArticle, type PortalArticle } from '../api/portal.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDate, formatDateTime } from '../shell/format.js';
import { ArticleActions } from './article-actions.js';
import { ArticleFilesCard } from './article-files-card.js';
import { ArticleHistory } from './article-history.js';
import { ArticleVersions } from './article-versions.js';
import { ArticleBodyView } from './body-view.js';
import { ArticleStatusTag, languageLabels, ValidityTag } from './labels.js';

/** /portal/articles/:id: the article, its state and public link, history, versions and the actions allowed now. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const article = usePortalArticle(id);
  if (article.isPending) return <Spin description="正在加载…" />;
  if (article.isError) return <QueryError error={article.error} title="无法打开这篇文章" />;
  return <ArticleDetail article={article.data} />;
}

const tabKeys = ['content', 'history', 'versions'] as const;

/** What the state means for the public, in one line. */
function StateNotice({ article }: { article: PortalArticle }) {
  const publicLink = (
    <a href={article.url} target="_blank" rel="noopener noreferrer" aria-label="公开页面">
      <LinkOutlined aria-hidden /> {article.url}
    </a>
  );
  switch (article.status) {
    case 'published':
      return <Alert type="success" showIcon title={<>已于 {formatDateTime(article.publishedAt)} 发布：{publicLink}</>} />;
    case 'scheduled':
      return <Alert type="info" showIcon title={`已审核通过，将于 ${formatDateTime(article.publishAt)} 发布，发布后地址为 ${article.url}`} />;
    case 'submitted':
      return <Alert type="info" showIcon title="待审核：须由本单位另一位审核人员审核" />;
    case 'rejected':
      return <Alert type="warning" showIcon title={`已退回：${article.rejectReason ?? ''}`} />;
    case 'withdrawn':
      return <Alert type="warning" showIcon title={`已于 ${formatDateTime(article.withdrawnAt)} 撤稿：${article.withdrawReason ?? ''}`} description={<>原地址保留撤稿说明：{publicLink}</>} />;
    default:
      return null;
  }
}

function ArticleDetail({ article }: { article: PortalArticle }) {
  const [params, setParams] = useSearchParams();
  const tab = (tabKeys as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'content';
  const particulars = [
    { key: 'site', label: '网站', children: article.siteName },
    { key: 'column', label: '栏目', children: article.columnName },
    { key: 'lang', label: '语言', children: languageLabels[article.lang] },
    { key: 'source', label: '来源', children: article.source ?? '—' },
    { key: 'author', label: '作者', children: article.author ?? '—' },
    { key: 'createdBy', label: '撰稿', children: article.createdByName },
    { key: 'reviewedBy', label: '审核', children: article.reviewedByName ? `${article.reviewedByName}（${formatDateTime(article.reviewedAt)}）` : '—' },
    { key: 'tags', label: '标签', children: article.tags.length ? article.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—' },
    ...(article.translationOf ? [{ key: 'translationOf', label: '对应中文稿', children: <Link to={`/portal/articles/${article.translationOf}`}>查看中文原文</Link> }] : []),
    ...(article.interpretsId ? [{ key: 'interprets', label: '解读对象', children: <Link to={`/portal/articles/${article.interpretsId}`}>查看所解读的政策文件</Link> }] : []),
    ...(article.validity !== 'valid'
      ? [{ key: 'validity', label: '效力', children: `${articleValidities[article.validity]}${article.validityOn ? `（${formatDate(article.validityOn)}）` : ''}：${article.validityNote ?? ''}` }]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <title>{`${article.title} · 兴安政务平台`}</title>
      <Card
        title={
          <Space orientation="vertical" size={4} style={{ whiteSpace: 'normal' }}>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{article.title}</Typography.Title>
            {article.subtitle && <Typography.Text type="secondary">{article.subtitle}</Typography.Text>}
            <Space wrap size={6}>
              <ArticleStatusTag status={article.status} />
              <ValidityTag validity={article.validity} />
              <Typography.Text type="secondary">第 {article.version} 版</Typography.Text>
            </Space>
          </Space>
        }
        extra={<Link to="/portal"><ArrowLeftOutlined aria-hidden /> 返回网站管理</Link>}
      >
        <Flex vertical gap={12}>
          <StateNotice article={article} />
          <ArticleActions article={article} />
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'content' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'content',
              label: '文章',
              children: (
                <Flex vertical gap={16}>
                  <Descriptions size="small" column={{ xs: 1, md: 2 }} items={particulars} />
                  {article.summary && <Alert type="info" title={`摘要：${article.summary}`} />}
                  <section aria-label="正文内容">
                    <ArticleBodyView html={article.bodyHtml} />
                  </section>
                  <ArticleFilesCard article={article} editable={article.actions.includes('edit')} />
                </Flex>
              ),
            },
            { key: 'history', label: `流转记录（${article.events.length}）`, children: <ArticleHistory events={article.events} /> },
            { key: 'versions', label: `版本（${article.version}）`, children: <ArticleVersions articleId={article.id} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
