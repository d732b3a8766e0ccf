import { blindIndex, hmacSm3, sm4Decrypt, sm4EnvelopeKeyId, sm4Encrypt } from '../crypto/index.js';
import type { PlatformKeys } from '../keys.js';

/**
 * Personal data and secrets at rest (身份证号, phone numbers, TOTP secrets, CA keys): each value is
 * an SM4-CBC + HMAC-SM3 envelope under the platform's current data key, bound to its column and row
 * (`context`), so an envelope copied into another row or column does not decrypt. Exact-match
 * lookups go through a blind index: HMAC-SM3 under a key derived per field from the index key.
 */
export interface FieldCipher {
  /** Seals `value` under the current data key; `context` names the column and row, e.g. `identity.users.phone:<id>`. */
  seal(context: string, value: string): string;
  /** Opens an envelope made by `seal` with the same context, under whichever data key made it. */
  open(context: string, sealed: string): string;
  /** The id of the data key that sealed an envelope. */
  keyIdOf(sealed: string): number;
  /** The blind index of `value` for `field` (e.g. `id_number`) under the current index key. */
  index(field: string, value: string): string;
  /**
   * The index values to look `value` up by: the current one and, while an index-key rotation is
   * being applied (`hinggan keys reencrypt`), the previous one.
   */
  lookup(field: string, value: string): string[];
  /** The current data key id. */
  readonly currentKeyId: number;
}

const INDEX_LABEL = 'hinggan/blind-index/v1/';

/** A separate index key per field, so equal values in different fields do not share an index value. */
const fieldKey = (indexKey: Uint8Array, field: string) => hmacSm3(indexKey, INDEX_LABEL + field);

const ciphers = new WeakMap<PlatformKeys, FieldCipher>();

/** The cipher of a key set; one per key set, so per-field index keys are derived once. */
export function fieldCipher(keys: PlatformKeys): FieldCipher {
  let cipher = ciphers.get(keys);
  if (!cipher) ciphers.set(keys, (cipher = createFieldCipher(keys)));
  return cipher;
}

function createFieldCipher(keys: PlatformKeys): FieldCipher {
  const current = keys.dataKeys.at(-1)!;
  const derived = new Map<string, Uint8Array>();
  const keyFor = (indexKey: Uint8Array, field: string, which: 'current' | 'previous') => {
    const name = `${which}:${field}`;
    let key = derived.get(name);
    if (!key) derived.set(name, (key = fieldKey(indexKey, field)));
    return key;
  };
  return {
    currentKeyId: current.id,
    seal: (context, value) => Buffer.from(sm4Encrypt(current, value, { context })).toString('base64'),
    open: (context, sealed) => Buffer.from(sm4Decrypt(keys.dataKeys, Buffer.from(sealed, 'base64'), { context })).toString('utf8'),
    keyIdOf: (sealed) => sm4EnvelopeKeyId(Buffer.from(sealed, 'base64')),
    index: (field, value) => blindIndex(keyFor(keys.indexKey, field, 'current'), value),
    lookup(field, value) {
      const values = [blindIndex(keyFor(keys.indexKey, field, 'current'), value)];
      if (keys.previousIndexKey) values.push(blindIndex(keyFor(keys.previousIndexKey, field, 'previous'), value));
      return values;
    },
  };
}
