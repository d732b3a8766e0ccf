import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hinggan } from '../support/cli.js';

describe('hinggan keys', () => {
  let env: Record<string, string>;
  let keyFile: string;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hg-cli-keys-'));
    keyFile = path.join(dir, 'secret', 'platform-keys.json');
    env = { HINGGAN_DATA_DIR: path.join(dir, 'data'), HINGGAN_KEY_FILE: keyFile };
  });

  it('show refuses, without creating one, while there is no key file', () => {
    const result = hinggan(['keys', 'show'], env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('hinggan keys init');
    expect(() => statSync(keyFile)).toThrow();
  });

  it('init creates the key file readable by its owner only, and refuses to overwrite it', () => {
    const first = hinggan(['keys', 'init'], env);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(keyFile);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const before = readFileSync(keyFile, 'utf8');

    const again = hinggan(['keys', 'init'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('不会覆盖');
    expect(readFileSync(keyFile, 'utf8')).toBe(before);
  });

  it('rotate adds data key 2 as current, keeps key 1 and the signing key, and audits it', () => {
    const before = JSON.parse(readFileSync(keyFile, 'utf8')) as { signing: unknown; dataKeys: { id: number; secret: string }[] };
    const result = hinggan(['keys', 'rotate'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('已新增数据密钥 2');
    const after = JSON.parse(readFileSync(keyFile, 'utf8')) as typeof before;
    expect(after.signing).toEqual(before.signing);
    expect(after.dataKeys.map((k) => k.id)).toEqual([1, 2]);
    expect(after.dataKeys[0]).toEqual(before.dataKeys[0]);
    expect(hinggan(['audit', 'verify'], env).stdout).toContain('1 条记录');
  });

  it('show prints the public key and key ids but no secret', () => {
    const file = JSON.parse(readFileSync(keyFile, 'utf8')) as { signing: { privateKey: string }; dataKeys: { secret: string }[]; indexKey: string };
    const result = hinggan(['keys', 'show'], env);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/SM2 签名公钥：04[0-9a-f]{128}/);
    expect(result.stdout).toContain('数据密钥：1、2（当前）');
    expect(result.stdout).toContain('-----BEGIN PUBLIC KEY-----');
    for (const secret of [file.signing.privateKey, file.indexKey, ...file.dataKeys.map((k) => k.secret)]) {
      expect(result.stdout).not.toContain(secret);
    }
  });
});
