import { defineErrors } from '../../platform/errors/app-error.js';

export const pkiErrors = defineErrors({
  'pki.not_found': { status: 404, zh: '未找到该证书', en: 'No such certificate' },
  'pki.root_missing': { status: 404, zh: '尚未创建根证书（运行 hinggan ca init）', en: 'No root certificate yet (run hinggan ca init)' },
  'pki.csr_invalid': { status: 422, zh: '证书请求（CSR）无效或自签名不正确', en: 'The certificate request is invalid or not self-signed' },
  'pki.already_revoked': { status: 409, zh: '该证书已被吊销', en: 'The certificate is already revoked' },
  'pki.root_not_revocable': { status: 422, zh: '根证书不能吊销', en: 'A root certificate cannot be revoked' },
  'pki.seal_key_missing': { status: 404, zh: '该证书没有由平台保管的私钥', en: 'The platform holds no private key for this certificate' },
  'pki.cert_malformed': { status: 422, zh: '不是有效的 X.509 证书', en: 'Not a valid X.509 certificate' },
  'pki.cert_expired': { status: 422, zh: '证书已过期', en: 'The certificate has expired' },
  'pki.cert_not_yet_valid': { status: 422, zh: '证书尚未生效', en: 'The certificate is not yet valid' },
  'pki.cert_revoked': { status: 422, zh: '证书已被吊销', en: 'The certificate has been revoked' },
  'pki.cert_bad_signature': { status: 422, zh: '证书签名无效（可能已被篡改）', en: 'The certificate signature is invalid' },
  'pki.cert_unknown_issuer': { status: 422, zh: '证书不是由本平台根证书签发的', en: 'The certificate was not issued by this platform’s root' },
});
