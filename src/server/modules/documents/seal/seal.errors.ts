import { defineErrors } from '../../../platform/errors/app-error.js';

/** Failures of sealing (用印) and of receiving a file to verify. */
export const sealErrors = defineErrors({
  'documents.seal_certificate_missing': {
    status: 422,
    zh: '该单位没有可用于用印的有效电子印章证书（请安全管理员为其签发印章证书）',
    en: 'The organisation has no valid seal certificate whose key the platform holds',
  },
  'documents.seal_invalid': { status: 422, zh: '电子印章数据不符合 GB/T 38540 格式', en: 'The seal is not a valid GB/T 38540 seal' },
  'documents.seal_key_mismatch': { status: 422, zh: '签章私钥与签章证书不匹配', en: 'The signing key does not belong to the certificate' },
  'documents.seal_signer_not_in_seal': {
    status: 422,
    zh: '签章证书不在该电子印章的证书列表中',
    en: 'The signer certificate is not listed in the seal',
  },
  'documents.seal_pdf_invalid': { status: 422, zh: 'PDF 文件结构无法解析，不能盖章', en: 'The PDF cannot be parsed for sealing' },
  'documents.seal_pdf_unsupported': {
    status: 422,
    zh: '暂不支持对加密或使用交叉引用流的 PDF 盖章',
    en: 'Encrypted PDFs and PDFs with cross-reference streams cannot be sealed',
  },
  'documents.verify_file_missing': { status: 400, zh: '请选择要验证的 PDF 文件', en: 'Choose a PDF file to verify' },
});

/**
 * The verdict codes of a sealed-PDF verification, each with the sentence a reader sees. They are
 * registered like errors so that every face (page, API, command line) says the same words.
 */
export const verdictErrors = defineErrors({
  'documents.verify_not_pdf': { status: 422, zh: '不是 PDF 文件（文件为空、已损坏或格式不符）', en: 'Not a PDF file' },
  'documents.verify_no_seal': { status: 422, zh: '该 PDF 文件没有电子印章', en: 'The PDF carries no electronic seal' },
  'documents.verify_malformed': { status: 422, zh: '电子印章签名数据已损坏，无法解析', en: 'The seal signature cannot be parsed' },
  'documents.verify_incomplete': { status: 422, zh: '文件不完整（可能在传输或保存时被截断）', en: 'The file is incomplete (truncated)' },
  'documents.verify_altered': { status: 422, zh: '文件内容在盖章后被修改', en: 'The document was changed after it was sealed' },
  'documents.verify_signature_invalid': { status: 422, zh: '签章签名值无效（签章数据被篡改或不是该证书所签）', en: 'The seal signature is invalid' },
  'documents.verify_seal_invalid': { status: 422, zh: '电子印章无效（制章签名不正确或制章证书不可信）', en: 'The seal itself is not valid' },
  'documents.verify_signer_not_in_seal': { status: 422, zh: '签章证书与电子印章不匹配', en: 'The signer certificate does not belong to the seal' },
  'documents.verify_certificate_expired': { status: 422, zh: '盖章时印章证书已过期', en: 'The seal certificate had expired when the document was sealed' },
  'documents.verify_certificate_not_yet_valid': { status: 422, zh: '盖章时印章证书尚未生效', en: 'The seal certificate was not yet valid when the document was sealed' },
  'documents.verify_certificate_revoked': { status: 422, zh: '印章证书已被吊销', en: 'The seal certificate has been revoked' },
  'documents.verify_certificate_untrusted': {
    status: 422,
    zh: '印章证书不是由本平台信任的证书机构签发的，或证书已被篡改',
    en: 'The seal certificate was not issued by a CA this platform trusts',
  },
  'documents.verify_seal_expired': { status: 422, zh: '盖章时电子印章不在有效期内', en: 'The seal was outside its validity when used' },
});
