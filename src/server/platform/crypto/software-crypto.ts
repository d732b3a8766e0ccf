import type { CryptoProvider } from './crypto-provider.js';
import { sm2Decrypt, sm2Encrypt, sm2GenerateKeyPair, sm2Sign, sm2Verify } from './sm2.js';
import { blindIndex, hmacSm3, sm3 } from './sm3.js';
import { sm4Decrypt, sm4Encrypt } from './sm4-envelope.js';

/**
 * The software provider: SM3 and SM4 from Node's OpenSSL, SM2 from `sm-crypto-v2`. Keys live in
 * process memory, so under 密评 level 3 it serves until a certified module is installed.
 */
export const softwareCrypto: CryptoProvider = Object.freeze({
  name: 'software',
  sm3,
  hmacSm3,
  sm4Encrypt,
  sm4Decrypt,
  sm2GenerateKeyPair,
  sm2Sign,
  sm2Verify,
  sm2Encrypt,
  sm2Decrypt,
  blindIndex,
});
