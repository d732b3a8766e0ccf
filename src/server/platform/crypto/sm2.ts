import { sm2 as sm2Lib } from 'sm-crypto-v2';
import { type BinaryInput, bytesToHex, hexToBytes, toBytes } from './bytes.js';
import { CryptoError } from './crypto.errors.js';
import { decodeSm2Ciphertext, decodeSm2Signature, encodeSm2Ciphertext, encodeSm2Signature } from './sm2-der.js';
import { N, cachedKeyCheck, cachedPublicKey, signingPoint, verifyDigest, zOf } from './sm2-fast.js';
import { sm3 } from './sm3.js';

/**
 * SM2 (GB/T 32918) from `sm-crypto-v2`, which does the curve arithmetic with a CSPRNG
 * (globalThis.crypto). This file owns the key checks and the wire formats; the library never
 * parses untrusted DER. `sm2-fast.ts` supplies the cached tables and Z values that make signing and
 * verification fast enough for the audit log.
 */

/** The signer ID GM/T 0009 names as default; OpenSSL's `distid:1234567812345678`. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** An SM2 key pair as hex: private key d (64 digits), public key 04 | x | y (130 digits). */
export interface Sm2KeyPair {
  readonly privateKey: string;
  readonly publicKey: string;
}

export interface Sm2SignOptions {
  /**
   * The signer ID hashed into Z (GB/T 32918.2 §5.5), as UTF-8. Signer and verifier must agree;
   * defaults to {@link SM2_DEFAULT_USER_ID}, the value OpenSSL and most Chinese CAs use.
   */
  readonly userId?: string;
}

function hex64(n: bigint): string {
  return n.toString(16).padStart(64, '0');
}

/** Lowercase private key hex, or throws: 64 hex digits with 1 ≤ d ≤ n − 2. */
export function checkSm2PrivateKey(privateKeyHex: string): string {
  const d = /^[0-9a-fA-F]{64}$/.test(privateKeyHex) ? BigInt(`0x${privateKeyHex}`) : 0n;
  if (d < 1n || d > N - 2n) throw new CryptoError('crypto.key_invalid', { details: { reason: 'not an SM2 private key' } });
  return privateKeyHex.toLowerCase();
}

/** Lowercase public key hex, or throws: uncompressed 04 | x | y, a point on the curve. */
export function checkSm2PublicKey(publicKeyHex: string): string {
  const valid =
    /^04[0-9a-fA-F]{128}$/.test(publicKeyHex) &&
    cachedKeyCheck(publicKeyHex.toLowerCase(), (key) => {
      try {
        return sm2Lib.verifyPublicKey(key);
      } catch {
        return false;
      }
    });
  if (!valid) throw new CryptoError('crypto.key_invalid', { details: { reason: 'not an uncompressed SM2 public key' } });
  return publicKeyHex.toLowerCase();
}

function checkUserId(userId: string): string {
  // ENTL is the ID's length in bits in two bytes.
  if (Buffer.byteLength(userId, 'utf8') * 8 > 0xffff) {
    throw new CryptoError('crypto.key_invalid', { details: { reason: 'SM2 user ID longer than 8191 bytes' } });
  }
  return userId;
}

/** A new SM2 key pair from the system CSPRNG. */
export function sm2GenerateKeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = sm2Lib.generateKeyPairHex();
  return { privateKey: checkSm2PrivateKey(privateKey), publicKey: checkSm2PublicKey(publicKey) };
}

/** The public key (04 | x | y hex) that belongs to a private key. */
export function sm2PublicKeyOf(privateKeyHex: string): string {
  return cachedPublicKey(checkSm2PrivateKey(privateKeyHex), (key) => checkSm2PublicKey(sm2Lib.getPublicKeyFromPrivateKey(key)));
}

/** e = SM3(Z ‖ data), the digest both sides sign over (GB/T 32918.2 §6.1 A1–A2). */
function digestOf(publicKey: string, userId: string, data: BinaryInput): Uint8Array {
  return sm3(Buffer.concat([zOf(publicKey, userId), toBytes(data)]));
}

/**
 * Signs SM3(Z ‖ data), Z from the public key and `userId`, and returns the DER signature
 * `SEQUENCE { r, s }` that OpenSSL, GM/T 0009 and X.509 expect.
 */
export function sm2Sign(privateKeyHex: string, data: BinaryInput, options: Sm2SignOptions = {}): Uint8Array {
  const privateKey = checkSm2PrivateKey(privateKeyHex);
  const digest = digestOf(sm2PublicKeyOf(privateKey), checkUserId(options.userId ?? SM2_DEFAULT_USER_ID), data);
  // The pool hands the library k and x1 of k·G from the faster table; it draws its own if r is unusable.
  const raw = sm2Lib.doSignature(digest, privateKey, { hash: false, der: false, pointPool: [signingPoint()] });
  return encodeSm2Signature(BigInt(`0x${raw.slice(0, 64)}`), BigInt(`0x${raw.slice(64)}`));
}

/**
 * True when `signatureDer` is a canonical DER SM2 signature over `data` by `publicKeyHex` with the
 * same user ID. A malformed signature is false; a malformed public key throws `crypto.key_invalid`.
 */
export function sm2Verify(
  publicKeyHex: string,
  data: BinaryInput,
  signatureDer: Uint8Array,
  options: Sm2SignOptions = {},
): boolean {
  const publicKey = checkSm2PublicKey(publicKeyHex);
  const userId = checkUserId(options.userId ?? SM2_DEFAULT_USER_ID);
  const signature = decodeSm2Signature(signatureDer);
  if (!signature) return false;
  const { r, s } = signature;
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  return verifyDigest(publicKey, digestOf(publicKey, userId, data), r, s);
}

/**
 * SM2 public-key encryption. Returns the GM/T 0009 DER form in C1C3C2 order, which is what
 * OpenSSL's `pkeyutl -encrypt` writes and reads; the bare `04‖C1‖C3‖C2` concatenation some
 * front-end libraries emit is not accepted. The ciphertext is 107 bytes or so longer than the data.
 */
export function sm2Encrypt(publicKeyHex: string, plaintext: BinaryInput): Uint8Array {
  const publicKey = checkSm2PublicKey(publicKeyHex);
  // Mode 1 = C1C3C2; without `asn1` the library returns x ‖ y ‖ C3 ‖ C2 as hex, which we encode.
  const raw = sm2Lib.doEncrypt(new Uint8Array(toBytes(plaintext)), publicKey, 1);
  return encodeSm2Ciphertext({
    x: BigInt(`0x${raw.slice(0, 64)}`),
    y: BigInt(`0x${raw.slice(64, 128)}`),
    hash: hexToBytes(raw.slice(128, 192)) ?? new Uint8Array(),
    ciphertext: hexToBytes(raw.slice(192)) ?? new Uint8Array(),
  });
}

/**
 * Decrypts what {@link sm2Encrypt} (or OpenSSL) produced. C1 is checked to be on the curve before
 * the private key touches it, which closes the invalid-curve attack.
 *
 * @throws CryptoError `crypto.decrypt_failed` for malformed input, a point off the curve, or a C3
 *   mismatch (wrong key or altered data); all three look the same to the caller.
 */
export function sm2Decrypt(privateKeyHex: string, ciphertextDer: Uint8Array): Uint8Array {
  const privateKey = checkSm2PrivateKey(privateKeyHex);
  const parts = decodeSm2Ciphertext(ciphertextDer);
  if (!parts || parts.hash.length !== 32 || parts.x >= 2n ** 256n || parts.y >= 2n ** 256n) {
    throw new CryptoError('crypto.decrypt_failed');
  }
  const c1 = hex64(parts.x) + hex64(parts.y);
  try {
    checkSm2PublicKey(`04${c1}`);
  } catch (cause) {
    throw new CryptoError('crypto.decrypt_failed', { cause });
  }
  const plaintext: Uint8Array | number[] = sm2Lib.doDecrypt(
    c1 + bytesToHex(parts.hash) + bytesToHex(parts.ciphertext),
    privateKey,
    1,
    { output: 'array' },
  );
  // The library signals a C3 mismatch by returning an empty plain array instead of a Uint8Array.
  if (!(plaintext instanceof Uint8Array)) throw new CryptoError('crypto.decrypt_failed');
  return plaintext;
}
