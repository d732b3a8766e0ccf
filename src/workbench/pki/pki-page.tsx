import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useCertificates, useRootCertificate, type Certificate, type CertificateListQuery } from '../api/pki.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDate } from '../shell/format.js';
import { CertificateDrawer } from './certificate-drawer.js';
import { CertificateStatus } from './certificate-status.js';
import { IssueCertificateModal } from './issue-certificate-modal.js';
import { kindLabels, profileLabels } from './labels.js';

/** /workbench/pki: the 安全管理员's certificates — the root, issue, inspect and revoke. */
export function PkiPage() {
  const [kind, setKind] = useState<CertificateListQuery['kind']>();
  const [status, setStatus] = useState<CertificateListQuery['status']>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useCertificates({ page, pageSize, ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
  const [issuing, setIssuing] = useState(false);
  const [shown, setShown] = useState<Certificate>();

  if (list.isError && list.error.status === 403) return <QueryError error={list.error} />;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <title>证书管理 · 兴安政务平台</title>
      <RootCard />
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>证书管理</Typography.Title>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            签发证书
          </Button>
        }
      >
        <Row gutter={[12, 12]} className="wb-filters">
          <Col>
            <label htmlFor="cert-kind" className="wb-field-label">类型</label>
            <Select
              id="cert-kind"
              allowClear
              placeholder="全部类型"
              style={{ width: 180 }}
              value={kind}
              onChange={(v) => (setKind(v), setPage(1))}
              options={Object.entries(kindLabels).map(([value, label]) => ({ value, label }))}
            />
          </Col>
          <Col>
            <label htmlFor="cert-status" className="wb-field-label">状态</label>
            <Select
              id="cert-status"
              allowClear
              placeholder="全部状态"
              style={{ width: 140 }}
              value={status}
              onChange={(v) => (setStatus(v), setPage(1))}
              options={[
                { value: 'valid', label: '有效' },
                { value: 'revoked', label: '已吊销' },
              ]}
            />
          </Col>
        </Row>
        {list.isError && <QueryError error={list.error} />}
        <Table<Certificate>
          rowKey="serial"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 960 }}
          locale={{ emptyText: '暂无证书' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 张证书`,
            onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
          }}
          columns={[
            { title: '名称（CN）', dataIndex: 'commonName', render: (cn: string, c) => <Typography.Link onClick={() => setShown(c)}>{cn}</Typography.Link> },
            { title: '类型', dataIndex: 'kind', render: (k: Certificate['kind']) => kindLabels[k] },
            { title: '单位 / 用户', key: 'subject', render: (_v, c) => [c.organization, c.username].filter(Boolean).join(' · ') || '—' },
            { title: '算法', dataIndex: 'profile', render: (p: Certificate['profile']) => profileLabels[p] },
            { title: '有效期', key: 'validity', render: (_v, c) => `${formatDate(c.notBefore)} 至 ${formatDate(c.notAfter)}` },
            { title: '状态', key: 'status', render: (_v, c) => <CertificateStatus certificate={c} /> },
            { title: '序列号', dataIndex: 'serial', render: (s: string) => <Typography.Text code>{s.slice(0, 12)}…</Typography.Text> },
            { title: '操作', key: 'actions', render: (_v, c) => <Button type="link" onClick={() => setShown(c)}>查看</Button> },
          ]}
        />
      </Card>
      <IssueCertificateModal open={issuing} onClose={() => setIssuing(false)} />
      <CertificateDrawer certificate={shown} onClose={() => setShown(undefined)} onChanged={setShown} />
    </Space>
  );
}

/** The root everyone verifies against, and where relying parties download it and the CRL. */
function RootCard() {
  const root = useRootCertificate();
  if (root.isError) return null;
  return (
    <Card title="根证书与证书吊销列表" size="small" loading={root.isPending}>
      {root.data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'cn', label: '根证书', children: root.data.commonName },
              { key: 'profile', label: '算法', children: profileLabels[root.data.profile] },
              { key: 'validity', label: '有效期至', children: formatDate(root.data.notAfter) },
            ]}
          />
          <Space wrap>
            <Button icon={<DownloadOutlined />} href="/pki/root.pem" download>下载根证书（PEM）</Button>
            <Button icon={<DownloadOutlined />} href="/pki/crl.der" download>下载证书吊销列表（CRL）</Button>
            <Typography.Text type="secondary">两者均可公开下载，供验证印章和签名证书使用。</Typography.Text>
          </Space>
        </Space>
      ) : (
        <Alert
          type="info"
          showIcon
          title="尚未创建根证书"
          description={
            <>
              平台的 SM2 根证书由运维人员在服务器上运行 <Typography.Text code>hinggan ca init</Typography.Text> 创建（可指定单位名称）；
              若未创建，首次签发证书时平台会以默认名称“兴安盟政务根证书”自动创建。根证书创建后，可在此下载根证书和证书吊销列表。
            </>
          }
        />
      )}
    </Card>
  );
}
