import { Empty, Table, Tag, Typography } from 'antd';
import { receiptKinds } from '../../shared/documents-receiving.js';
import { recipientRoleLabels } from '../../shared/documents.js';
import { useDeliveryReceipts, type DeliveryReceipt, type DocumentFlow } from '../api/documents.js';
import { formatDateTime } from '../shell/format.js';

const statusTags: Record<DeliveryReceipt['status'], { label: string; color: string }> = {
  delivered: { label: '已送达，待签收', color: 'default' },
  signed: { label: receiptKinds.signed, color: 'green' },
  returned: { label: receiptKinds.returned, color: 'red' },
  completed: { label: receiptKinds.completed, color: 'blue' },
};

interface Row {
  orgId: string;
  orgName: string;
  role: DeliveryReceipt['role'];
  channel: string;
  deliveredAt: string;
  status?: DeliveryReceipt['status'];
  receipts: DeliveryReceipt['receipts'];
}

/**
 * 分发情况 after 核发: each 主送 and 抄送 organisation, when it was delivered, and its receipts (签收,
 * 退回, 办结 — who and when). Receipts are for the issuer's clerks and leaders; others see the deliveries.
 */
export function Deliveries({ documentId, deliveries, issued }: { documentId: string; deliveries: DocumentFlow['deliveries']; issued: boolean }) {
  const receipts = useDeliveryReceipts(documentId, issued);
  if (!deliveries.length) return <Empty description={issued ? '没有分发记录' : '核发后显示各机关的送达与签收情况'} />;
  const byOrg = new Map((receipts.data?.items ?? []).map((r) => [r.org.orgId, r]));
  const rows: Row[] = deliveries.map((d) => ({ ...d, status: byOrg.get(d.orgId)?.status, receipts: byOrg.get(d.orgId)?.receipts ?? [] }));
  return (
    <Table<Row>
      rowKey="orgId"
      size="small"
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      dataSource={rows}
      loading={receipts.isFetching}
      aria-label="分发与签收情况"
      columns={[
        { title: '收文机关', dataIndex: 'orgName' },
        { title: '类别', dataIndex: 'role', width: 80, render: (r: Row['role']) => recipientRoleLabels[r] },
        { title: '送达方式', dataIndex: 'channel', width: 110, render: (c: string) => (c === 'local' ? '本系统' : '跨系统交换') },
        { title: '送达时间', dataIndex: 'deliveredAt', width: 180, render: formatDateTime },
        {
          title: '签收情况',
          key: 'status',
          render: (_v, r) =>
            r.status ? (
              <>
                <Tag color={statusTags[r.status].color}>{statusTags[r.status].label}</Tag>
                {r.receipts.map((x) => (
                  <Typography.Text key={x.kind + x.at} type="secondary" style={{ display: 'block' }}>
                    {receiptKinds[x.kind]}：{x.actorName}，{formatDateTime(x.at)}
                    {x.reason ? `（${x.reason}）` : ''}
                  </Typography.Text>
                ))}
              </>
            ) : receipts.isError ? (
              <Typography.Text type="secondary">无权查看回执</Typography.Text>
            ) : (
              <Tag>已送达</Tag>
            ),
        },
      ]}
    />
  );
}
