import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { type BinaryInput, concatBytes, toBytes } from './bytes.js';
import { CryptoError } from './crypto.errors.js';
import { hmacSm3 } from './sm3.js';

/**
 * A 16-byte SM4 master key and the id written into every envelope it makes, so that after a
 * rotation the reader knows which key to use. Ids are unsigned 32-bit integers.
 */
export interface Sm4Key {
  readonly id: number;
  readonly secret: Uint8Array;
}

export interface Sm4EnvelopeOptions {
  /**
   * Bound into the tag but not stored: the same value must be given to decrypt. Use what the data
   * belongs to (e.g. `people.id_number:42`) so an envelope copied to another row does not decrypt.
   */
  readonly context?: BinaryInput;
}

/** Envelope format version 1. */
export const SM4_ENVELOPE_V1 = 0x01;

const KEY_ID_BYTES = 4;
const IV_BYTES = 16;
const BLOCK_BYTES = 16;
const TAG_BYTES = 32;
const HEADER_BYTES = 1 + KEY_ID_BYTES;
const MIN_ENVELOPE_BYTES = HEADER_BYTES + IV_BYTES + BLOCK_BYTES + TAG_BYTES;

/**
 * The labels that derive the two working keys from a master key. Changing them makes every stored
 * envelope unreadable: a new derivation needs a new envelope version.
 */
const ENCRYPTION_LABEL = 'hinggan/sm4-envelope/v1/sm4-cbc-key';
const MAC_LABEL = 'hinggan/sm4-envelope/v1/hmac-sm3-key';

interface WorkingKeys {
  readonly encryption: Uint8Array;
  readonly mac: Uint8Array;
}

/**
 * Encryption key = first 16 bytes of HMAC-SM3(master, ENCRYPTION_LABEL); MAC key = all 32 bytes of
 * HMAC-SM3(master, MAC_LABEL). The master key itself never touches SM4 or the MAC directly.
 */
function deriveKeys(key: Sm4Key): WorkingKeys {
  if (!Number.isInteger(key.id) || key.id < 0 || key.id > 0xffff_ffff) {
    throw new CryptoError('crypto.key_invalid', { details: { reason: 'key id is not an unsigned 32-bit integer' } });
  }
  if (key.secret.length !== 16) {
    throw new CryptoError('crypto.key_invalid', { details: { reason: 'SM4 master key is not 16 bytes' } });
  }
  return {
    encryption: hmacSm3(key.secret, ENCRYPTION_LABEL).subarray(0, 16),
    mac: hmacSm3(key.secret, MAC_LABEL),
  };
}

/** Tag over version | key id | iv | ciphertext, then the context and its length (so the split is unambiguous). */
function tagOf(macKey: Uint8Array, signed: Uint8Array, context: Uint8Array): Uint8Array {
  const contextLength = new Uint8Array(8);
  new DataView(contextLength.buffer).setBigUint64(0, BigInt(context.length));
  return hmacSm3(macKey, concatBytes(signed, context, contextLength));
}

/**
 * SM4-CBC with PKCS#7 padding and a random IV, then HMAC-SM3 over the whole envelope
 * (encrypt-then-MAC). Envelope layout, all fixed-width except the ciphertext:
 *
 * `version (1 byte, 0x01) | key id (4 bytes, big-endian) | IV (16) | ciphertext (16·n) | tag (32)`
 */
export function sm4Encrypt(key: Sm4Key, plaintext: BinaryInput, options: Sm4EnvelopeOptions = {}): Uint8Array {
  const { encryption, mac } = deriveKeys(key);
  const header = new Uint8Array(HEADER_BYTES);
  header[0] = SM4_ENVELOPE_V1;
  new DataView(header.buffer).setUint32(1, key.id);
  const iv = new Uint8Array(randomBytes(IV_BYTES));
  const cipher = createCipheriv('sm4-cbc', encryption, iv);
  const ciphertext = concatBytes(cipher.update(toBytes(plaintext)), cipher.final());
  const signed = concatBytes(header, iv, ciphertext);
  return concatBytes(signed, tagOf(mac, signed, toBytes(options.context ?? '')));
}

/** The id of the key that made an envelope, without checking anything else. */
export function sm4EnvelopeKeyId(envelope: Uint8Array): number {
  if (envelope.length < MIN_ENVELOPE_BYTES || envelope[0] !== SM4_ENVELOPE_V1) {
    throw new CryptoError('crypto.envelope_malformed');
  }
  return new DataView(envelope.buffer, envelope.byteOffset, envelope.byteLength).getUint32(1);
}

/**
 * Opens an envelope from {@link sm4Encrypt}. Give one key or every key still in service; the one
 * whose id the envelope names is used. The tag is checked in constant time before anything is
 * decrypted.
 *
 * @throws CryptoError `crypto.envelope_malformed` (wrong length or version), `crypto.key_unknown`
 *   (no key with the envelope's id), `crypto.integrity_failed` (altered, wrong key or wrong context).
 */
export function sm4Decrypt(
  keys: Sm4Key | readonly Sm4Key[],
  envelope: Uint8Array,
  options: Sm4EnvelopeOptions = {},
): Uint8Array {
  const keyId = sm4EnvelopeKeyId(envelope);
  if ((envelope.length - MIN_ENVELOPE_BYTES) % BLOCK_BYTES !== 0) throw new CryptoError('crypto.envelope_malformed');
  const key = (Array.isArray(keys) ? keys : [keys]).find((candidate: Sm4Key) => candidate.id === keyId);
  if (!key) throw new CryptoError('crypto.key_unknown', { details: { keyId } });
  const { encryption, mac } = deriveKeys(key);

  const signed = envelope.subarray(0, envelope.length - TAG_BYTES);
  const tag = envelope.subarray(envelope.length - TAG_BYTES);
  if (!timingSafeEqual(tag, tagOf(mac, signed, toBytes(options.context ?? '')))) {
    throw new CryptoError('crypto.integrity_failed');
  }
  const iv = signed.subarray(HEADER_BYTES, HEADER_BYTES + IV_BYTES);
  const ciphertext = signed.subarray(HEADER_BYTES + IV_BYTES);
  try {
    const decipher = createDecipheriv('sm4-cbc', encryption, iv);
    return concatBytes(decipher.update(ciphertext), decipher.final());
  } catch (cause) {
    // Unreachable unless the MAC key leaked: a valid tag over bad padding.
    throw new CryptoError('crypto.integrity_failed', { cause });
  }
}
