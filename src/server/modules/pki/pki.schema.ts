import { z } from 'zod';
import { caProfiles } from './pki.keys.js';
import { certificateActions } from './pki.policy.js';
import { revocationReasons } from './pki.x509.js';

export const caProfileSchema = z.enum(caProfiles).describe('密钥体系：sm2（默认，SM2-with-SM3）或 p256（ECDSA P-256，供浏览器使用）');
export const certificateKindSchema = z.enum(['root', 'seal', 'personal']).describe('root 根证书，seal 电子印章证书，personal 个人签名证书');
export const certificateStatusSchema = z.enum(['valid', 'revoked']);
export const revocationReasonSchema = z
  .enum(Object.keys(revocationReasons) as [keyof typeof revocationReasons, ...(keyof typeof revocationReasons)[]])
  .describe('吊销原因（RFC 5280 CRLReason）');

/** A certificate as the CA service returns it. */
export const certificateInfoSchema = z.object({
  serial: z.string().describe('序列号，16 字节十六进制'),
  kind: certificateKindSchema,
  profile: caProfileSchema,
  status: certificateStatusSchema,
  commonName: z.string().describe('CN：印章名称或姓名'),
  organization: z.string().nullable(),
  organizationalUnit: z.string().nullable(),
  creditCode: z.string().nullable().describe('统一社会信用代码（证书主题 serialNumber）'),
  orgId: z.string().nullable(),
  username: z.string().nullable().describe('个人证书的用户名（UID）'),
  notBefore: z.string(),
  notAfter: z.string(),
  revokedAt: z.string().nullable(),
  revocationReason: revocationReasonSchema.nullable(),
  hasStoredKey: z.boolean().describe('私钥是否由平台以 SM4 加密保管（仅平台生成的印章密钥）'),
  certificatePem: z.string(),
  createdAt: z.string(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

/** A certificate as the API answers it: with what the caller may do to it. */
export const certificateSchema = certificateInfoSchema
  .extend({ actions: z.array(z.enum(certificateActions)).describe('当前用户可对该证书执行的操作') })
  .meta({ id: 'Certificate' });
export type CertificateView = z.infer<typeof certificateSchema>;

export const certificateListQuerySchema = z.object({
  kind: certificateKindSchema.optional(),
  status: certificateStatusSchema.optional(),
  orgId: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const certificateListSchema = z
  .object({ items: z.array(certificateSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'CertificateList' });

export const serialParamsSchema = z.object({ serial: z.string().regex(/^[0-9a-f]{2,64}$/, '序列号须为小写十六进制') });

const common = {
  name: z.string().trim().min(1).max(64).describe('印章名称或姓名，写入 CN'),
  csr: z.string().max(20_000).optional().describe('PKCS#10 证书请求（PEM）；不提供时由平台生成密钥'),
  profile: caProfileSchema.default('sm2'),
  validityDays: z.number().int().min(1).max(3650).optional().describe('有效天数；印章默认 1095，个人默认 730'),
};

export const issueRequestSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('seal'),
      orgKey: z.string().min(1).max(64).describe('组织 id、引用或区划代码'),
      organizationalUnit: z.string().trim().min(1).max(64).optional().describe('OU，如内设机构'),
      extendedKeyUsage: z.array(z.string().regex(/^\d+(\.\d+)+$/, '须为 OID')).max(8).optional(),
      ...common,
    }),
    z.object({
      kind: z.literal('personal'),
      username: z.string().trim().min(1).max(64).describe('用户名，写入 UID'),
      orgKey: z.string().min(1).max(64).optional().describe('所在组织（写入 O）'),
      ...common,
    }),
  ])
  .meta({ id: 'IssueCertificateRequest' });
export type IssueRequest = z.infer<typeof issueRequestSchema>;

export const issueResultSchema = z
  .object({
    certificate: certificateSchema,
    privateKeyPem: z.string().nullable().describe('平台生成密钥时的 PKCS#8 私钥，仅此一次返回；提交 CSR 时为 null'),
  })
  .meta({ id: 'IssuedCertificate' });

export const revokeRequestSchema = z.object({ reason: revocationReasonSchema });

export const crlSchema = z
  .object({
    profile: caProfileSchema,
    number: z.number().int(),
    thisUpdate: z.string(),
    nextUpdate: z.string(),
    revokedCount: z.number().int(),
    crlPem: z.string(),
  })
  .meta({ id: 'Crl' });

export const crlQuerySchema = z.object({ profile: caProfileSchema.default('sm2') });

export const certificateCheckStatuses = [
  'valid',
  'expired',
  'not_yet_valid',
  'revoked',
  'bad_signature',
  'unknown_issuer',
  'malformed',
] as const;
export type CertificateCheckStatus = (typeof certificateCheckStatuses)[number];

export const certificateCheckSchema = z
  .object({
    status: z.enum(certificateCheckStatuses),
    code: z.string().nullable().describe('无效时的错误代码，如 pki.cert_revoked'),
    message: z.string(),
    serial: z.string().nullable(),
    profile: caProfileSchema.nullable(),
    subject: z.record(z.string(), z.string()).nullable(),
  })
  .meta({ id: 'CertificateCheck' });
export type CertificateCheck = z.infer<typeof certificateCheckSchema>;

export const verifyRequestSchema = z.object({ certificate: z.string().min(1).max(20_000).describe('证书（PEM）') });
