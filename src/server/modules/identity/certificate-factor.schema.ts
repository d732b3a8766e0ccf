import { z } from 'zod';
import { certificateCheckStatuses } from '../pki/index.js';
import { secondFactorActions } from './account.policy.js';
import { secondFactorMethods } from './security-policy.js';

const challengeId = z.string().min(1).max(128);

/** A DER SM2 signature in base64 (70–72 bytes; a little slack for non-minimal encodings is refused later). */
export const signatureSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9+/]{8,200}={0,2}$/, '签名须为 Base64 编码的 DER')
  .describe(
    'SM2 签名（SM3，签名者标识 1234567812345678，DER，Base64），签名内容为 UTF-8 文本：' +
      '"hinggan-sm2-challenge-v1\\npurpose=<sign-in|enrol>\\norigin=<页面源，如 https://zw.example.cn>\\nuser=<用户名>\\nnonce=<挑战值>"',
  );

const certificatePem = z.string().min(1, '请提供证书').max(20_000).describe('本平台签发的 SM2 个人签名证书（PEM）');

export const certificateSignInBodySchema = z.object({ challengeId, signature: signatureSchema });

export const certificateEnrolAtSignInBodySchema = z.object({ challengeId, certificate: certificatePem, signature: signatureSchema });

export const certificateEnrolBodySchema = z.object({
  nonce: z.string().min(1).max(128).describe('POST /account/certificate/nonce 返回的挑战值'),
  certificate: certificatePem,
  signature: signatureSchema,
});

export const enrolmentNonceSchema = z
  .object({
    nonce: z.string().describe('一次性挑战值（256 位，base64url），签名时 purpose 为 enrol'),
    expiresAt: z.string(),
  })
  .meta({ id: 'CertificateEnrolmentNonce' });

export const certificateFactorSchema = z
  .object({
    serial: z.string().describe('证书序列号'),
    commonName: z.string(),
    notBefore: z.string(),
    notAfter: z.string(),
    enrolledAt: z.string(),
    lastUsedAt: z.string().nullable().describe('最近一次用于登录的时间'),
    status: z.enum(certificateCheckStatuses).describe('此刻由证书机构验证的状态：有效、过期、吊销等'),
    statusMessage: z.string(),
  })
  .meta({ id: 'CertificateFactor' });

export const secondFactorsSchema = z
  .object({
    required: z.boolean().describe('安全策略是否要求第二认证因子'),
    accepted: z.array(z.enum(secondFactorMethods)).describe('安全策略接受的方式'),
    totp: z.object({ enrolled: z.boolean(), confirmedAt: z.string().nullable() }),
    certificate: certificateFactorSchema.nullable(),
    actions: z.array(z.enum(secondFactorActions)).describe('当前用户可执行的操作'),
  })
  .meta({ id: 'SecondFactors' });

export const signatureBytes = (signature: string): Uint8Array => new Uint8Array(Buffer.from(signature, 'base64'));
