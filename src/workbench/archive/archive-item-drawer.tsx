import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Drawer, Space, Spin, Table, Typography } from 'antd';
import { archiveSources, retentionPeriods } from '../../shared/documents-receiving.js';
import { documentKindLabel, secrecyLabels, urgencyLabels } from '../../shared/documents.js';
import { archiveFileUrl, useArchiveItem, type ArchiveMetadata } from '../api/archive.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDateTime } from '../shell/format.js';

type ProcessEvent = ArchiveMetadata['process'][number];
type FileFacts = ArchiveMetadata['form']['files'][number];

const joinOr = (names: readonly string[]) => (names.length ? names.join('、') : '—');

/** One filed 件: its 档号 and description, the stamped PDF and the original, the seal check, and the process metadata. */
export function ArchiveItemDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const item = useArchiveItem(id);
  const data = item.data;
  const m = data?.metadata;

  return (
    <Drawer open={Boolean(id)} onClose={onClose} size={760} title={data ? `档案：${data.archivalCode}` : '档案'} destroyOnHidden>
      {item.isPending && <Spin description="正在加载…" />}
      {item.isError && <QueryError error={item.error} />}
      {data && m && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Space wrap>
            {data.actions.includes('download') && (
              <>
                <a href={archiveFileUrl(data.id)} download>
                  <FilePdfOutlined aria-hidden /> 下载归档件（含归档章）
                </a>
                <a href={archiveFileUrl(data.id, 'original')} download>
                  <FilePdfOutlined aria-hidden /> 下载原件
                </a>
              </>
            )}
          </Space>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'code', label: '档号', span: 2, children: <Typography.Text copyable className="wb-mono">{data.archivalCode}</Typography.Text> },
              { key: 'fonds', label: '全宗', children: `${m.fonds.code} ${m.fonds.name}` },
              { key: 'category', label: '门类', children: m.category },
              { key: 'year', label: '年度', children: m.year },
              { key: 'retention', label: '保管期限', children: `${retentionPeriods[m.retention].label}（${m.retention}）` },
              { key: 'unit', label: '机构（问题）', children: `${m.unit.code} ${m.unit.name}` },
              { key: 'number', label: '件号', children: String(m.itemNumber).padStart(4, '0') },
              { key: 'title', label: '题名', span: 2, children: m.description.title },
              { key: 'docNumber', label: '文号', children: m.description.docNumber ?? '—' },
              { key: 'receipt', label: '收文编号', children: m.description.receiptNumber ?? '—' },
              { key: 'responsible', label: '责任者', children: m.description.responsible },
              { key: 'date', label: '日期', children: m.description.date ?? '—' },
              { key: 'kind', label: '文种', children: m.description.kind ? documentKindLabel(m.description.kind) : '—' },
              { key: 'pages', label: '页数', children: m.form.pages },
              { key: 'secrecy', label: '密级', children: secrecyLabels[m.description.secrecy] },
              { key: 'urgency', label: '紧急程度', children: urgencyLabels[m.description.urgency] },
              { key: 'main', label: '主送', span: 2, children: joinOr(m.description.mainRecipients) },
              { key: 'copy', label: '抄送', span: 2, children: joinOr(m.description.copyRecipients) },
              { key: 'source', label: '来源', children: archiveSources[m.source] },
              { key: 'filing', label: '归档', children: `${m.filing.by} ${formatDateTime(m.filing.at)}` },
            ]}
          />
          {m.signatures && (
            <Alert
              type={m.signatures.valid ? 'success' : 'warning'}
              showIcon
              title={`归档时电子印章验证：${m.signatures.message}`}
              description={m.signatures.seals.length ? `共 ${m.signatures.seals.length} 枚电子印章，验证于 ${formatDateTime(m.signatures.verifiedAt)}` : undefined}
            />
          )}
          <section aria-labelledby="archive-process">
            <Typography.Title level={3} id="archive-process" style={{ fontSize: 16 }}>
              办理过程
            </Typography.Title>
            <Table<ProcessEvent>
              rowKey={(e) => `${e.action}-${e.at}-${e.actor}`}
              size="small"
              pagination={false}
              dataSource={m.process}
              columns={[
                { title: '业务行为', dataIndex: 'label', width: 100 },
                { title: '办理人', dataIndex: 'actor', width: 100 },
                { title: '机构', dataIndex: 'org', render: (o: string | null) => o ?? '—' },
                { title: '时间', dataIndex: 'at', width: 170, render: formatDateTime },
                { title: '意见', dataIndex: 'opinion', render: (o: string | null) => o ?? '—' },
              ]}
            />
          </section>
          <section aria-labelledby="archive-files">
            <Typography.Title level={3} id="archive-files" style={{ fontSize: 16 }}>
              电子文件
            </Typography.Title>
            <Table<FileFacts>
              rowKey="role"
              size="small"
              pagination={false}
              dataSource={m.form.files}
              columns={[
                { title: '类别', dataIndex: 'role', width: 90, render: (r: FileFacts['role']) => (r === 'archival' ? '归档件' : '原件') },
                { title: '文件名', dataIndex: 'name' },
                { title: '大小', dataIndex: 'size', width: 100, render: (s: number) => `${(s / 1024).toFixed(1)} KB` },
                { title: 'SM3', dataIndex: 'sm3', render: (h: string) => <span className="wb-hash">{h}</span> },
              ]}
            />
          </section>
        </Space>
      )}
    </Drawer>
  );
}
