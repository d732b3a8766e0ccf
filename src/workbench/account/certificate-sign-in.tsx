import { Form, Typography } from 'antd';
import { useState } from 'react';
import { CertificateField, certificateOf, KeyFields, type KeyFormValues } from './certificate-fields.js';
import type { SignInChallenge } from './sign-in.js';
import { signChallenge } from './signer.js';
import { StepForm } from './step-form.js';

interface CertificateFormProps {
  challenge: SignInChallenge;
  pending: boolean;
  error: string | undefined;
  onCancel: () => void;
}

/** Signs the challenge's nonce locally; reports a key file problem instead of a server error. */
function useSigner(challenge: SignInChallenge) {
  const [problem, setProblem] = useState<string>();
  const [signing, setSigning] = useState(false);
  const sign = async (values: KeyFormValues, purpose: 'sign-in' | 'enrol'): Promise<string | undefined> => {
    setProblem(undefined);
    setSigning(true);
    try {
      return await signChallenge(values.key, values.passphrase, { purpose, username: challenge.username ?? '', nonce: challenge.nonce ?? '' });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      return undefined;
    } finally {
      setSigning(false);
    }
  };
  return { sign, problem, signing };
}

/** The second factor by certificate: choose the key file, the browser signs the nonce. */
export function CertificateSignInForm({ challenge, pending, error, onCancel, onSign }: CertificateFormProps & { onSign: (signature: string) => void }) {
  const [form] = Form.useForm<KeyFormValues>();
  const { sign, problem, signing } = useSigner(challenge);
  const onFinish = async (values: KeyFormValues) => {
    const signature = await sign(values, 'sign-in');
    if (signature) onSign(signature);
  };
  return (
    <Form<KeyFormValues> form={form} layout="vertical" requiredMark={false} disabled={pending || signing} onFinish={onFinish} name="certificateSignIn">
      <StepForm pending={pending || signing} error={problem ?? error} onCancel={onCancel} submitLabel="签名并登录">
        <Typography.Paragraph>请用数字证书的私钥签名以完成登录：选择私钥文件，签名在本机完成，私钥不会上传。</Typography.Paragraph>
        <KeyFields form={form} />
      </StepForm>
    </Form>
  );
}

/** Binding a certificate at a sign-in that requires a second factor: certificate and key file. */
export function CertificateEnrolForm({
  challenge,
  pending,
  error,
  onCancel,
  onEnrol,
}: CertificateFormProps & { onEnrol: (certificate: string, signature: string) => void }) {
  const [form] = Form.useForm<KeyFormValues>();
  const { sign, problem, signing } = useSigner(challenge);
  const onFinish = async (values: KeyFormValues) => {
    const signature = await sign(values, 'enrol');
    if (signature) onEnrol(certificateOf(values), signature);
  };
  return (
    <Form<KeyFormValues> form={form} layout="vertical" requiredMark={false} disabled={pending || signing} onFinish={onFinish} name="certificateEnrol">
      <Typography.Paragraph>选择安全管理员为您签发的个人签名证书和对应的私钥文件；绑定后本次即登录，今后登录时用该私钥签名。</Typography.Paragraph>
      <StepForm pending={pending || signing} error={problem ?? error} onCancel={onCancel} submitLabel="绑定证书并登录">
        <CertificateField form={form} />
        <KeyFields form={form} />
      </StepForm>
    </Form>
  );
}
