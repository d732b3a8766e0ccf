import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, Form, Result, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useArticleCommand, useCreateArticle, usePortalArticle, useUpdateArticle, type PortalArticle } from '../api/portal.js';
import { QueryError } from '../shell/forbidden.js';
import { ArticleFields, articleFieldNames, type ArticleValues } from './article-fields.js';
import { ArticleFilesCard } from './article-files-card.js';

const valuesOf = (a: PortalArticle): ArticleValues => ({
  siteId: a.siteId,
  columnId: a.columnId,
  lang: a.lang,
  title: a.title,
  subtitle: a.subtitle,
  source: a.source,
  author: a.author,
  summary: a.summary,
  bodyHtml: a.bodyHtml,
  tags: a.tags,
  translationOf: a.translationOf,
  interpretsId: a.interpretsId,
});

/** Where a refusal that names no field belongs. */
const fieldOfCode: Readonly<Record<string, (typeof articleFieldNames)[number]>> = {
  'portal.translation_invalid': 'translationOf',
  'portal.interprets_invalid': 'interpretsId',
  'portal.column_not_found': 'columnId',
  'portal.site_not_found': 'siteId',
};

/** /portal/articles/new and /portal/articles/:id/edit: writing a draft, or revising one sent back. */
export function ArticleEditPage() {
  const { id } = useParams();
  const article = usePortalArticle(id);
  if (id && article.isPending) return <Spin description="正在加载…" />;
  if (id && article.isError) return <QueryError error={article.error} title="无法打开这篇文章" />;
  if (article.data && !article.data.actions.includes('edit')) {
    return (
      <Result
        status="info"
        title="当前不能修改这篇文章"
        subTitle="只有草稿和被退回的文章可以修改；已发布的文章如需更正，请撤稿后重新发布。"
        extra={<Link to={`/portal/articles/${article.data.id}`}>查看文章</Link>}
      />
    );
  }
  return <ArticleForm key={id ?? 'new'} article={article.data} />;
}

function ArticleForm({ article }: { article: PortalArticle | undefined }) {
  const [form] = Form.useForm<ArticleValues>();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const create = useCreateArticle();
  const update = useUpdateArticle();
  const command = useArticleCommand();

  useEffect(() => {
    if (article) form.setFieldsValue(valuesOf(article));
  }, [article, form]);

  /** The server's field problems go under their fields; the rest shows above the buttons. */
  const showProblems = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    const fields = new Map<string, string[]>();
    for (const f of error.fields) {
      const name = f.path.replace(/^body\./, '').split('.')[0]!;
      if ((articleFieldNames as readonly string[]).includes(name)) fields.set(name, [...(fields.get(name) ?? []), f.message]);
    }
    const field = fieldOfCode[error.code];
    if (field) fields.set(field, [error.message]);
    form.setFields([...fields].map(([name, errors]) => ({ name: name as keyof ArticleValues, errors })));
  };

  const save = async (values: ArticleValues): Promise<PortalArticle | undefined> => {
    const text = (v: string | null | undefined) => v?.trim() || null;
    const common = {
      columnId: values.columnId!,
      lang: values.lang,
      title: values.title.trim(),
      subtitle: text(values.subtitle),
      source: text(values.source),
      author: text(values.author),
      summary: text(values.summary),
      bodyHtml: values.bodyHtml ?? '',
      tags: values.tags ?? [],
      translationOf: values.lang === 'zh-CN' ? null : (values.translationOf ?? null),
      interpretsId: values.interpretsId ?? null,
    };
    try {
      if (!article) {
        const created = await create.mutateAsync(common);
        void message.success('草稿已保存；可继续修改、上传封面和附件');
        void navigate(`/portal/articles/${created.id}/edit`, { replace: true });
        return created;
      }
      const saved = await update.mutateAsync({ id: article.id, body: { ...common, revision: article.revision } });
      void message.success(`已保存为第 ${saved.version} 版`);
      return saved;
    } catch (error) {
      showProblems(error);
      return undefined;
    }
  };

  const saveAndSubmit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values || !article) return;
    const saved = await save(values);
    if (!saved) return;
    command.mutate(
      { article: saved, command: { action: 'submit' } },
      { onSuccess: () => (void message.success('已送审'), void navigate(`/portal/articles/${saved.id}`)) },
    );
  };

  const busy = create.isPending || update.isPending || command.isPending;
  const failure = create.error ?? update.error ?? command.error;
  const pictures = (article?.attachments ?? []).filter((a) => a.mediaType.startsWith('image/')).map((a) => ({ src: a.url, alt: a.title }));
  return (
    <Flex vertical gap={16}>
      <title>{article ? `修改：${article.title}` : '写文章'} · 兴安政务平台</title>
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{article ? '修改文章' : '写文章'}</Typography.Title>}
        extra={<Link to={article ? `/portal/articles/${article.id}` : '/portal'}><ArrowLeftOutlined aria-hidden /> {article ? '返回文章' : '返回网站管理'}</Link>}
      >
        {article?.status === 'rejected' && article.rejectReason && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`退回原因：${article.rejectReason}`} />}
        <Form<ArticleValues> form={form} layout="vertical" name="article" initialValues={{ lang: 'zh-CN', tags: [], bodyHtml: '' }} onFinish={(v) => void save(v)}>
          <ArticleFields editing={Boolean(article)} articleId={article?.id} pictures={pictures} />
          {failure && <Alert type="error" showIcon title={failure.message} style={{ marginBottom: 16 }} />}
          <Space wrap>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={create.isPending || update.isPending} disabled={busy}>
              {article ? '保存' : '保存草稿'}
            </Button>
            {article?.actions.includes('submit') && (
              <Button icon={<SendOutlined />} loading={command.isPending} disabled={busy} onClick={() => void saveAndSubmit()}>
                保存并送审
              </Button>
            )}
          </Space>
        </Form>
      </Card>
      {article ? <ArticleFilesCard article={article} editable /> : <Alert type="info" showIcon title="保存草稿后即可上传封面和附件" />}
    </Flex>
  );
}
