import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Drawer, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRevokeCertificate, type Certificate, type RevocationReason } from '../api/pki.js';
import { formatDateTime } from '../shell/format.js';
import { downloadText, kindLabels, profileLabels, reasonLabels } from './labels.js';
import { CertificateStatus } from './certificate-status.js';

interface Props {
  certificate: Certificate | undefined;
  onClose: () => void;
  onChanged: (certificate: Certificate) => void;
}

/** One certificate's subject, serial, validity and status; revoke it with a reason. */
export function CertificateDrawer({ certificate: c, onClose, onChanged }: Props) {
  const [reason, setReason] = useState<RevocationReason>();
  const revoke = useRevokeCertificate();
  const { message, modal } = AntApp.useApp();

  const close = () => {
    setReason(undefined);
    revoke.reset();
    onClose();
  };
  const onRevoke = () => {
    if (!c || !reason) return;
    modal.confirm({
      title: `吊销“${c.commonName}”？`,
      content: `吊销原因：${reasonLabels[reason]}。吊销不可撤回，证书将列入新的证书吊销列表，此后用它签署的印章或签名均不再被信任。`,
      okText: '吊销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        revoke.mutateAsync(
          { serial: c.serial, reason },
          {
            onSuccess: (updated) => {
              void message.success('证书已吊销，证书吊销列表已更新');
              onChanged(updated);
            },
          },
        ).catch(() => undefined),
    });
  };

  return (
    <Drawer title={c ? `证书：${c.commonName}` : '证书'} open={Boolean(c)} size={640} onClose={close} destroyOnHidden>
      {c && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            bordered
            column={1}
            size="small"
            items={[
              { key: 'cn', label: '名称（CN）', children: c.commonName },
              { key: 'kind', label: '类型', children: kindLabels[c.kind] },
              { key: 'o', label: '单位（O）', children: c.organization ?? '—' },
              { key: 'ou', label: '部门（OU）', children: c.organizationalUnit ?? '—' },
              { key: 'credit', label: '统一社会信用代码', children: c.creditCode ?? '—' },
              { key: 'uid', label: '用户名（UID）', children: c.username ?? '—' },
              { key: 'serial', label: '序列号', children: <Typography.Text code copyable>{c.serial}</Typography.Text> },
              { key: 'profile', label: '算法', children: profileLabels[c.profile] },
              { key: 'from', label: '生效时间', children: formatDateTime(c.notBefore) },
              { key: 'to', label: '到期时间', children: formatDateTime(c.notAfter) },
              { key: 'status', label: '状态', children: <CertificateStatus certificate={c} /> },
              ...(c.status === 'revoked'
                ? [
                    { key: 'revokedAt', label: '吊销时间', children: formatDateTime(c.revokedAt) },
                    { key: 'reason', label: '吊销原因', children: c.revocationReason ? reasonLabels[c.revocationReason] : '—' },
                  ]
                : []),
              { key: 'key', label: '私钥保管', children: c.hasStoredKey ? '平台以 SM4 加密保管（供公文盖章）' : '平台不保存私钥' },
              { key: 'created', label: '签发时间', children: formatDateTime(c.createdAt) },
            ]}
          />
          <Button icon={<DownloadOutlined />} onClick={() => downloadText(`${c.serial}.pem`, c.certificatePem)}>
            下载证书（PEM）
          </Button>
          {c.kind !== 'root' && c.status === 'valid' && (
            <section aria-label="吊销证书">
              <Typography.Title level={3} style={{ fontSize: 16 }}>吊销证书</Typography.Title>
              <Space wrap>
                <Select<RevocationReason>
                  aria-label="吊销原因"
                  placeholder="选择吊销原因"
                  style={{ width: 220 }}
                  value={reason}
                  onChange={setReason}
                  options={Object.entries(reasonLabels).map(([value, label]) => ({ value: value as RevocationReason, label }))}
                />
                <Button danger disabled={!reason} loading={revoke.isPending} onClick={onRevoke}>
                  吊销
                </Button>
              </Space>
              {revoke.error && <Alert type="error" showIcon title={revoke.error.message} style={{ marginTop: 12 }} />}
            </section>
          )}
        </Space>
      )}
    </Drawer>
  );
}
