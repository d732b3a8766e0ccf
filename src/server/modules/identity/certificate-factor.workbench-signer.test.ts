import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { certificateChallengeMessage } from '../../../shared/certificate-challenge.js';
import { certificateIn, keyKindOf, readSm2Key, signMessage } from '../../../workbench/account/sm2-key.js';
import { sm2GenerateKeyPair, sm2PrivateKeyToPem, sm2PublicKeyToPem, sm2Verify } from '../../platform/crypto/index.js';
import { describeWithOpenssl, openssl } from '../../platform/crypto/openssl.testing.js';

/**
 * The workbench's signing helper (browser code, run here under Node's WebCrypto) against the
 * server's verifier and OpenSSL: the signatures the browser makes are the ones sign-in accepts.
 */
const message = certificateChallengeMessage({ purpose: 'sign-in', origin: 'https://zw.example.cn', username: 'xsh.clerk', nonce: 'n'.repeat(43) });

describe('the workbench signing helper', () => {
  const pair = sm2GenerateKeyPair();
  const pem = sm2PrivateKeyToPem(pair.privateKey);

  it('reads the PKCS#8 key the CA hands out and signs what the server verifies', async () => {
    const key = await readSm2Key(`证书说明\n${pem}`);
    expect(key).toEqual(pair);
    const signature = signMessage(key, message);
    expect(sm2Verify(pair.publicKey, message, Buffer.from(signature, 'base64'))).toBe(true);
    expect(sm2Verify(pair.publicKey, `${message}x`, Buffer.from(signature, 'base64'))).toBe(false);
    // A signer ID other than 1234567812345678 would not verify: the helper uses the standard one.
    expect(sm2Verify(pair.publicKey, message, Buffer.from(signature, 'base64'), { userId: 'ALICE123@YAHOO.COM' })).toBe(false);
  });

  it('opens a PKCS#8 key encrypted with a passphrase (PBES2, AES-256-CBC) and refuses a wrong one', async () => {
    const encrypted = createPrivateKey(pem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: '兴安岭-2026' }).toString();
    expect(keyKindOf(encrypted)).toBe('encrypted');
    expect(await readSm2Key(encrypted, '兴安岭-2026')).toEqual(pair);
    await expect(readSm2Key(encrypted)).rejects.toThrow('私钥已加密，请输入私钥口令');
    await expect(readSm2Key(encrypted, 'wrong')).rejects.toThrow(/口令不正确|已损坏/);
  });

  it('says plainly what is wrong with a file it cannot use', async () => {
    await expect(readSm2Key('hello')).rejects.toThrow('文件中没有 PEM 格式的私钥');
    const p256 = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(readSm2Key(p256)).rejects.toThrow('该私钥不是 SM2 密钥');
    const broken = pem.replace(/\n[A-Za-z0-9+/]{8}/, '\nAAAAAAAA');
    await expect(readSm2Key(broken)).rejects.toThrow(/已损坏|不匹配|无效/);
    expect(keyKindOf(pem)).toBe('plain');
    expect(keyKindOf('-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----')).toBe('none');
    expect(certificateIn(`x\n-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n${pem}`)).toBe('-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----');
  });
});

describeWithOpenssl('the workbench signing helper and OpenSSL', () => {
  const pair = sm2GenerateKeyPair();
  const pem = sm2PrivateKeyToPem(pair.privateKey);
  const dir = mkdtempSync(path.join(tmpdir(), 'hg-wb-signer-'));
  writeFileSync(path.join(dir, 'key.pem'), pem);

  it('makes signatures openssl verifies with distid 1234567812345678', async () => {
    writeFileSync(path.join(dir, 'pub.pem'), sm2PublicKeyToPem(pair.publicKey));
    writeFileSync(path.join(dir, 'message'), message);
    writeFileSync(path.join(dir, 'sig'), Buffer.from(signMessage(await readSm2Key(pem), message), 'base64'));
    const out = openssl(
      ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-digest', 'sm3', '-in', 'message', '-sigfile', 'sig', '-pkeyopt', 'distid:1234567812345678'],
      { cwd: dir },
    );
    expect(out.toString()).toContain('Signature Verified Successfully');
  });

  it('reads the SEC1 and SM4-CBC-encrypted keys openssl writes', async () => {
    const sec1 = openssl(['ec', '-in', 'key.pem'], { cwd: dir }).toString();
    expect(sec1).toMatch(/-----BEGIN (EC|SM2) PRIVATE KEY-----/);
    expect(await readSm2Key(sec1)).toEqual(pair);
    const sm4 = openssl(['pkcs8', '-topk8', '-in', 'key.pem', '-v2', 'sm4-cbc', '-passout', 'pass:secret-2026'], { cwd: dir }).toString();
    expect(await readSm2Key(sm4, 'secret-2026')).toEqual(pair);
    await expect(readSm2Key(sm4, 'secret-2027')).rejects.toThrow(/口令不正确|已损坏/);
  });
});
