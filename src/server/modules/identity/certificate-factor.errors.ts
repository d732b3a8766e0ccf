import { defineErrors } from '../../platform/errors/app-error.js';

/**
 * Errors of the SM2 certificate second factor. At sign-in a wrong signature is the generic
 * `auth.invalid_credentials`; the certificate's own state is told plainly, but only to whoever
 * signed with its key, since the signature is checked first.
 */
export const certificateFactorErrors = defineErrors({
  'auth.certificate_not_bound': {
    status: 401,
    zh: '该账号未绑定可用的数字证书，请改用其他认证方式或重新登录',
    en: 'No usable certificate is bound to this account',
  },
  'auth.certificate_expired': {
    status: 401,
    zh: '您的数字证书已过期，请联系安全管理员签发新证书后重新绑定',
    en: 'Your certificate has expired',
  },
  'auth.certificate_not_yet_valid': { status: 401, zh: '您的数字证书尚未生效', en: 'Your certificate is not yet valid' },
  'auth.certificate_revoked': {
    status: 401,
    zh: '您的数字证书已被吊销，请联系安全管理员',
    en: 'Your certificate has been revoked',
  },
  'auth.certificate_untrusted': {
    status: 401,
    zh: '您的数字证书不是本平台证书机构签发的，或已无法验证，请联系安全管理员',
    en: 'Your certificate was not issued by this platform’s CA or cannot be verified',
  },
  'identity.second_factor_method_not_allowed': {
    status: 409,
    zh: '安全策略不接受这种第二认证因子',
    en: 'The security policy does not accept this second factor',
  },
  'identity.second_factor_required': {
    status: 409,
    zh: '安全策略要求第二认证因子：请先绑定另一种可用的认证方式，再解除此项',
    en: 'The policy requires a second factor; enrol another accepted one first',
  },
  'identity.certificate_not_enrolled': { status: 404, zh: '尚未绑定数字证书', en: 'No certificate is bound to this account' },
  'identity.certificate_nonce_expired': {
    status: 409,
    zh: '挑战值已过期或已使用，请重新开始绑定',
    en: 'The nonce expired or was used; start again',
  },
  'identity.certificate_not_personal': {
    status: 422,
    zh: '须为本平台签发的 SM2 个人签名证书',
    en: 'Only SM2 personal certificates of this platform can be bound',
  },
  'identity.certificate_not_yours': {
    status: 422,
    zh: '该证书不是签发给您的账号的（证书中的用户名不符）',
    en: 'The certificate was issued for another account',
  },
  'identity.certificate_signature_wrong': {
    status: 422,
    zh: '签名验证失败：所选私钥与证书不匹配',
    en: 'The signature does not verify with the certificate’s key',
  },
  'identity.certificate_taken': { status: 409, zh: '该证书已绑定到其他账号', en: 'The certificate is bound to another account' },
});
