import * as nodeCrypto from 'node:crypto';
import { createHash, createHmac } from 'node:crypto';
import { type BinaryInput, bytesToHex, toBytes } from './bytes.js';
import { CryptoError } from './crypto.errors.js';

/**
 * Node's one-shot `crypto.hash` (20.12 and later). For a message of a few hundred bytes it costs a
 * third of `createHash`, which looks the algorithm up in OpenSSL on every call: that lookup, not
 * SM3 itself, dominated the audit chain's hashing.
 */
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex' | 'buffer') => string | Buffer }).hash;

/** SM3 digest (GB/T 32905), 32 bytes, from Node's OpenSSL. */
export function sm3(data: BinaryInput): Uint8Array {
  const bytes = toBytes(data);
  return new Uint8Array(oneShot ? (oneShot('sm3', bytes, 'buffer') as Buffer) : createHash('sm3').update(bytes).digest());
}

/** SM3 digest as lowercase hex: the same as `bytesToHex(sm3(data))`, without the copies. */
export function sm3Hex(data: BinaryInput): string {
  const bytes = toBytes(data);
  return oneShot ? (oneShot('sm3', bytes, 'hex') as string) : createHash('sm3').update(bytes).digest('hex');
}

/** HMAC-SM3 (RFC 2104 over SM3), 32 bytes, from Node's OpenSSL. */
export function hmacSm3(key: BinaryInput, data: BinaryInput): Uint8Array {
  return new Uint8Array(createHmac('sm3', toBytes(key)).update(toBytes(data)).digest());
}

/**
 * The form personal data is compared in: Unicode NFKC (full-width digits and letters become
 * ASCII, U+3000 becomes a space), every whitespace character removed, then lower-cased. So
 * `'１５２２０１ 1990 0101 123Ｘ'` and `'15220119900101123x'` index alike, as do `' 138 0000 0000'` and
 * `'13800000000'`. Punctuation is kept: a caller that wants `-` ignored strips it first.
 */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

/**
 * A keyed lookup hash for personal data (身份证号, phone numbers): lowercase hex of
 * HMAC-SM3(key, UTF-8 of {@link normaliseForIndex}(value)). Store it beside the SM4-encrypted value
 * to find rows by exact match without decrypting them. Use a separate key of at least 16 bytes per
 * field, so equal values in different columns do not share an index.
 */
export function blindIndex(key: Uint8Array, value: string): string {
  if (key.length < 16) throw new CryptoError('crypto.key_invalid', { details: { reason: 'blind index key under 16 bytes' } });
  return bytesToHex(hmacSm3(key, normaliseForIndex(value)));
}
