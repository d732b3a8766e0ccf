import { DownloadOutlined, EyeInvisibleOutlined, EyeOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Tag, Typography } from 'antd';
import { useState } from 'react';
import { finalCopyUrl, type DocumentView } from '../api/documents.js';
import { formatDateTime } from '../shell/format.js';
import { PdfPreview } from './pdf-preview.js';

/**
 * The final copy (GB/T 9704 PDF, sealed at 用印), previewed inline (pdf.js into canvases: the API
 * forbids framing its answers), with links to open it in the browser's own viewer and to download it.
 */
export function FinalCopy({ doc }: { doc: DocumentView }) {
  const [preview, setPreview] = useState(true);
  if (!doc.finalFileId) return null;
  const name = `${doc.docNumber ?? doc.title}.pdf`;
  return (
    <Card
      size="small"
      title={<span><FilePdfOutlined aria-hidden /> 正式公文</span>}
      extra={
        <Button size="small" type="text" icon={preview ? <EyeInvisibleOutlined /> : <EyeOutlined />} onClick={() => setPreview(!preview)} aria-expanded={preview}>
          {preview ? '收起预览' : '预览'}
        </Button>
      }
    >
      <div className="wb-doc-final" style={{ marginBottom: preview ? 12 : 0 }}>
        {doc.sealedAt && <Tag color="red">已用印 {formatDateTime(doc.sealedAt)}</Tag>}
        <Typography.Link href={finalCopyUrl(doc.id)} target="_blank" rel="noopener">
          <FilePdfOutlined aria-hidden /> 在新窗口打开
        </Typography.Link>
        <Typography.Link href={finalCopyUrl(doc.id)} download={name}>
          <DownloadOutlined aria-hidden /> 下载 {name}
        </Typography.Link>
        <Typography.Link href="/verify/document" target="_blank" rel="noopener">
          <SafetyCertificateOutlined aria-hidden /> 验证电子印章
        </Typography.Link>
      </div>
      {preview && <PdfPreview key={doc.finalFileId} url={finalCopyUrl(doc.id)} title={`正式公文 ${name}`} />}
    </Card>
  );
}
