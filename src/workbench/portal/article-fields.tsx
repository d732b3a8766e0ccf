import { Col, Form, Input, Row, Select } from 'antd';
import type { PortalLanguage } from '../../shared/portal.js';
import { ArticlePicker } from './article-picker.js';
import { ArticleBodyEditor } from './body-editor.js';
import type { Picture } from './body-dialogs.js';
import { languageLabels } from './labels.js';
import { ColumnPicker, SitePicker } from './pickers.js';

export interface ArticleValues {
  siteId?: string;
  columnId?: string;
  lang: PortalLanguage;
  title: string;
  subtitle?: string | null;
  source?: string | null;
  author?: string | null;
  summary?: string | null;
  bodyHtml: string;
  tags: string[];
  translationOf?: string | null;
  interpretsId?: string | null;
}

export const articleFieldNames = ['siteId', 'columnId', 'lang', 'title', 'subtitle', 'source', 'author', 'summary', 'bodyHtml', 'tags', 'translationOf', 'interpretsId'] as const;

/** The article form's fields; the site is chosen only for a new article (its column may move within the site). */
export function ArticleFields({ editing, articleId, pictures }: { editing: boolean; articleId?: string; pictures: readonly Picture[] }) {
  const form = Form.useFormInstance<ArticleValues>();
  const siteId = Form.useWatch('siteId', form);
  const lang = Form.useWatch('lang', form);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label="网站" name="siteId" rules={[{ required: true, message: '请选择网站' }]}>
            <SitePicker disabled={editing} onChange={() => form.setFieldValue('columnId', undefined)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item label="栏目" name="columnId" rules={[{ required: true, message: '请选择栏目' }]}>
            <ColumnPicker siteId={siteId} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="语言" name="lang">
            <Select options={Object.entries(languageLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
        <Input maxLength={200} showCount />
      </Form.Item>
      <Form.Item label="副标题" name="subtitle">
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="来源" name="source" extra="如：兴安盟行政公署办公室">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="作者" name="author">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="摘要" name="summary">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item label="正文" name="bodyHtml">
        <ArticleBodyEditor pictures={pictures} />
      </Form.Item>
      <Form.Item label="标签" name="tags" extra="输入后按回车添加，最多 20 个">
        <Select mode="tags" maxCount={20} open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Row gutter={12}>
        {lang !== 'zh-CN' && (
          <Col xs={24} md={12}>
            <Form.Item label="对应中文稿" name="translationOf" extra="本文为译文时，关联同一网站的中文原文">
              <ArticlePicker siteId={siteId} self={articleId} placeholder="搜索中文原文的标题" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item label="解读对象" name="interpretsId" extra="政策解读所解读的政策文件（通知公告/政策文件、信息公开栏目）">
            <ArticlePicker siteId={siteId} self={articleId} placeholder="搜索政策文件的标题" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
