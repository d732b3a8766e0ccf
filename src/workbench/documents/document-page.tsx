import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Flex, Space, Spin, Tabs, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { documentKindLabel } from '../../shared/documents.js';
import { useDocument, useDocumentFlow, type DocumentView } from '../api/documents.js';
import { QueryError } from '../shell/forbidden.js';
import { ActionBar } from './action-bar.js';
import { AttachmentsCard } from './attachments-card.js';
import { BodyView } from './body-view.js';
import { Deliveries } from './deliveries.js';
import { FinalCopy } from './final-copy.js';
import { CurrentStep, FlowHistory } from './flow-history.js';
import { MarkTags, StatusTag } from './labels.js';
import { Particulars } from './particulars.js';
import { VersionsTab } from './versions-tab.js';

/** /documents/:id: 公文详情 — particulars, body, flow history, versions, final copy and deliveries. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const doc = useDocument(id);
  if (doc.isPending) return <Spin description="正在加载…" />;
  if (doc.isError) return <QueryError error={doc.error} title="无法打开这份公文" />;
  return <DocumentDetail doc={doc.data} />;
}

const tabKeys = ['content', 'flow', 'versions', 'deliveries'] as const;

function DocumentDetail({ doc }: { doc: DocumentView }) {
  const flow = useDocumentFlow(doc.id);
  const [params, setParams] = useSearchParams();
  const tab = (tabKeys as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'content';
  const events = flow.data?.events ?? [];

  return (
    <Flex vertical gap={16}>
      <title>{`${doc.title} · 兴安政务平台`}</title>
      <Card
        title={
          <Space orientation="vertical" size={4} style={{ whiteSpace: 'normal' }}>
            <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>{doc.title}</Typography.Title>
            <Space wrap size={6}>
              {doc.docNumber && <span className="wb-doc-number" aria-label="发文字号">{doc.docNumber}</span>}
              <StatusTag status={doc.status} />
              <span>{documentKindLabel(doc.kind)}</span>
              <MarkTags urgency={doc.urgency} secrecy={doc.secrecy} />
            </Space>
          </Space>
        }
        extra={<Link to="/documents"><ArrowLeftOutlined aria-hidden /> 返回发文</Link>}
      >
        <Flex vertical gap={12}>
          <CurrentStep doc={doc} />
          <ActionBar doc={doc} />
        </Flex>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'content' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'content',
              label: '公文',
              children: (
                <Flex vertical gap={16}>
                  <FinalCopy doc={doc} />
                  <Particulars doc={doc} />
                  <section aria-label="正文">
                    <Typography.Title level={3} style={{ fontSize: 16 }}>正文（第 {doc.bodyVersion} 版）</Typography.Title>
                    <BodyView html={doc.bodyHtml} />
                  </section>
                  <AttachmentsCard doc={doc} editable={doc.actions.includes('edit')} />
                </Flex>
              ),
            },
            {
              key: 'flow',
              label: `流转记录${events.length ? `（${events.length}）` : ''}`,
              children: flow.isError ? <QueryError error={flow.error} /> : flow.isPending ? <Spin /> : <FlowHistory events={events} />,
            },
            { key: 'versions', label: `版本（${doc.bodyVersion}）`, children: <VersionsTab documentId={doc.id} /> },
            {
              key: 'deliveries',
              label: '分发情况',
              children: <Deliveries documentId={doc.id} deliveries={flow.data?.deliveries ?? []} issued={doc.status === 'issued'} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
