import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithOpenssl, openssl, runOpenssl } from './openssl.testing.js';
import { sm2PrivateKeyFromPem, sm2PrivateKeyToPem, sm2PublicKeyFromPem, sm2PublicKeyToPem } from './sm2-pem.js';
import { sm2Decrypt, sm2Encrypt, sm2GenerateKeyPair, sm2Sign, sm2Verify } from './sm2.js';

/** Interoperability with OpenSSL 3, the implementation a relying party is most likely to use. */
describeWithOpenssl('SM2 interop with the openssl CLI', () => {
  let dir = '';
  const file = (name: string) => join(dir, name);
  const data = new TextEncoder().encode('兴安盟行政公署印章 2026-11-27');
  const verifyArgs = (pub: string, sig: string, distid: string) => [
    'pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', 'data.bin', '-sigfile', sig,
    '-digest', 'sm3', '-pkeyopt', `distid:${distid}`,
  ];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hinggan-sm2-'));
    writeFileSync(file('data.bin'), data);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('OpenSSL verifies our signature with our public key PEM, and only under the same distid', () => {
    const keys = sm2GenerateKeyPair();
    writeFileSync(file('ours.pub.pem'), sm2PublicKeyToPem(keys.publicKey));
    writeFileSync(file('ours.sig.der'), sm2Sign(keys.privateKey, data));
    const verified = runOpenssl(verifyArgs('ours.pub.pem', 'ours.sig.der', '1234567812345678'), { cwd: dir });
    expect(verified.stdout.toString()).toContain('Signature Verified Successfully');
    expect(verified.status).toBe(0);
    expect(runOpenssl(verifyArgs('ours.pub.pem', 'ours.sig.der', '1234567812345679'), { cwd: dir }).status).not.toBe(0);
  });

  it('we verify a signature OpenSSL made with a key from `openssl genpkey`', () => {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'theirs.pem'], { cwd: dir });
    openssl(['pkey', '-in', 'theirs.pem', '-pubout', '-out', 'theirs.pub.pem'], { cwd: dir });
    openssl(
      ['pkeyutl', '-sign', '-inkey', 'theirs.pem', '-rawin', '-in', 'data.bin', '-out', 'theirs.sig.der',
        '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'],
      { cwd: dir },
    );
    const keys = sm2PrivateKeyFromPem(readFileSync(file('theirs.pem'), 'utf8'));
    const publicKey = sm2PublicKeyFromPem(readFileSync(file('theirs.pub.pem'), 'utf8'));
    expect(publicKey).toBe(keys.publicKey);
    const signature = new Uint8Array(readFileSync(file('theirs.sig.der')));
    expect(sm2Verify(publicKey, data, signature)).toBe(true);
    expect(sm2Verify(publicKey, data, signature, { userId: '1234567812345679' })).toBe(false);
  });

  it('our PEM keys match what `openssl pkey -text` reads from them', () => {
    const keys = sm2GenerateKeyPair();
    writeFileSync(file('ours.pem'), sm2PrivateKeyToPem(keys.privateKey));
    const text = openssl(['pkey', '-in', 'ours.pem', '-text', '-noout', '-check'], { cwd: dir }).toString();
    const block = (label: string) => new RegExp(`${label}:\\n((?:\\s+[0-9a-f:]+\\n)+)`).exec(text)?.[1]?.replace(/[\s:]/g, '');
    // OpenSSL prints d as a number: leading zero bytes dropped, a 00 added when the top bit is set.
    expect(BigInt(`0x${block('priv')}`)).toBe(BigInt(`0x${keys.privateKey}`));
    expect(block('pub')).toBe(keys.publicKey);
    expect(text).toContain('ASN1 OID: SM2');
    expect(text).toContain('Key is valid');
  });

  it('OpenSSL signs with our private key PEM and we verify', () => {
    const keys = sm2GenerateKeyPair();
    writeFileSync(file('ours2.pem'), sm2PrivateKeyToPem(keys.privateKey));
    openssl(
      ['pkeyutl', '-sign', '-inkey', 'ours2.pem', '-rawin', '-in', 'data.bin', '-out', 'ours2.sig.der',
        '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'],
      { cwd: dir },
    );
    expect(sm2Verify(keys.publicKey, data, new Uint8Array(readFileSync(file('ours2.sig.der'))))).toBe(true);
  });

  it('reads the SEC1 form `openssl ec` writes', () => {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'sec1-source.pem'], { cwd: dir });
    openssl(['ec', '-in', 'sec1-source.pem', '-out', 'sec1.pem'], { cwd: dir });
    const sec1 = readFileSync(file('sec1.pem'), 'utf8');
    expect(sec1).toMatch(/-----BEGIN (SM2|EC) PRIVATE KEY-----/);
    expect(sm2PrivateKeyFromPem(sec1)).toEqual(sm2PrivateKeyFromPem(readFileSync(file('sec1-source.pem'), 'utf8')));
  });

  it('encryption works both ways with `openssl pkeyutl -encrypt/-decrypt`', () => {
    const keys = sm2GenerateKeyPair();
    writeFileSync(file('enc.pem'), sm2PrivateKeyToPem(keys.privateKey));
    writeFileSync(file('enc.pub.pem'), sm2PublicKeyToPem(keys.publicKey));
    writeFileSync(file('ours.ct.der'), sm2Encrypt(keys.publicKey, data));
    expect(openssl(['pkeyutl', '-decrypt', '-inkey', 'enc.pem', '-in', 'ours.ct.der'], { cwd: dir })).toEqual(Buffer.from(data));
    openssl(['pkeyutl', '-encrypt', '-pubin', '-inkey', 'enc.pub.pem', '-in', 'data.bin', '-out', 'theirs.ct.der'], { cwd: dir });
    expect(sm2Decrypt(keys.privateKey, new Uint8Array(readFileSync(file('theirs.ct.der'))))).toEqual(data);
  });
});
