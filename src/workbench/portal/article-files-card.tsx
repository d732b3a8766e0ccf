import { DeleteOutlined, PaperClipOutlined, PictureOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Flex, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { articleFileUrl, useRemoveArticleAttachment, useUpdateArticle, useUploadArticleFile, type PortalArticle } from '../api/portal.js';
import { formatSize } from '../documents/attachments-card.js';

/** Types the server accepts, by extension: a browser leaves some without a type. */
const typeOfExtension: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
};
const pictureAccept = '.png,.jpg,.jpeg,.gif,.webp';

function typed(file: File): File {
  if (file.type) return file;
  const type = typeOfExtension[file.name.split('.').pop()?.toLowerCase() ?? ''];
  return type ? new File([file], file.name, { type }) : file;
}

/**
 * 封面 and 附件 of an article: shown always, changed while it may be edited. The server judges each
 * file by its bytes (a file that is not what it claims is refused with its reason, listed per file).
 */
export function ArticleFilesCard({ article, editable }: { article: PortalArticle; editable: boolean }) {
  const upload = useUploadArticleFile();
  const remove = useRemoveArticleAttachment();
  const update = useUpdateArticle();
  const { message } = AntApp.useApp();
  const [failures, setFailures] = useState<readonly { name: string; message: string }[]>([]);

  // Uploads under way per kind, kept here rather than read off the mutation: a button comes back in
  // the same render as the upload's verdict (a click on a loading button is dropped).
  const [uploading, setUploading] = useState<Readonly<Record<'cover' | 'attachment', number>>>({ cover: 0, attachment: 0 });
  const settle = (kind: 'cover' | 'attachment') => setUploading((prev) => ({ ...prev, [kind]: prev[kind] - 1 }));

  const send = (file: File, kind: 'cover' | 'attachment') => {
    setUploading((prev) => ({ ...prev, [kind]: prev[kind] + 1 }));
    return upload.mutateAsync({ id: article.id, file: typed(file), kind }).then(
      () => {
        settle(kind);
        void message.success(kind === 'cover' ? `已设置封面 ${file.name}` : `已上传附件 ${file.name}`);
      },
      (error: Error) => {
        settle(kind);
        setFailures((prev) => [...prev, { name: file.name, message: error.message }]);
      },
    );
  };
  const uploader = (kind: 'cover' | 'attachment', label: string, icon: React.ReactNode) => (
    <Upload
      accept={kind === 'cover' ? pictureAccept : Object.keys(typeOfExtension).map((e) => `.${e}`).join(',')}
      multiple={kind === 'attachment'}
      showUploadList={false}
      customRequest={({ file }) => {
        setFailures([]);
        void send(file as File, kind);
      }}
    >
      <Button icon={icon} loading={uploading[kind] > 0}>{label}</Button>
    </Upload>
  );

  return (
    <Card size="small" title={<span><PaperClipOutlined aria-hidden /> 封面与附件</span>} extra={editable && <Space>{uploader('cover', '上传封面', <PictureOutlined />)}{uploader('attachment', '上传附件', <UploadOutlined />)}</Space>}>
      {failures.map((f) => (
        <Alert key={f.name + f.message} type="error" showIcon style={{ marginBottom: 8 }} title={`${f.name}：${f.message}`} closable onClose={() => setFailures((prev) => prev.filter((x) => x !== f))} />
      ))}
      <Flex gap={16} align="start" wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>封面：</Typography.Text>
        {article.cover ? (
          <Space align="start">
            <img className="wb-article-cover" src={articleFileUrl(article.id, article.cover.fileId)} alt="封面图片" />
            {editable && (
              <Button
                size="small"
                danger
                loading={update.isPending}
                onClick={() =>
                  update.mutate({ id: article.id, body: { revision: article.revision, removeCover: true } }, { onSuccess: () => void message.success('已去掉封面'), onError: (e) => void message.error(e.message) })
                }
              >
                去掉封面
              </Button>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        )}
      </Flex>
      <List
        size="small"
        aria-label="附件"
        locale={{ emptyText: editable ? '暂无附件；可上传 PDF、Word、Excel、OFD、图片等（图片附件可插入正文）' : '无附件' }}
        dataSource={article.attachments}
        renderItem={(a, i) => (
          <List.Item
            actions={
              editable
                ? [
                    <Popconfirm key="remove" title={`删除附件“${a.title}”？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutate({ id: article.id, attachmentId: a.id }, { onError: (e) => void message.error(e.message) })}>
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`删除附件 ${a.title}`} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <span>
              {i + 1}. <Typography.Link href={articleFileUrl(article.id, a.fileId)} target="_blank" rel="noopener">{a.title}</Typography.Link>{' '}
              <Typography.Text type="secondary">（{formatSize(a.size)}）</Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}
