import { DownloadOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Tag, Typography } from 'antd';
import { finalCopyUrl, type DocumentView } from '../api/documents.js';
import { formatDateTime } from '../shell/format.js';

/**
 * The final copy (GB/T 9704 PDF, sealed at 用印). The API forbids framing its answers, so the copy opens
 * in the browser's own PDF viewer in a new tab rather than inside the page.
 */
export function FinalCopy({ doc }: { doc: DocumentView }) {
  if (!doc.finalFileId) return null;
  const name = `${doc.docNumber ?? doc.title}.pdf`;
  return (
    <Card size="small" title={<span><FilePdfOutlined aria-hidden /> 正式公文</span>}>
      <div className="wb-doc-final">
        {doc.sealedAt && <Tag color="red">已用印 {formatDateTime(doc.sealedAt)}</Tag>}
        <Typography.Link href={finalCopyUrl(doc.id)} target="_blank" rel="noopener">
          <FilePdfOutlined aria-hidden /> 预览正式公文（PDF，新窗口）
        </Typography.Link>
        <Typography.Link href={finalCopyUrl(doc.id)} download={name}>
          <DownloadOutlined aria-hidden /> 下载 {name}
        </Typography.Link>
        <Typography.Link href="/verify/document" target="_blank" rel="noopener">
          <SafetyCertificateOutlined aria-hidden /> 验证电子印章
        </Typography.Link>
      </div>
    </Card>
  );
}
