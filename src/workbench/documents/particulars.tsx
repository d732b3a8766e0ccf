import { Descriptions, Tag, Typography } from 'antd';
import { documentDirectionLabels, documentKindLabel, secrecyLabels, urgencyLabels } from '../../shared/documents.js';
import type { DocumentView } from '../api/documents.js';
import { formatDate, formatDateTime } from '../shell/format.js';

const names = (orgs: readonly { orgId: string; name: string }[]) =>
  orgs.length ? orgs.map((o) => <Tag key={o.orgId}>{o.name}</Tag>) : <Typography.Text type="secondary">无</Typography.Text>;

/** A document's particulars (版头与版记的要素): who issues it, to whom, its marks and its dates. */
export function Particulars({ doc }: { doc: DocumentView }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'number', label: '发文字号', children: doc.docNumber ? <span className="wb-doc-number">{doc.docNumber}</span> : <Typography.Text type="secondary">编号登记后取得</Typography.Text> },
        { key: 'kind', label: '文种', children: `${documentKindLabel(doc.kind)}${doc.direction ? `（${documentDirectionLabels[doc.direction]}）` : ''}` },
        { key: 'org', label: '发文机关', children: doc.orgName },
        { key: 'drafting', label: '拟稿单位 / 拟稿人', children: `${doc.draftingOrgName} / ${doc.draftedByName}` },
        { key: 'main', label: '主送机关', span: 2, children: names(doc.mainRecipients) },
        { key: 'copy', label: '抄送机关', span: 2, children: names(doc.copyRecipients) },
        ...(doc.coIssuers.length ? [{ key: 'co', label: '联合发文机关', span: 2, children: names(doc.coIssuers) }] : []),
        { key: 'secrecy', label: '密级', children: `${secrecyLabels[doc.secrecy]}${doc.secrecyTerm ? `★${doc.secrecyTerm}` : ''}` },
        { key: 'urgency', label: '紧急程度', children: urgencyLabels[doc.urgency] },
        { key: 'signer', label: '签发人', children: doc.signerName ? `${doc.signerName}（${formatDateTime(doc.signedAt)}）` : '—' },
        { key: 'date', label: '成文日期', children: doc.documentDate ? formatDate(doc.documentDate) : '—' },
        { key: 'sealed', label: '用印时间', children: formatDateTime(doc.sealedAt) },
        { key: 'issued', label: '核发时间', children: formatDateTime(doc.issuedAt) },
        { key: 'note', label: '附注', span: 2, children: doc.note ?? '—' },
      ]}
    />
  );
}
