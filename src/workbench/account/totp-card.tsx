import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Form, Image, Input, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useConfirmTotp, useSecondFactors, useStartTotpEnrolment } from '../api/account.js';
import { formatDateTime } from '../shell/format.js';

/**
 * Binding an authenticator app (TOTP): the QR code and the key for manual entry, then a first code
 * proves the app works. Binding again replaces the previous authenticator.
 */
export function TotpCard() {
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const factors = useSecondFactors();
  const [done, setDone] = useState(false);
  const enrolled = factors.data?.totp.enrolled ?? false;
  const allowed = factors.data?.actions.includes('enrolTotp') ?? true;
  const { message } = AntApp.useApp();

  const begin = () => {
    setDone(false);
    confirm.reset();
    start.mutate();
  };
  const onFinish = ({ code }: { code: string }) =>
    confirm.mutate(code.trim(), {
      onSuccess: () => {
        setDone(true);
        start.reset();
        void message.success('动态口令已绑定');
      },
    });

  return (
    <Card title="第二认证因子（动态口令）" style={{ height: '100%' }}>
      {done ? (
        <Result status="success" title="动态口令已绑定" subTitle="今后登录时，输入密码后还须输入身份验证器显示的 6 位数字。" />
      ) : start.data ? (
        <Form<{ code: string }> layout="vertical" name="confirmTotp" onFinish={onFinish} disabled={confirm.isPending}>
          <Typography.Paragraph>
            1. 用身份验证器应用（如 FreeOTP、Google Authenticator、微信小程序“腾讯身份验证器”）扫描二维码：
          </Typography.Paragraph>
          <div className="wb-totp-enrol">
            <Image src={start.data.qrCode} alt="动态口令绑定二维码" width={200} preview={false} />
          </div>
          <Typography.Paragraph copyable={{ text: start.data.secret }}>
            <KeyOutlined aria-hidden /> 无法扫码时手工输入密钥：<Typography.Text code>{start.data.secret}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>2. 输入应用显示的 6 位数字，完成绑定：</Typography.Paragraph>
          <Form.Item label="动态口令" name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位动态口令' }]}>
            <Input prefix={<SafetyOutlined aria-hidden />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ maxWidth: 200 }} />
          </Form.Item>
          {confirm.error && (
            <Form.Item>
              <Alert type="error" showIcon title={confirm.error.message} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={confirm.isPending}>
              完成绑定
            </Button>
            <Button onClick={() => start.reset()}>取消</Button>
          </Space>
        </Form>
      ) : (
        <>
          <Typography.Paragraph>
            状态：
            {enrolled ? (
              <Tag color="green">已绑定（{formatDateTime(factors.data?.totp.confirmedAt)}）</Tag>
            ) : (
              <Tag>未绑定</Tag>
            )}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            等保三级要求采用两种或两种以上组合的鉴别技术。绑定后，登录时除密码外还须输入手机身份验证器上的动态口令。重新绑定将替换原有的身份验证器。
          </Typography.Paragraph>
          {!allowed && <Typography.Paragraph type="secondary">安全策略当前不接受动态口令作为第二认证因子。</Typography.Paragraph>}
          {start.error && <Alert type="error" showIcon title={start.error.message} style={{ marginBottom: 16 }} />}
          {allowed && (
            <Button type={enrolled ? 'default' : 'primary'} icon={<SafetyOutlined />} loading={start.isPending} onClick={begin}>
              {enrolled ? '重新绑定' : '绑定动态口令'}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
