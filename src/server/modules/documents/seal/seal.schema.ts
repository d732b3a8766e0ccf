import { z } from 'zod';

/**
 * What verifying a sealed PDF can conclude, in the order checks are made; the first failing check
 * is the verdict. `valid` only when every seal passes every check.
 */
export const verdictStatuses = [
  'valid',
  'not_pdf',
  'no_seal',
  'malformed',
  'incomplete',
  'altered',
  'signature_invalid',
  'signer_not_in_seal',
  'certificate_untrusted',
  'certificate_revoked',
  'certificate_expired',
  'certificate_not_yet_valid',
  'seal_invalid',
  'seal_expired',
] as const;
export type VerdictStatus = (typeof verdictStatuses)[number];

/** The verdict code (and so the message) of each status. */
export const verdictCodes: Record<VerdictStatus, string | null> = {
  valid: null,
  not_pdf: 'documents.verify_not_pdf',
  no_seal: 'documents.verify_no_seal',
  malformed: 'documents.verify_malformed',
  incomplete: 'documents.verify_incomplete',
  altered: 'documents.verify_altered',
  signature_invalid: 'documents.verify_signature_invalid',
  seal_invalid: 'documents.verify_seal_invalid',
  signer_not_in_seal: 'documents.verify_signer_not_in_seal',
  certificate_expired: 'documents.verify_certificate_expired',
  certificate_not_yet_valid: 'documents.verify_certificate_not_yet_valid',
  certificate_revoked: 'documents.verify_certificate_revoked',
  certificate_untrusted: 'documents.verify_certificate_untrusted',
  seal_expired: 'documents.verify_seal_expired',
};

const statusSchema = z.enum(verdictStatuses).describe(
  'valid 有效；not_pdf 不是 PDF；no_seal 无电子印章；malformed 签章数据损坏；incomplete 文件被截断；altered 盖章后被修改；' +
    'signature_invalid 签名无效；seal_invalid 印章无效；signer_not_in_seal 证书与印章不匹配；certificate_expired/not_yet_valid 盖章时证书过期/未生效；' +
    'certificate_revoked 证书已吊销；certificate_untrusted 证书不可信；seal_expired 盖章时印章不在有效期内',
);

/** A certificate check as the pki module answers it. */
export const certificateCheckSummarySchema = z.object({
  status: z.string().describe('valid、expired、not_yet_valid、revoked、bad_signature、unknown_issuer 或 malformed'),
  code: z.string().nullable(),
  message: z.string(),
});

export const sealVerdictSchema = z
  .object({
    status: statusSchema,
    code: z.string().nullable().describe('不通过时的代码，如 documents.verify_altered'),
    message: z.string(),
    detail: z.string().nullable().describe('补充说明（中文）'),
    sealId: z.string().nullable().describe('印章编码（esID）'),
    sealName: z.string().nullable(),
    organization: z.string().nullable().describe('盖章单位（印章证书主题 O）'),
    signedAt: z.string().nullable().describe('签章时间（签章数据中记录的时间，UTC）'),
    sealValidFrom: z.string().nullable(),
    sealValidTo: z.string().nullable(),
    certificate: z
      .object({
        serial: z.string(),
        subject: z.record(z.string(), z.string()),
        issuer: z.record(z.string(), z.string()),
        notBefore: z.string(),
        notAfter: z.string(),
      })
      .nullable()
      .describe('签章者（印章）证书'),
    certificateAtSigning: certificateCheckSummarySchema.nullable().describe('证书在签章时间的状态（决定结论）'),
    certificateNow: certificateCheckSummarySchema.nullable().describe('证书在验证时间的状态（仅供参考）'),
    maker: z
      .object({ serial: z.string(), subject: z.record(z.string(), z.string()), check: certificateCheckSummarySchema })
      .nullable()
      .describe('制章人证书'),
    documentHash: z.string().nullable().describe('签章范围内文件内容的 SM3 杂凑值（十六进制）'),
    byteRange: z.array(z.number().int()).nullable(),
    coversWholeFile: z.boolean().describe('签章范围是否覆盖整个文件（之后仅有其他印章时为 false 仍可有效）'),
  })
  .meta({ id: 'SealVerdict' });
export type SealVerdict = z.infer<typeof sealVerdictSchema>;

export const documentVerdictSchema = z
  .object({
    valid: z.boolean(),
    status: statusSchema,
    code: z.string().nullable(),
    message: z.string(),
    verifiedAt: z.string(),
    fileSize: z.number().int(),
    seals: z.array(sealVerdictSchema).describe('文件中的每一枚电子印章，按盖章先后'),
  })
  .meta({ id: 'SealedDocumentVerdict' });
export type DocumentVerdict = z.infer<typeof documentVerdictSchema>;
