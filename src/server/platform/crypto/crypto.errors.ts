import { AppError, defineErrors } from '../errors/app-error.js';

/**
 * Stored envelopes that fail their checks mean corrupted or altered data on our side (500); an SM2
 * ciphertext that will not decrypt usually came from a client (a browser encrypting a password with
 * the server's public key), so it is the caller's fault (400).
 */
export const cryptoErrors = defineErrors({
  'crypto.key_invalid': { status: 500, zh: '密钥格式不正确', en: 'The key is malformed' },
  'crypto.key_unknown': { status: 500, zh: '找不到加密该数据所用的密钥', en: 'The key that encrypted this data is not available' },
  'crypto.envelope_malformed': { status: 500, zh: '密文格式不正确', en: 'The ciphertext is malformed' },
  'crypto.integrity_failed': {
    status: 500,
    zh: '数据完整性校验失败，数据可能已被篡改',
    en: 'Integrity check failed; the data may have been altered',
  },
  'crypto.decrypt_failed': { status: 400, zh: '无法解密所提交的数据', en: 'The submitted data could not be decrypted' },
});

export type CryptoErrorCode = keyof typeof cryptoErrors;

/** A failed cryptographic check or a malformed key; `code` says which. */
export class CryptoError extends AppError {
  declare readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(code, options);
    this.name = 'CryptoError';
  }
}
