import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sm2Sign, sm2Verify, sm4Decrypt, sm4Encrypt } from './crypto/index.js';
import { initKeyFile, loadPlatformKeys, rotateDataKey } from './keys.js';

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'hg-keys-')), 'keys', 'platform-keys.json');

describe('platform keys', () => {
  it('creates a private key file on first use outside production, and reads the same keys again', () => {
    const keyFile = tempFile();
    const first = loadPlatformKeys({ keyFile, env: 'development' });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = loadPlatformKeys({ keyFile, env: 'development' });
    expect(again.signing.publicKey).toBe(first.signing.publicKey);
    const signature = sm2Sign(first.signing.privateKey, 'checkpoint');
    expect(sm2Verify(again.signing.publicKey, 'checkpoint', signature)).toBe(true);
  });

  it('refuses to invent keys in production, and names a damaged file', () => {
    const keyFile = tempFile();
    expect(() => loadPlatformKeys({ keyFile, env: 'production' })).toThrow(/HINGGAN_KEY_FILE/);
    initKeyFile(keyFile);
    expect(() => initKeyFile(keyFile)).toThrow(/不会覆盖/);
    expect(loadPlatformKeys({ keyFile, env: 'production' }).dataKeys).toHaveLength(1);
    writeFileSync(keyFile, '{"version":1}');
    expect(() => loadPlatformKeys({ keyFile, env: 'production' })).toThrow(/格式错误/);
  });

  it('rotates the data key while old ciphertexts still decrypt', () => {
    const keyFile = tempFile();
    const before = loadPlatformKeys({ keyFile, env: 'test' });
    const envelope = sm4Encrypt(before.dataKeys.at(-1)!, '11010519491231002X');
    expect(rotateDataKey(keyFile)).toBe(2);
    const after = loadPlatformKeys({ keyFile, env: 'test' });
    expect(after.dataKeys.map((k) => k.id)).toEqual([1, 2]);
    expect(Buffer.from(sm4Decrypt(after.dataKeys, envelope)).toString()).toBe('11010519491231002X');
    expect(after.signing.publicKey).toBe(before.signing.publicKey);
  });
});
