import { createCipheriv, createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './bytes.js';
import { CryptoError, type CryptoErrorCode } from './crypto.errors.js';
import { hmacSm3 } from './sm3.js';
import { type Sm4Key, sm4Decrypt, sm4EnvelopeKeyId, sm4Encrypt } from './sm4-envelope.js';

const keyA: Sm4Key = { id: 1, secret: new Uint8Array(16).fill(0xa1) };
const keyB: Sm4Key = { id: 2, secret: new Uint8Array(16).fill(0xb2) };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function flipped(envelope: Uint8Array, index: number): Uint8Array {
  const copy = envelope.slice();
  copy[index < 0 ? copy.length + index : index]! ^= 0x01;
  return copy;
}

function codeOf(action: () => unknown): CryptoErrorCode | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
}

describe('SM4 through Node OpenSSL', () => {
  const key = hexToBytes('0123456789abcdeffedcba9876543210')!;
  const expected = '681edf34d206965e86b3e94f536e4246';

  it('matches the GB/T 32907 example in ECB on one block', () => {
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(bytesToHex(Buffer.concat([cipher.update(key), cipher.final()]))).toBe(expected);
  });

  it('matches it in CBC with a zero IV, which is what the envelope uses', () => {
    const cipher = createCipheriv('sm4-cbc', key, new Uint8Array(16)).setAutoPadding(false);
    expect(bytesToHex(Buffer.concat([cipher.update(key), cipher.final()]))).toBe(expected);
  });
});

describe('sm4Encrypt / sm4Decrypt', () => {
  it('round-trips empty, short, block-sized and long plaintexts', () => {
    for (const plaintext of ['', '身份证号 152201199001011234', 'x'.repeat(16), '公文'.repeat(500)]) {
      expect(text(sm4Decrypt(keyA, sm4Encrypt(keyA, plaintext)))).toBe(plaintext);
    }
  });

  it('writes version 1, the key id, a 16-byte IV, padded ciphertext and a 32-byte tag', () => {
    const envelope = sm4Encrypt({ id: 0x01020304, secret: keyA.secret }, 'x'.repeat(20));
    expect(envelope[0]).toBe(1);
    expect(bytesToHex(envelope.subarray(1, 5))).toBe('01020304');
    expect(envelope.length).toBe(1 + 4 + 16 + 32 + 32);
    expect(sm4EnvelopeKeyId(envelope)).toBe(0x01020304);
  });

  it('uses a fresh IV each time, so equal plaintexts do not look equal', () => {
    const first = sm4Encrypt(keyA, 'same');
    const second = sm4Encrypt(keyA, 'same');
    expect(bytesToHex(first.subarray(5, 21))).not.toBe(bytesToHex(second.subarray(5, 21)));
    expect(bytesToHex(first)).not.toBe(bytesToHex(second));
  });

  it('encrypts under keys derived from the master key as documented, never the master key itself', () => {
    const envelope = sm4Encrypt(keyA, 'derived');
    const iv = envelope.subarray(5, 21);
    const ciphertext = envelope.subarray(21, envelope.length - 32);
    const cbcDecrypt = (key: Uint8Array) => {
      try {
        const decipher = createDecipheriv('sm4-cbc', key, iv);
        return text(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
      } catch {
        return undefined;
      }
    };
    expect(cbcDecrypt(hmacSm3(keyA.secret, 'hinggan/sm4-envelope/v1/sm4-cbc-key').subarray(0, 16))).toBe('derived');
    expect(cbcDecrypt(keyA.secret)).not.toBe('derived');
  });

  it('detects a flipped bit in the IV, the ciphertext or the tag', () => {
    const envelope = sm4Encrypt(keyA, 'do not alter');
    expect(codeOf(() => sm4Decrypt(keyA, flipped(envelope, 5)))).toBe('crypto.integrity_failed');
    expect(codeOf(() => sm4Decrypt(keyA, flipped(envelope, 25)))).toBe('crypto.integrity_failed');
    expect(codeOf(() => sm4Decrypt(keyA, flipped(envelope, -1)))).toBe('crypto.integrity_failed');
    expect(codeOf(() => sm4Decrypt(keyA, envelope))).toBe('no error');
  });

  it('refuses an unknown version, a truncated envelope or one that is not whole blocks', () => {
    const envelope = sm4Encrypt(keyA, 'short');
    expect(codeOf(() => sm4Decrypt(keyA, flipped(envelope, 0)))).toBe('crypto.envelope_malformed');
    expect(codeOf(() => sm4Decrypt(keyA, envelope.subarray(0, 60)))).toBe('crypto.envelope_malformed');
    expect(codeOf(() => sm4Decrypt(keyA, envelope.subarray(0, envelope.length - 1)))).toBe('crypto.envelope_malformed');
  });

  it('fails with the wrong key under the same id, and names a key it does not have', () => {
    const envelope = sm4Encrypt(keyA, 'secret');
    expect(codeOf(() => sm4Decrypt({ id: 1, secret: keyB.secret }, envelope))).toBe('crypto.integrity_failed');
    expect(codeOf(() => sm4Decrypt(keyB, envelope))).toBe('crypto.key_unknown');
  });

  it('detects a key id rewritten to point at another key in service', () => {
    const envelope = sm4Encrypt(keyA, 'secret');
    envelope[4] = 2;
    expect(codeOf(() => sm4Decrypt([keyA, keyB], envelope))).toBe('crypto.integrity_failed');
  });

  it('picks the key the envelope names after a rotation', () => {
    const old = sm4Encrypt(keyA, 'before rotation');
    const fresh = sm4Encrypt(keyB, 'after rotation');
    expect(text(sm4Decrypt([keyB, keyA], old))).toBe('before rotation');
    expect(text(sm4Decrypt([keyB, keyA], fresh))).toBe('after rotation');
  });

  it('binds the context: an envelope moved to another row does not decrypt', () => {
    const envelope = sm4Encrypt(keyA, '152201199001011234', { context: 'people.id_number:42' });
    expect(text(sm4Decrypt(keyA, envelope, { context: 'people.id_number:42' }))).toBe('152201199001011234');
    expect(codeOf(() => sm4Decrypt(keyA, envelope, { context: 'people.id_number:43' }))).toBe('crypto.integrity_failed');
    expect(codeOf(() => sm4Decrypt(keyA, envelope))).toBe('crypto.integrity_failed');
  });

  it('refuses master keys that are not 16 bytes and ids that do not fit 32 bits', () => {
    expect(codeOf(() => sm4Encrypt({ id: 1, secret: new Uint8Array(32) }, 'x'))).toBe('crypto.key_invalid');
    expect(codeOf(() => sm4Encrypt({ id: 2 ** 32, secret: keyA.secret }, 'x'))).toBe('crypto.key_invalid');
    expect(codeOf(() => sm4Encrypt({ id: -1, secret: keyA.secret }, 'x'))).toBe('crypto.key_invalid');
  });
});
