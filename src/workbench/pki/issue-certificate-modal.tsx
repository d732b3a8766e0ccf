import { DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Modal, Radio, Result, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.js';
import { useIssueCertificate, type IssuedCertificate, type IssueRequest } from '../api/pki.js';
import { OrgPicker } from '../orgs/org-picker.js';
import { downloadText, kindLabels } from './labels.js';

interface Values {
  kind: 'seal' | 'personal';
  name: string;
  orgKey?: string;
  organizationalUnit?: string;
  username?: string;
  keySource: 'generate' | 'csr';
  csr?: string;
  profile: 'sm2' | 'p256';
  validityDays?: number;
}

function toRequest(v: Values): IssueRequest {
  const common = {
    name: v.name.trim(),
    profile: v.profile,
    ...(v.keySource === 'csr' && v.csr ? { csr: v.csr.trim() } : {}),
    ...(v.validityDays ? { validityDays: v.validityDays } : {}),
  };
  return v.kind === 'seal'
    ? { kind: 'seal', orgKey: v.orgKey!, ...(v.organizationalUnit?.trim() ? { organizationalUnit: v.organizationalUnit.trim() } : {}), ...common }
    : { kind: 'personal', username: v.username!.trim(), ...(v.orgKey ? { orgKey: v.orgKey } : {}), ...common };
}

/** Issues a seal certificate for an organisation or a personal certificate, from a generated key or a CSR. */
export function IssueCertificateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const issue = useIssueCertificate();
  const [issued, setIssued] = useState<IssuedCertificate>();
  const [keySaved, setKeySaved] = useState(false);
  const { message, modal } = AntApp.useApp();
  const kind = Form.useWatch('kind', form) ?? 'seal';
  const keySource = Form.useWatch('keySource', form) ?? 'generate';

  // Cleared after the closing animation, so the dialog does not flash back to the empty form.
  const reset = () => {
    form.resetFields();
    issue.reset();
    setIssued(undefined);
    setKeySaved(false);
  };
  // The private key exists nowhere else once this dialog closes: make leaving without it deliberate.
  const close = () => {
    if (issued?.privateKeyPem && !keySaved) {
      modal.confirm({
        title: '尚未下载私钥',
        content: '私钥只显示这一次，关闭后无法再次获取，只能吊销后重新签发。确定关闭？',
        okText: '关闭',
        okButtonProps: { danger: true },
        cancelText: '返回下载',
        onOk: onClose,
      });
    } else onClose();
  };

  const onFinish = (values: Values) =>
    issue.mutate(toRequest(values), {
      onSuccess: (result) => {
        setIssued(result);
        void message.success('证书已签发');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'pki.csr_invalid') form.setFields([{ name: 'csr', errors: [error.message] }]);
      },
    });

  const c = issued?.certificate;
  return (
    <Modal
      title="签发证书"
      open={open}
      width={640}
      onCancel={close}
      afterClose={reset}
      footer={
        issued
          ? [<Button key="close" type="primary" onClick={close}>完成</Button>]
          : [
              <Button key="cancel" onClick={close}>取消</Button>,
              <Button key="ok" type="primary" loading={issue.isPending} onClick={() => form.submit()}>签发</Button>,
            ]
      }
      forceRender
    >
      {c ? (
        <Result
          status="success"
          title={`已签发${kindLabels[c.kind]}：${c.commonName}`}
          subTitle={`序列号 ${c.serial}`}
          extra={
            <>
              {issued.privateKeyPem && (
                <Alert
                  type="warning"
                  showIcon
                  icon={<WarningOutlined />}
                  title="私钥只显示这一次"
                  description="平台生成的私钥仅在此刻提供下载，关闭后无法再次获取。请立即下载，并妥善保管（如存入 USB Key 或加密存储），切勿通过邮件或聊天工具传送。"
                  style={{ textAlign: 'left', marginBottom: 16 }}
                />
              )}
              {issued.privateKeyPem && (
                <Button
                  type="primary"
                  danger
                  icon={<DownloadOutlined />}
                  onClick={() => {
                    downloadText(`${c.serial}.key.pem`, issued.privateKeyPem!);
                    setKeySaved(true);
                  }}
                >
                  下载私钥（PKCS#8）
                </Button>
              )}
              <Button icon={<DownloadOutlined />} onClick={() => downloadText(`${c.serial}.pem`, c.certificatePem)}>
                下载证书
              </Button>
            </>
          }
        />
      ) : null}
      <div hidden={Boolean(c)}>
        <Form<Values>
          form={form}
          layout="vertical"
          name="issueCertificate"
          initialValues={{ kind: 'seal', keySource: 'generate', profile: 'sm2' }}
          onFinish={onFinish}
          disabled={issue.isPending}
        >
          <Form.Item label="证书类型" name="kind">
            <Radio.Group optionType="button" options={[{ value: 'seal', label: '电子印章证书' }, { value: 'personal', label: '个人签名证书' }]} />
          </Form.Item>
          <Form.Item
            label={kind === 'seal' ? '印章名称' : '姓名'}
            name="name"
            extra="写入证书主题的 CN"
            rules={[{ required: true, whitespace: true, message: kind === 'seal' ? '请输入印章名称' : '请输入姓名' }]}
          >
            <Input maxLength={64} placeholder={kind === 'seal' ? '如：兴安盟教育局公章' : ''} />
          </Form.Item>
          {kind === 'personal' && (
            <Form.Item label="用户名" name="username" extra="写入证书主题的 UID" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input maxLength={64} autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item
            label={kind === 'seal' ? '用章单位' : '所在单位（可选）'}
            name="orgKey"
            rules={kind === 'seal' ? [{ required: true, message: '请选择用章单位' }] : []}
          >
            <OrgPicker />
          </Form.Item>
          {kind === 'seal' && (
            <Form.Item label="内设机构（OU，可选）" name="organizationalUnit">
              <Input maxLength={64} placeholder="如：办公室" />
            </Form.Item>
          )}
          <Form.Item label="密钥" name="keySource">
            <Radio.Group
              options={[
                { value: 'generate', label: '由平台生成（私钥只提供一次下载）' },
                { value: 'csr', label: '使用证书请求（CSR）' },
              ]}
            />
          </Form.Item>
          {keySource === 'csr' && (
            <Form.Item
              label="证书请求（PKCS#10，PEM）"
              name="csr"
              extra="SM2 密钥须以签名者标识 1234567812345678 自签名"
              rules={[{ required: true, pattern: /-----BEGIN CERTIFICATE REQUEST-----/, message: '请粘贴 PEM 格式的证书请求' }]}
            >
              <Input.TextArea rows={6} className="wb-mono" placeholder="-----BEGIN CERTIFICATE REQUEST-----" />
            </Form.Item>
          )}
          <Form.Item label="算法" name="profile">
            <Radio.Group options={[{ value: 'sm2', label: 'SM2（国密，默认）' }, { value: 'p256', label: 'P-256（供浏览器使用）' }]} />
          </Form.Item>
          <Form.Item label="有效天数" name="validityDays" extra="留空按默认：印章 1095 天，个人 730 天">
            <InputNumber min={1} max={3650} precision={0} suffix="天" style={{ width: 180 }} />
          </Form.Item>
          {issue.error && <Alert type="error" showIcon title={issue.error.message} />}
        </Form>
      </div>
      {c && <Typography.Paragraph type="secondary">证书可随时在列表中查看和下载；私钥不能。</Typography.Paragraph>}
    </Modal>
  );
}
