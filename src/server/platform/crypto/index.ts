export type { BinaryInput } from './bytes.js';
export { CryptoError, type CryptoErrorCode, cryptoErrors } from './crypto.errors.js';
export type { CryptoProvider } from './crypto-provider.js';
export { softwareCrypto } from './software-crypto.js';
export { blindIndex, hmacSm3, normaliseForIndex, sm3, sm3Hex } from './sm3.js';
export { SM4_ENVELOPE_V1, type Sm4EnvelopeOptions, type Sm4Key, sm4Decrypt, sm4EnvelopeKeyId, sm4Encrypt } from './sm4-envelope.js';
export {
  SM2_DEFAULT_USER_ID,
  type Sm2KeyPair,
  type Sm2SignOptions,
  sm2Decrypt,
  sm2Encrypt,
  sm2GenerateKeyPair,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
} from './sm2.js';
export { SM2_CURVE_OID, sm2PrivateKeyFromPem, sm2PrivateKeyToPem, sm2PublicKeyFromPem, sm2PublicKeyToPem } from './sm2-pem.js';
