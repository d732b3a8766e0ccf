import type { BinaryInput } from './bytes.js';
import type { Sm2KeyPair, Sm2SignOptions } from './sm2.js';
import type { Sm4EnvelopeOptions, Sm4Key } from './sm4-envelope.js';

/**
 * Everything the platform asks of national cryptography (SM2/SM3/SM4), behind one interface so a
 * hardware module (HSM, 密码机) can replace {@link softwareCrypto} without touching callers. Keys are
 * passed as values here; a hardware provider may read the same strings and `Sm4Key.id` as
 * references to keys that never leave the module.
 */
export interface CryptoProvider {
  /** Short label for logs and the 密评 inventory, e.g. `software` or the HSM model. */
  readonly name: string;

  /** SM3 digest, 32 bytes. */
  sm3(data: BinaryInput): Uint8Array;
  /** HMAC-SM3, 32 bytes. */
  hmacSm3(key: BinaryInput, data: BinaryInput): Uint8Array;

  /** SM4-CBC + HMAC-SM3 envelope naming the key id; see `sm4-envelope.ts` for the layout. */
  sm4Encrypt(key: Sm4Key, plaintext: BinaryInput, options?: Sm4EnvelopeOptions): Uint8Array;
  /** Opens an envelope with whichever of `keys` it names; throws `CryptoError` if it was altered. */
  sm4Decrypt(keys: Sm4Key | readonly Sm4Key[], envelope: Uint8Array, options?: Sm4EnvelopeOptions): Uint8Array;

  /** A new SM2 key pair (hex). */
  sm2GenerateKeyPair(): Sm2KeyPair;
  /** DER signature over SM3(Z ‖ data), Z computed with `options.userId` (default 1234567812345678). */
  sm2Sign(privateKey: string, data: BinaryInput, options?: Sm2SignOptions): Uint8Array;
  /** Whether a DER signature is valid for `data`, the key and the user ID. */
  sm2Verify(publicKey: string, data: BinaryInput, signatureDer: Uint8Array, options?: Sm2SignOptions): boolean;
  /** SM2 encryption, GM/T 0009 DER in C1C3C2 order. */
  sm2Encrypt(publicKey: string, plaintext: BinaryInput): Uint8Array;
  /** SM2 decryption of the GM/T 0009 DER form. */
  sm2Decrypt(privateKey: string, ciphertextDer: Uint8Array): Uint8Array;

  /** Keyed lookup hash for personal data: HMAC-SM3 over the normalised value, hex. */
  blindIndex(key: Uint8Array, value: string): string;
}
