import { KeyOutlined, LockOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Image, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTotpEnrolment, type SignInChallenge } from './sign-in.js';
import { repeatPasswordRules } from './password-rules.js';

const codeRules = [{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位动态口令' }];

interface StepProps {
  challenge: SignInChallenge;
  pending: boolean;
  error: string | undefined;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

function StepForm({ pending, error, onCancel, children, submitLabel }: Omit<StepProps, 'challenge' | 'onSubmit'> & { children: React.ReactNode; submitLabel: string }) {
  return (
    <>
      {children}
      {error && (
        <Form.Item>
          <Alert type="error" showIcon title={error} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={pending}>
          {submitLabel}
        </Button>
      </Form.Item>
      <Button type="link" block onClick={onCancel}>
        返回重新登录
      </Button>
    </>
  );
}

/** The second factor at sign-in: a TOTP code from the user's authenticator app. */
export function SecondFactorStep({ pending, error, onSubmit, onCancel }: StepProps) {
  return (
    <Form<{ code: string }> layout="vertical" requiredMark={false} disabled={pending} onFinish={(v) => onSubmit(v.code.trim())}>
      <StepForm pending={pending} error={error} onCancel={onCancel} submitLabel="验证">
        <Form.Item label="动态口令" name="code" rules={codeRules} extra="打开身份验证器应用，输入其中显示的 6 位数字">
          <Input prefix={<SafetyOutlined aria-hidden />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
        </Form.Item>
      </StepForm>
    </Form>
  );
}

/** A first sign-in (or an expired password): choose a new password meeting the policy. */
export function ChangePasswordStep({ pending, error, onSubmit, onCancel }: StepProps) {
  return (
    <Form<{ newPassword: string; repeat: string }>
      layout="vertical"
      requiredMark={false}
      disabled={pending}
      onFinish={(v) => onSubmit(v.newPassword)}
    >
      <Typography.Paragraph>首次登录或密码已过期，请设置新密码（至少 12 位，包含大写字母、小写字母、数字、符号中的至少 3 类，且不含用户名）。</Typography.Paragraph>
      <StepForm pending={pending} error={error} onCancel={onCancel} submitLabel="设置新密码">
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" maxLength={256} autoFocus />
        </Form.Item>
        <Form.Item
          label="再次输入"
          name="repeat"
          dependencies={['newPassword']}
          rules={repeatPasswordRules}
        >
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="new-password" maxLength={256} />
        </Form.Item>
      </StepForm>
    </Form>
  );
}

/** Binding an authenticator app: scan the QR code (or type the key), then enter a first code. */
export function EnrolStep({ challenge, pending, error, onSubmit, onCancel }: StepProps) {
  const enrolment = useTotpEnrolment();
  const { mutate } = enrolment;
  useEffect(() => mutate(challenge.challengeId), [mutate, challenge.challengeId]);
  return (
    <Form<{ code: string }> layout="vertical" requiredMark={false} disabled={pending} onFinish={(v) => onSubmit(v.code.trim())}>
      <Typography.Paragraph>安全策略要求绑定动态口令：用身份验证器应用扫描二维码，再输入应用显示的 6 位数字。</Typography.Paragraph>
      {enrolment.data && (
        <div className="wb-totp-enrol">
          <Image src={enrolment.data.qrCode} alt="动态口令绑定二维码" width={200} preview={false} />
          <Typography.Paragraph copyable={{ text: enrolment.data.secret }}>
            <KeyOutlined aria-hidden /> 无法扫码时手工输入密钥：<Typography.Text code>{enrolment.data.secret}</Typography.Text>
          </Typography.Paragraph>
        </div>
      )}
      {enrolment.error && <Alert type="error" showIcon title={enrolment.error.message} />}
      <StepForm pending={pending} error={error} onCancel={onCancel} submitLabel="完成绑定并登录">
        <Form.Item label="动态口令" name="code" rules={codeRules}>
          <Input prefix={<SafetyOutlined aria-hidden />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
        </Form.Item>
      </StepForm>
    </Form>
  );
}
