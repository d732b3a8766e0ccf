import { KeyOutlined, LockOutlined, SafetyCertificateOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Form, Image, Input, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiError } from '../api/client.js';
import { CertificateEnrolForm, CertificateSignInForm } from './certificate-sign-in.js';
import { repeatPasswordRules } from './password-rules.js';
import { isChallenge, useSignInStep, useTotpEnrolment, type SignInChallenge, type SignInResult } from './sign-in.js';
import { StepForm } from './step-form.js';

const codeRules = [{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位动态口令' }];

interface StepProps {
  challenge: SignInChallenge;
  pending: boolean;
  error: string | undefined;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}

type Method = SignInChallenge['methods'][number];

const methodOptions: Record<Method, { label: string; icon: React.ReactNode }> = {
  totp: { label: '动态口令', icon: <SafetyOutlined aria-hidden /> },
  sm2: { label: '数字证书', icon: <SafetyCertificateOutlined aria-hidden /> },
};

/** A switch between the methods a step offers; nothing when there is only one. */
function MethodSwitch({ methods, value, onChange }: { methods: readonly Method[]; value: Method; onChange: (m: Method) => void }) {
  if (methods.length < 2) return null;
  return (
    <Form.Item label="认证方式">
      <Segmented<Method>
        block
        value={value}
        onChange={onChange}
        options={methods.map((m) => ({ value: m, label: methodOptions[m].label, icon: methodOptions[m].icon }))}
      />
    </Form.Item>
  );
}

/**
 * The certificate steps run their own requests: a finished sign-in sets the session (and the page
 * moves on); a first sign-in may still have to set a new password, which is asked here too.
 */
function useCertificateSteps(onCancel: () => void) {
  const mutation = useSignInStep();
  const [next, setNext] = useState<SignInChallenge>();
  const handlers = {
    onSuccess: (result: SignInResult) => {
      if (isChallenge(result)) setNext(result);
    },
    onError: (error: ApiError) => {
      if (error.code === 'auth.challenge_expired') onCancel();
    },
  };
  const followUp = next?.stage === 'change_password' && (
    <ChangePasswordStep
      challenge={next}
      pending={mutation.isPending}
      error={mutation.error?.message}
      onCancel={onCancel}
      onSubmit={(newPassword) => mutation.mutate({ kind: 'change_password', challengeId: next.challengeId, newPassword }, handlers)}
    />
  );
  return { mutation, handlers, followUp };
}

/** The second factor at sign-in: a TOTP code from the authenticator app, or a signature with the certificate's key. */
export function SecondFactorStep(props: StepProps) {
  const { challenge, pending, error, onSubmit, onCancel } = props;
  const methods: readonly Method[] = challenge.methods.length ? challenge.methods : ['totp'];
  const [method, setMethod] = useState<Method>(methods.includes('sm2') ? 'sm2' : 'totp');
  const certificate = useCertificateSteps(onCancel);
  if (certificate.followUp) return certificate.followUp;
  return (
    <>
      <MethodSwitch methods={methods} value={method} onChange={setMethod} />
      {method === 'sm2' ? (
        <CertificateSignInForm
          challenge={challenge}
          pending={certificate.mutation.isPending}
          error={certificate.mutation.error?.message}
          onCancel={onCancel}
          onSign={(signature) => certificate.mutation.mutate({ kind: 'certificate', challengeId: challenge.challengeId, signature }, certificate.handlers)}
        />
      ) : (
        <Form<{ code: string }> layout="vertical" requiredMark={false} disabled={pending} onFinish={(v) => onSubmit(v.code.trim())}>
          <StepForm pending={pending} error={error} onCancel={onCancel} submitLabel="验证">
            <Form.Item label="动态口令" name="code" rules={codeRules} extra="打开身份验证器应用，输入其中显示的 6 位数字">
              <Input prefix={<SafetyOutlined aria-hidden />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} autoFocus />
            </Form.Item>
          </StepForm>
        </Form>
      )}
    </>
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
function TotpEnrolForm({ challenge, pending, error, onSubmit, onCancel }: StepProps) {
  const enrolment = useTotpEnrolment();
  const { mutate } = enrolment;
  useEffect(() => mutate(challenge.challengeId), [mutate, challenge.challengeId]);
  return (
    <Form<{ code: string }> layout="vertical" requiredMark={false} disabled={pending} onFinish={(v) => onSubmit(v.code.trim())}>
      <Typography.Paragraph>用身份验证器应用扫描二维码，再输入应用显示的 6 位数字。</Typography.Paragraph>
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

/** The policy requires a second factor: bind an authenticator app or a certificate of the platform's CA. */
export function EnrolStep(props: StepProps) {
  const { challenge, onCancel } = props;
  const methods: readonly Method[] = challenge.methods.length ? challenge.methods : ['totp'];
  const [method, setMethod] = useState<Method>(methods.includes('totp') ? 'totp' : 'sm2');
  const certificate = useCertificateSteps(onCancel);
  return (
    <>
      <Typography.Paragraph>
        安全策略要求绑定第二认证因子{methods.length > 1 ? '：可绑定动态口令，或本平台签发给您的数字证书。' : methods[0] === 'sm2' ? '：请绑定本平台签发给您的数字证书。' : '：请绑定动态口令。'}
      </Typography.Paragraph>
      <MethodSwitch methods={methods} value={method} onChange={setMethod} />
      {method === 'sm2' ? (
        <CertificateEnrolForm
          challenge={challenge}
          pending={certificate.mutation.isPending}
          error={certificate.mutation.error?.message}
          onCancel={onCancel}
          onEnrol={(cert, signature) =>
            certificate.mutation.mutate({ kind: 'enrol_certificate', challengeId: challenge.challengeId, certificate: cert, signature }, certificate.handlers)
          }
        />
      ) : (
        <TotpEnrolForm {...props} />
      )}
    </>
  );
}
