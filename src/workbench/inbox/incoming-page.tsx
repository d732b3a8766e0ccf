import { ArrowLeftOutlined, EditOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { incomingSources, type IncomingSource } from '../../shared/documents-receiving.js';
import { documentKindLabel, recipientRoleLabels, type RecipientRole } from '../../shared/documents.js';
import { incomingFileUrl, sentFileUrl, useIncoming, type Incoming } from '../api/inbox.js';
import { PdfPreview } from '../documents/pdf-preview.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';
import { IncomingActions } from './incoming-actions.js';
import { IncomingHistory } from './incoming-history.js';
import { OverdueTag, SecrecyTag, StepTag, UrgencyTag } from './labels.js';

const by = (name: string | null, at: string | null) => (name || at ? `${name ?? ''} ${formatDateTime(at)}`.trim() : null);

function DocumentRef({ doc }: { doc: Incoming['replies'][number] }) {
  return (
    <Space size={8} wrap>
      <Link to={`/documents/${doc.id}`}>{doc.docNumber ? `${doc.docNumber} ${doc.title}` : doc.title}</Link>
      {doc.issuedAt && (
        <a href={sentFileUrl(doc.id)} download aria-label={`下载复文 ${doc.title} 的 PDF`}>
          PDF
        </a>
      )}
    </Space>
  );
}

/** The particulars of the document and of its handling; empty ones are left out. */
function particulars(doc: Incoming): DescriptionsProps['items'] {
  const rows: [string, ReactNode | null | undefined][] = [
    ['收文编号', doc.receiptNumber ?? <Typography.Text type="secondary">未登记</Typography.Text>],
    ['来文机关', doc.senderName],
    ['来文字号', doc.senderNumber],
    ['文种', doc.kind ? documentKindLabel(doc.kind) : null],
    ['成文日期', doc.documentDate],
    ['页数', doc.pages],
    ['来源', `${incomingSources[doc.source as IncomingSource] ?? doc.source}${doc.recipientRole ? `（${recipientRoleLabels[doc.recipientRole as RecipientRole]}）` : ''}`],
    ['收文机关', doc.orgName],
    ['收到时间', formatDateTime(doc.receivedAt)],
    ['签收', by(doc.signedByName, doc.signedAt)],
    ['登记时间', doc.registeredAt && formatDateTime(doc.registeredAt)],
    ['拟办意见', doc.proposal],
    ['批办意见', doc.instruction && `${doc.instruction}（${by(doc.instructedByName, doc.instructedAt)}）`],
    ['承办单位', doc.leadUnit?.name],
    ['协办单位', doc.coUnits.length ? doc.coUnits.map((u) => u.name).join('、') : null],
    [
      '办理时限',
      doc.deadline && (
        <Space size={4}>
          {doc.deadline}
          <OverdueTag overdue={doc.overdue} />
        </Space>
      ),
    ],
    ['催办', doc.reminderCount ? `${doc.reminderCount} 次，最近 ${formatDateTime(doc.lastRemindedAt)}` : null],
    ['办理结果', doc.result && `${doc.result}（${by(doc.completedByName, doc.completedAt)}）`],
    ['复文', doc.replyDocument && <DocumentRef doc={doc.replyDocument} />],
    ['答复本文的发文', doc.replies.length ? <Space orientation="vertical">{doc.replies.map((r) => <DocumentRef key={r.id} doc={r} />)}</Space> : null],
    ['退回理由', doc.returnReason && `${doc.returnReason}（${formatDateTime(doc.returnedAt)}）`],
    ['档号', doc.archive && <Link to={`/archive?org=${encodeURIComponent(doc.orgId)}&item=${encodeURIComponent(doc.archive.id)}`}>{doc.archive.archivalCode}</Link>],
  ];
  return rows.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([label, children]) => ({ key: label, label, children }));
}

/** The received PDF or the paper document's scan: previewed inline on request, and downloadable. */
function IncomingFile({ doc }: { doc: Incoming }) {
  const [preview, setPreview] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space size={16} wrap>
        <Button size="small" icon={<EyeOutlined />} aria-expanded={preview} onClick={() => setPreview(!preview)}>
          {preview ? '收起预览' : doc.source === 'paper' ? '预览扫描件' : '预览正式文件'}
        </Button>
        <a href={incomingFileUrl(doc.id)} download>
          <FilePdfOutlined aria-hidden /> {doc.source === 'paper' ? '下载扫描件' : '下载正式文件（PDF）'}
        </a>
      </Space>
      {preview && <PdfPreview url={incomingFileUrl(doc.id)} title={doc.title} />}
    </Space>
  );
}

/** /workbench/inbox/:id: the received document, its particulars, the actions open to the user and its history. */
export function IncomingPage() {
  const { id = '' } = useParams();
  const incoming = useIncoming(id);
  const navigate = useNavigate();

  if (incoming.isPending) return <Spin description="正在加载收文…" />;
  if (incoming.isError) {
    if (incoming.error.status === 404)
      return <Result status="404" title="收文不存在" subTitle={incoming.error.message} extra={<Button onClick={() => void navigate('/inbox')}>返回收文</Button>} />;
    return <QueryError error={incoming.error} />;
  }
  const doc = incoming.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <title>{`${doc.title} · 收文 · 兴安政务平台`}</title>
      <Link to={`/inbox?org=${encodeURIComponent(doc.orgId)}`}>
        <ArrowLeftOutlined aria-hidden /> 返回收文
      </Link>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div>
            <Typography.Title level={2} style={{ margin: '0 0 8px', fontSize: 20 }}>
              {doc.title}
            </Typography.Title>
            <Space size={4} wrap>
              <StepTag step={doc.step} />
              <UrgencyTag urgency={doc.urgency} />
              <SecrecyTag secrecy={doc.secrecy} />
              <OverdueTag overdue={doc.overdue} />
              {doc.archive && <Tag color="green">已归档</Tag>}
            </Space>
          </div>
          <section aria-label="可办理的操作">
            <Space wrap>
              <IncomingActions doc={doc} />
              {/* Whoever handles or finishes the item may answer it (复文); the server checks who drafts for whom. */}
              {(doc.actions.includes('handle') || doc.actions.includes('complete')) && (
                <Link to={`/documents/new?inReplyTo=${encodeURIComponent(doc.id)}`}>
                  <EditOutlined aria-hidden /> 起草复文
                </Link>
              )}
            </Space>
          </section>
          {doc.hasFile && <IncomingFile doc={doc} />}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={particulars(doc)} />
        </Space>
      </Card>
      <IncomingHistory doc={doc} />
    </Space>
  );
}
