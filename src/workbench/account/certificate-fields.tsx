import { LockOutlined } from '@ant-design/icons';
import { Form, Input, type FormInstance } from 'antd';
import { PemFileInput } from './pem-file-input.js';
import { readCertificateFile, readKeyFile, type CertificateFile, type KeyFile } from './signer.js';

/** The values of a form that signs with a key file (and, to bind it, names the certificate). */
export interface KeyFormValues {
  key: KeyFile;
  passphrase?: string;
  certificate?: CertificateFile;
}

/** The private key file, and its passphrase when the file is encrypted. */
export function KeyFields({ form, disabled }: { form: FormInstance<KeyFormValues>; disabled?: boolean }) {
  const key = Form.useWatch('key', form);
  return (
    <>
      <Form.Item
        label="私钥文件"
        name="key"
        rules={[{ required: true, message: '请选择私钥文件' }]}
        extra="安全管理员签发证书时交给您的私钥文件（PEM）。签名在本机浏览器中完成，私钥不会上传。"
      >
        <PemFileInput<KeyFile> read={readKeyFile} buttonText="选择私钥文件" disabled={disabled} />
      </Form.Item>
      {key?.encrypted && (
        <Form.Item label="私钥口令" name="passphrase" rules={[{ required: true, message: '私钥已加密，请输入口令' }]}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="off" maxLength={256} />
        </Form.Item>
      )}
    </>
  );
}

/** The certificate file; not needed when the key file holds the certificate too. */
export function CertificateField({ form, disabled }: { form: FormInstance<KeyFormValues>; disabled?: boolean }) {
  const key = Form.useWatch('key', form);
  return (
    <Form.Item
      label="证书文件"
      name="certificate"
      dependencies={['key']}
      rules={[
        {
          validator: (_rule, value?: CertificateFile) =>
            value || form.getFieldValue('key')?.certificate ? Promise.resolve() : Promise.reject(new Error('请选择证书文件')),
        },
      ]}
      extra={key?.certificate ? '私钥文件中已包含证书，可不另选' : '本平台签发给您的个人签名证书（PEM）'}
    >
      <PemFileInput<CertificateFile> read={readCertificateFile} buttonText="选择证书文件" disabled={disabled} />
    </Form.Item>
  );
}

/** The certificate PEM the form names: the chosen certificate file, else the one in the key file. */
export const certificateOf = (values: KeyFormValues): string => values.certificate?.pem ?? values.key.certificate!;
