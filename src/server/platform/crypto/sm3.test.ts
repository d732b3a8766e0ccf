import { sm3 as referenceSm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes.js';
import { CryptoError } from './crypto.errors.js';
import { describeWithOpenssl, openssl } from './openssl.testing.js';
import { blindIndex, hmacSm3, normaliseForIndex, sm3 } from './sm3.js';

const hex = (bytes: Uint8Array) => bytesToHex(bytes);

describe('sm3', () => {
  it('matches the GB/T 32905 example 1: "abc"', () => {
    expect(hex(sm3('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('matches the GB/T 32905 example 2: "abcd" × 16', () => {
    expect(hex(sm3('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('hashes a string as its UTF-8 bytes', () => {
    expect(hex(sm3('兴安盟'))).toBe(hex(sm3(new TextEncoder().encode('兴安盟'))));
  });
});

describe('hmacSm3', () => {
  it('agrees with an independent implementation (sm-crypto-v2)', () => {
    const key = new Uint8Array(40).map((_, i) => i * 7);
    for (const data of ['', 'abc', 'x'.repeat(200)]) {
      expect(hex(hmacSm3(key, data))).toBe(referenceSm3(data, { key, mode: 'hmac' }));
    }
  });

  it('depends on the key', () => {
    expect(hex(hmacSm3('key-a', 'abc'))).not.toBe(hex(hmacSm3('key-b', 'abc')));
  });
});

describeWithOpenssl('hmacSm3 against the openssl CLI', () => {
  const digestOf = (out: Buffer) => /([0-9a-f]{64})\s*$/i.exec(out.toString())?.[1]?.toLowerCase();

  it('matches `openssl dgst -sm3 -hmac KEY` for a text key', () => {
    const out = openssl(['dgst', '-sm3', '-hmac', 'hinggan-secret'], { input: '兴安盟行政公署' });
    expect(hex(hmacSm3('hinggan-secret', '兴安盟行政公署'))).toBe(digestOf(out));
  });

  it('matches `openssl dgst -sm3 -mac HMAC -macopt hexkey:…` for a binary key', () => {
    const key = new Uint8Array(32).map((_, i) => 255 - i);
    const out = openssl(['dgst', '-sm3', '-mac', 'HMAC', '-macopt', `hexkey:${hex(key)}`], { input: 'abc' });
    expect(hex(hmacSm3(key, 'abc'))).toBe(digestOf(out));
  });
});

describe('blindIndex', () => {
  const key = new Uint8Array(32).fill(7);

  it('is the hex HMAC-SM3 of the normalised value', () => {
    expect(blindIndex(key, ' 152201 ')).toBe(hex(hmacSm3(key, '152201')));
  });

  it('indexes the ways people type the same ID number alike', () => {
    const expected = blindIndex(key, '15220119900101123X');
    expect(blindIndex(key, '１５２２０１ 1990 0101 123Ｘ')).toBe(expected);
    expect(blindIndex(key, '15220119900101123x\u3000')).toBe(expected);
    expect(normaliseForIndex('１５２２０１ 1990 0101 123Ｘ')).toBe('15220119900101123x');
  });

  it('tells different values and different keys apart', () => {
    expect(blindIndex(key, '13800000000')).not.toBe(blindIndex(key, '13800000001'));
    expect(blindIndex(key, '13800000000')).not.toBe(blindIndex(new Uint8Array(32).fill(8), '13800000000'));
  });

  it('refuses a key under 16 bytes', () => {
    expect(() => blindIndex(new Uint8Array(8), 'x')).toThrow(CryptoError);
  });
});
