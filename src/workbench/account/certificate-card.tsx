import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Descriptions, Form, Popconfirm, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useEnrolCertificate, useRemoveCertificate, useSecondFactors, type CertificateFactor, type SecondFactors } from '../api/account.js';
import { QueryError } from '../shell/forbidden.js';
import { formatDate, formatDateTime } from '../shell/format.js';
import { CertificateField, certificateOf, KeyFields, type KeyFormValues } from './certificate-fields.js';
import { signChallenge } from './signer.js';

const statusTags: Record<CertificateFactor['status'], { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  expired: { label: '已过期', color: 'orange' },
  not_yet_valid: { label: '尚未生效', color: 'orange' },
  revoked: { label: '已吊销', color: 'red' },
  bad_signature: { label: '无法验证', color: 'red' },
  unknown_issuer: { label: '非本平台签发', color: 'red' },
  malformed: { label: '无法验证', color: 'red' },
};

/** The bound certificate as the CA judges it now. */
function BoundCertificate({ certificate: c }: { certificate: CertificateFactor }) {
  const tag = statusTags[c.status];
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'status',
          label: '状态',
          children: (
            <Tooltip title={c.statusMessage}>
              <Tag color={tag.color}>{tag.label}</Tag>
            </Tooltip>
          ),
        },
        { key: 'cn', label: '证书名称', children: c.commonName },
        { key: 'serial', label: '序列号', children: <Typography.Text code copyable>{c.serial}</Typography.Text> },
        { key: 'validity', label: '有效期', children: `${formatDate(c.notBefore)} 至 ${formatDate(c.notAfter)}` },
        { key: 'enrolled', label: '绑定时间', children: formatDateTime(c.enrolledAt) },
        { key: 'used', label: '最近用于登录', children: c.lastUsedAt ? formatDateTime(c.lastUsedAt) : '尚未使用' },
      ]}
    />
  );
}

/** Choose the certificate and its key; the browser signs the server's nonce and the certificate is bound. */
function EnrolCertificateForm({ username, onDone, onCancel }: { username: string; onDone: () => void; onCancel?: () => void }) {
  const [form] = Form.useForm<KeyFormValues>();
  const enrol = useEnrolCertificate();
  const { message } = AntApp.useApp();
  const onFinish = (values: KeyFormValues) =>
    enrol.mutate(
      {
        certificate: certificateOf(values),
        sign: (nonce) => signChallenge(values.key, values.passphrase, { purpose: 'enrol', username, nonce }),
      },
      {
        onSuccess: () => {
          void message.success('数字证书已绑定');
          form.resetFields();
          onDone();
        },
      },
    );
  return (
    <Form<KeyFormValues> form={form} layout="vertical" name="enrolCertificate" onFinish={onFinish} disabled={enrol.isPending}>
      <CertificateField form={form} />
      <KeyFields form={form} />
      {enrol.error && (
        <Form.Item>
          <Alert type="error" showIcon title={enrol.error.message} />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" icon={<SafetyCertificateOutlined />} loading={enrol.isPending}>
          签名并绑定
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}

function CertificateBody({ factors, username }: { factors: SecondFactors; username: string }) {
  const [enrolling, setEnrolling] = useState(false);
  const remove = useRemoveCertificate();
  const { message } = AntApp.useApp();
  const { certificate, actions } = factors;
  const mayEnrol = actions.includes('enrolCertificate');
  const mayRemove = actions.includes('removeCertificate');

  if (!certificate && !mayEnrol) {
    return <Typography.Paragraph type="secondary">安全策略当前不接受数字证书作为第二认证因子。</Typography.Paragraph>;
  }
  return (
    <>
      {certificate ? (
        <BoundCertificate certificate={certificate} />
      ) : (
        <Typography.Paragraph type="secondary">
          尚未绑定。请先由安全管理员为您签发个人签名证书（证书管理 → 签发 → 个人签名证书），然后在此选择证书和私钥文件完成绑定；之后登录时用私钥在浏览器中签名，私钥不会上传。
        </Typography.Paragraph>
      )}
      {certificate && !mayRemove && (
        <Typography.Paragraph type="secondary">安全策略要求第二认证因子，须另有可用的认证方式才能解除此证书；可直接更换为新证书。</Typography.Paragraph>
      )}
      {remove.error && <Alert type="error" showIcon title={remove.error.message} style={{ marginBottom: 16 }} />}
      {enrolling ? (
        <EnrolCertificateForm username={username} onDone={() => setEnrolling(false)} onCancel={() => setEnrolling(false)} />
      ) : (
        <Space wrap>
          {mayEnrol && (
            <Button type={certificate ? 'default' : 'primary'} icon={<SafetyCertificateOutlined />} onClick={() => setEnrolling(true)}>
              {certificate ? '更换证书' : '绑定数字证书'}
            </Button>
          )}
          {certificate && mayRemove && (
            <Popconfirm
              title="解除绑定该证书？"
              description="解除后登录时不再能用该证书。"
              okText="解除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => remove.mutate(undefined, { onSuccess: () => void message.success('已解除绑定') })}
            >
              <Button danger loading={remove.isPending}>
                解除绑定
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </>
  );
}

/**
 * The SM2 certificate second factor (密码技术鉴别): the bound personal certificate with its serial,
 * validity and status, binding or replacing one, and removing it when the policy allows.
 */
export function CertificateCard({ username }: { username: string }) {
  const factors = useSecondFactors();
  return (
    <Card title="第二认证因子（数字证书）" style={{ height: '100%' }}>
      {factors.isError ? (
        <QueryError error={factors.error} />
      ) : factors.data ? (
        <CertificateBody factors={factors.data} username={username} />
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}
