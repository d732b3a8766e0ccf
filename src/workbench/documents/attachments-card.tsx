import { DeleteOutlined, EyeOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { attachmentUrl, useAddAttachment, useRemoveAttachment, type DocumentView } from '../api/documents.js';
import { PdfPreview } from './pdf-preview.js';

/** Types the server accepts, by extension: a browser leaves some (OFD, CSV on Windows) without a type. */
const typeOfExtension: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ofd: 'application/ofd',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  csv: 'text/csv',
};
const accept = Object.keys(typeOfExtension).map((e) => `.${e}`).join(',');

/** The file with the type the server should judge it by: the browser's, else the extension's. */
function typed(file: File): File {
  if (file.type) return file;
  const type = typeOfExtension[file.name.split('.').pop()?.toLowerCase() ?? ''];
  return type ? new File([file], file.name, { type }) : file;
}

export const formatSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A document's attachments (附件): download each, and while the document may be edited, upload more or
 * remove one. The server judges a file by its bytes and size; its refusals are listed per file.
 */
export function AttachmentsCard({ doc, editable }: { doc: DocumentView; editable: boolean }) {
  const add = useAddAttachment();
  const remove = useRemoveAttachment();
  const { message } = AntApp.useApp();
  const [failures, setFailures] = useState<readonly { name: string; message: string }[]>([]);
  const [previewing, setPreviewing] = useState<string>();
  // Uploads under way, kept here rather than read off the mutation: the button comes back in the
  // same render as the upload's verdict (the mutation's own state settles a tick later, and a click
  // on a loading button is dropped).
  const [uploading, setUploading] = useState(0);
  const shown = doc.attachments.find((a) => a.id === previewing && a.mediaType === 'application/pdf');

  const upload = (file: File) => {
    setUploading((n) => n + 1);
    return add.mutateAsync({ id: doc.id, file: typed(file) }).then(
      () => {
        setUploading((n) => n - 1);
        void message.success(`已上传附件 ${file.name}`);
      },
      (error: Error) => {
        setUploading((n) => n - 1);
        setFailures((prev) => [...prev, { name: file.name, message: error.message }]);
      },
    );
  };

  return (
    <Card
      size="small"
      title={<span><PaperClipOutlined aria-hidden /> 附件</span>}
      extra={
        editable && (
          <Upload
            accept={accept}
            multiple
            showUploadList={false}
            customRequest={({ file }) => {
              setFailures([]);
              void upload(file as File);
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading > 0}>上传附件</Button>
          </Upload>
        )
      }
    >
      {failures.map((f) => (
        <Alert key={f.name + f.message} type="error" showIcon style={{ marginBottom: 8 }} title={`${f.name}：${f.message}`} closable onClose={() => setFailures((prev) => prev.filter((x) => x !== f))} />
      ))}
      <List
        size="small"
        locale={{ emptyText: editable ? '暂无附件；可上传 PDF、Word、Excel、OFD、图片或文本文件' : '无附件' }}
        dataSource={doc.attachments}
        renderItem={(a, i) => (
          <List.Item
            actions={[
              ...(a.mediaType === 'application/pdf'
                ? [
                    <Button key="preview" type="text" size="small" icon={<EyeOutlined />} aria-pressed={previewing === a.id} onClick={() => setPreviewing(previewing === a.id ? undefined : a.id)}>
                      {previewing === a.id ? '收起' : '预览'}
                    </Button>,
                  ]
                : []),
              ...(editable
                ? [
                    <Popconfirm key="remove" title={`删除附件“${a.title}”？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutate({ id: doc.id, attachmentId: a.id }, { onError: (e) => void message.error(e.message) })}>
                      <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`删除附件 ${a.title}`} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <span>
              {i + 1}. <Typography.Link href={attachmentUrl(doc.id, a.id)} target="_blank" rel="noopener">{a.title}</Typography.Link>{' '}
              <Typography.Text type="secondary">（{a.fileName}，{formatSize(a.size)}）</Typography.Text>
            </span>
          </List.Item>
        )}
      />
      {shown && <PdfPreview key={shown.id} url={attachmentUrl(doc.id, shown.id)} title={`附件 ${shown.title}`} />}
    </Card>
  );
}
