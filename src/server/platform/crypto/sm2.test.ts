import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToHex, concatBytes } from './bytes.js';
import { CryptoError, type CryptoErrorCode } from './crypto.errors.js';
import { softwareCrypto } from './software-crypto.js';
import { decodeSm2Ciphertext, decodeSm2Signature, encodeSm2Ciphertext, encodeSm2Signature } from './sm2-der.js';
import { sm2PrivateKeyFromPem, sm2PrivateKeyToPem, sm2PublicKeyFromPem, sm2PublicKeyToPem } from './sm2-pem.js';
import { sm2Decrypt, sm2Encrypt, sm2GenerateKeyPair, sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2.js';

const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const alice = sm2GenerateKeyPair();
const bob = sm2GenerateKeyPair();
const data = new TextEncoder().encode('兴安盟行政公署 关于印发……的通知');

function codeOf(action: () => unknown): CryptoErrorCode | 'no error' {
  try {
    action();
    return 'no error';
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
}

function flipped(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index]! ^= 0x01;
  return copy;
}

describe('SM2 keys', () => {
  it('generates hex keys in the documented shape, each pair distinct', () => {
    expect(alice.privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(alice.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(sm2PublicKeyOf(alice.privateKey)).toBe(alice.publicKey);
    expect(bob.privateKey).not.toBe(alice.privateKey);
  });

  it('refuses private keys outside [1, n − 2] and public keys off the curve or compressed', () => {
    expect(codeOf(() => sm2PublicKeyOf('0'.repeat(64)))).toBe('crypto.key_invalid');
    expect(codeOf(() => sm2PublicKeyOf((N - 1n).toString(16)))).toBe('crypto.key_invalid');
    expect(codeOf(() => sm2PublicKeyOf('zz'.repeat(32)))).toBe('crypto.key_invalid');
    const offCurve = `${alice.publicKey.slice(0, -1)}${alice.publicKey.endsWith('0') ? '1' : '0'}`;
    expect(codeOf(() => sm2Verify(offCurve, data, new Uint8Array()))).toBe('crypto.key_invalid');
    expect(codeOf(() => sm2Encrypt(`02${alice.publicKey.slice(2, 66)}`, data))).toBe('crypto.key_invalid');
  });

  it('round-trips through PEM', () => {
    expect(sm2PublicKeyFromPem(sm2PublicKeyToPem(alice.publicKey))).toBe(alice.publicKey);
    expect(sm2PrivateKeyFromPem(sm2PrivateKeyToPem(alice.privateKey))).toEqual(alice);
    expect(sm2PublicKeyToPem(alice.publicKey)).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(sm2PrivateKeyToPem(alice.privateKey)).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('refuses a P-256 key in PEM', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const publicPem = p256.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privatePem = p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(codeOf(() => sm2PublicKeyFromPem(publicPem))).toBe('crypto.key_invalid');
    expect(codeOf(() => sm2PrivateKeyFromPem(privatePem))).toBe('crypto.key_invalid');
    expect(codeOf(() => sm2PrivateKeyFromPem('not a pem'))).toBe('crypto.key_invalid');
  });
});

describe('sm2Sign / sm2Verify', () => {
  const signature = sm2Sign(alice.privateKey, data);

  it('round-trips, with a DER SEQUENCE of two integers below n', () => {
    expect(sm2Verify(alice.publicKey, data, signature)).toBe(true);
    const { r, s } = decodeSm2Signature(signature)!;
    expect(r > 0n && r < N && s > 0n && s < N).toBe(true);
  });

  it('signs a string as its UTF-8 bytes', () => {
    expect(sm2Verify(alice.publicKey, '兴安盟行政公署 关于印发……的通知', signature)).toBe(true);
  });

  it('fails when a byte of the data or of the signature changes', () => {
    expect(sm2Verify(alice.publicKey, flipped(data, 3), signature)).toBe(false);
    expect(sm2Verify(alice.publicKey, data, flipped(signature, signature.length - 1))).toBe(false);
    expect(sm2Verify(alice.publicKey, data, flipped(signature, 10))).toBe(false);
  });

  it('fails under another key or another user ID', () => {
    expect(sm2Verify(bob.publicKey, data, signature)).toBe(false);
    expect(sm2Verify(alice.publicKey, data, signature, { userId: 'ALICE123@YAHOO.COM' })).toBe(false);
    const withId = sm2Sign(alice.privateKey, data, { userId: 'ALICE123@YAHOO.COM' });
    expect(sm2Verify(alice.publicKey, data, withId, { userId: 'ALICE123@YAHOO.COM' })).toBe(true);
    expect(sm2Verify(alice.publicKey, data, withId)).toBe(false);
  });

  it('refuses non-canonical encodings and out-of-range integers', () => {
    const { r, s } = decodeSm2Signature(signature)!;
    expect(sm2Verify(alice.publicKey, data, concatBytes(signature, new Uint8Array([0])))).toBe(false);
    // r with a superfluous leading zero: valid BER, not DER.
    const padded = concatBytes(new Uint8Array([0x30, signature.length - 1, 0x02, signature[3]! + 1, 0x00]), signature.subarray(4));
    expect(decodeSm2Signature(padded)).toBeUndefined();
    expect(sm2Verify(alice.publicKey, data, padded)).toBe(false);
    expect(sm2Verify(alice.publicKey, data, encodeSm2Signature(r + N, s))).toBe(false);
    expect(sm2Verify(alice.publicKey, data, encodeSm2Signature(0n, s))).toBe(false);
    expect(sm2Verify(alice.publicKey, data, new Uint8Array())).toBe(false);
  });

  it('gives a fresh signature each time (random k)', () => {
    expect(bytesToHex(sm2Sign(alice.privateKey, data))).not.toBe(bytesToHex(signature));
  });
});

describe('sm2Encrypt / sm2Decrypt', () => {
  it('round-trips empty, short and long plaintexts', () => {
    for (const plaintext of ['', '登录口令 P@ssw0rd', '公文'.repeat(1000)]) {
      const ciphertext = sm2Encrypt(alice.publicKey, plaintext);
      expect(new TextDecoder().decode(sm2Decrypt(alice.privateKey, ciphertext))).toBe(plaintext);
    }
  });

  it('writes canonical GM/T 0009 DER with a 32-byte C3 and C2 as long as the plaintext', () => {
    for (let i = 0; i < 20; i++) {
      const parts = decodeSm2Ciphertext(sm2Encrypt(alice.publicKey, 'twelve bytes'));
      expect(parts?.hash.length).toBe(32);
      expect(parts?.ciphertext.length).toBe(12);
    }
  });

  it('fails on altered data, the wrong key, or a C1 off the curve', () => {
    const ciphertext = sm2Encrypt(alice.publicKey, 'secret');
    expect(codeOf(() => sm2Decrypt(alice.privateKey, flipped(ciphertext, ciphertext.length - 1)))).toBe('crypto.decrypt_failed');
    expect(codeOf(() => sm2Decrypt(bob.privateKey, ciphertext))).toBe('crypto.decrypt_failed');
    const parts = decodeSm2Ciphertext(ciphertext)!;
    const offCurve = encodeSm2Ciphertext({ ...parts, y: parts.y ^ 1n });
    expect(codeOf(() => sm2Decrypt(alice.privateKey, offCurve))).toBe('crypto.decrypt_failed');
    expect(codeOf(() => sm2Decrypt(alice.privateKey, new Uint8Array([0x30, 0x00])))).toBe('crypto.decrypt_failed');
  });
});

describe('softwareCrypto', () => {
  it('offers the whole CryptoProvider', () => {
    const keys = softwareCrypto.sm2GenerateKeyPair();
    const signature = softwareCrypto.sm2Sign(keys.privateKey, 'provider');
    expect(softwareCrypto.sm2Verify(keys.publicKey, 'provider', signature)).toBe(true);
    const sm4Key = { id: 9, secret: new Uint8Array(16).fill(9) };
    const envelope = softwareCrypto.sm4Encrypt(sm4Key, 'provider');
    expect(new TextDecoder().decode(softwareCrypto.sm4Decrypt(sm4Key, envelope))).toBe('provider');
    expect(softwareCrypto.name).toBe('software');
    expect(Object.isFrozen(softwareCrypto)).toBe(true);
  });
});
