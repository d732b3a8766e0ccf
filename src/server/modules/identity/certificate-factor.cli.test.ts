import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hinggan } from '../../../../test/support/cli.js';
import { certificateChallengeMessage } from '../../../shared/certificate-challenge.js';
import { sm2GenerateKeyPair, sm2PrivateKeyToPem, sm2Verify } from '../../platform/crypto/index.js';

describe('hinggan sign-challenge', () => {
  const pair = sm2GenerateKeyPair();
  const dir = mkdtempSync(path.join(tmpdir(), 'hg-sign-cli-'));
  const nonce = 'Zm9vYmFyLWJhei1xdXV4LW5vbmNlLTEyMzQ1Njc4OTA';
  const encrypted = createPrivateKey(sm2PrivateKeyToPem(pair.privateKey))
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'Khingan-2026' })
    .toString();
  writeFileSync(path.join(dir, 'key.enc.pem'), encrypted, { mode: 0o600 });
  writeFileSync(path.join(dir, 'pass'), 'Khingan-2026\n', { mode: 0o600 });
  writeFileSync(path.join(dir, 'wrong'), 'Khingan-2027\n', { mode: 0o600 });
  const args = ['sign-challenge', '--key', path.join(dir, 'key.enc.pem'), '--nonce', nonce, '--user', 'xsh.clerk', '--purpose', 'enrol'];

  it('signs the binding message with an encrypted key, naming the configured public origin', () => {
    const out = hinggan([...args, '--passphrase-file', path.join(dir, 'pass')], { HINGGAN_PUBLIC_URL: 'https://zw.example.cn/workbench/' });
    expect(out.stderr).toBe('');
    const signature = Buffer.from(out.stdout.trim(), 'base64');
    const message = (origin: string, purpose: 'enrol' | 'sign-in' = 'enrol') =>
      certificateChallengeMessage({ purpose, origin, username: 'xsh.clerk', nonce });
    expect(sm2Verify(pair.publicKey, message('https://zw.example.cn'), signature)).toBe(true);
    expect(sm2Verify(pair.publicKey, message('https://zw.example.cn', 'sign-in'), signature)).toBe(false);
    expect(sm2Verify(pair.publicKey, message('http://127.0.0.1:3000'), signature)).toBe(false);
  }, 60_000);

  it('explains a missing or wrong passphrase and a bad nonce, with exit code 1', () => {
    const missing = hinggan(args);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('私钥已加密：请用 --passphrase-file 指定口令文件');
    const wrong = hinggan([...args, '--passphrase-file', path.join(dir, 'wrong')]);
    expect(wrong.stderr).toContain('无法解密私钥：口令不正确或文件已损坏');
    const bad = hinggan([...args.slice(0, 4), 'not a nonce', '--user', 'x', '--passphrase-file', path.join(dir, 'pass')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('挑战值须为 base64url 编码');
  }, 60_000);
});
