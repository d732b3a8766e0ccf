import { App as AntApp, Button, Col, Form, Input, Modal, Radio, Row, Select, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useSaveEntry, useUploadEntryFile, type DisclosureEntry } from '../api/disclosure.js';
import { ArticlePicker } from '../portal/article-picker.js';
import { categoryOptions, showFieldErrors } from './labels.js';
import { todayInShanghai } from './working-days.js';

interface EntryValues {
  category: DisclosureEntry['category'];
  title: string;
  summary: string;
  docNumber: string;
  publisher: string;
  documentDate: string;
  source: 'file' | 'article';
  articleId: string | null;
}

const fieldNames = ['category', 'title', 'summary', 'docNumber', 'publisher', 'documentDate', 'articleId'];

/**
 * Creates or edits a catalogue entry: category, title, summary, 文号, 发布机构, 成文日期, and what the
 * public opens — an uploaded file or an article of the organisation's site. The index number is
 * given by the server at creation and never changes.
 */
export function EntryModal({ orgId, entry, onClose }: { orgId: string; entry?: DisclosureEntry; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EntryValues>();
  const save = useSaveEntry();
  const upload = useUploadEntryFile();
  const [file, setFile] = useState<File>();
  // Once created, a failed upload retried must not create the entry a second time.
  const [created, setCreated] = useState<DisclosureEntry>();
  const existing = entry ?? created;
  const source = Form.useWatch('source', form);

  const submit = async (v: EntryValues) => {
    const fields = {
      category: v.category,
      title: v.title,
      summary: v.summary ?? '',
      docNumber: v.docNumber?.trim() || null,
      documentDate: v.documentDate,
      articleId: v.source === 'article' ? (v.articleId ?? null) : null,
      ...(v.publisher?.trim() ? { publisher: v.publisher.trim() } : {}),
    };
    try {
      const saved = existing ? await save.mutateAsync({ id: existing.id, body: fields }) : await save.mutateAsync({ body: { orgId, ...fields } });
      if (!existing) setCreated(saved);
      if (v.source === 'file' && file) await upload.mutateAsync({ id: saved.id, file });
      void message.success(entry ? '已保存' : `已新建，索引号 ${saved.indexNumber}`);
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error, fieldNames)) void message.error((error as Error).message);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={entry ? `编辑条目 ${entry.indexNumber}` : '新建公开目录条目'}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending || upload.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<EntryValues>
        form={form}
        layout="vertical"
        name="disclosure-entry"
        onFinish={(v) => void submit(v)}
        initialValues={{
          category: entry?.category,
          title: entry?.title ?? '',
          summary: entry?.summary ?? '',
          docNumber: entry?.docNumber ?? '',
          publisher: entry?.publisher ?? '',
          documentDate: entry?.documentDate ?? '',
          source: entry?.articleId ? 'article' : 'file',
          articleId: entry?.articleId ?? null,
        }}
      >
        <Form.Item label="标题" name="title" rules={[{ required: true, min: 2, message: '标题至少 2 个字' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="主动公开类别" name="category" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={categoryOptions} placeholder="条例第二十条所列类别" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="成文日期" name="documentDate" rules={[{ required: true, message: '请填写成文日期' }]}>
              <Input type="date" max={todayInShanghai()} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="文号" name="docNumber">
              <Input maxLength={60} placeholder="如 兴署办发〔2026〕8号（可不填）" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="发布机构" name="publisher" extra="不填则为本机关">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="内容概述" name="summary">
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="公开内容" name="source">
          <Radio.Group options={[{ value: 'file', label: '上传文件' }, { value: 'article', label: '关联网站文章' }]} />
        </Form.Item>
        {source === 'article' ? (
          <Form.Item label="网站文章" name="articleId" rules={[{ required: true, message: '请选择文章' }]}>
            <ArticlePicker siteId={undefined} placeholder="按标题查找本机关网站的文章" />
          </Form.Item>
        ) : (
          <Form.Item label="文件" extra="PDF、图片或 Office 文件；类型按内容识别">
            <Space direction="vertical">
              {entry?.fileName && !file && <Typography.Text>当前文件：{entry.fileName}</Typography.Text>}
              <Upload
                maxCount={1}
                beforeUpload={(f) => (setFile(f), false)}
                onRemove={() => setFile(undefined)}
                fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
              >
                <Button icon={<UploadOutlined aria-hidden />}>{entry?.fileName ? '更换文件' : '选择文件'}</Button>
              </Upload>
            </Space>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
