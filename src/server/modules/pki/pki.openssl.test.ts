import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificateList } from '@peculiar/asn1-x509';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { describeWithOpenssl, openssl, runOpenssl } from '../../platform/crypto/openssl.testing.js';
import { pemEncode } from './pki.keys.js';
import type { PkiService } from './pki.service.js';
import { creditOrg, pkiFixture } from './pki.testing.js';

const distid = 'distid:1234567812345678';

describeEachDialect('internal CA against the openssl command', (database) => {
  describeWithOpenssl('openssl verify', () => {
    let pki: PkiService;
    let dir: string;
    const file = (name: string, content: string | Uint8Array) => {
      writeFileSync(path.join(dir, name), content);
      return name;
    };
    beforeAll(async () => {
      pki = (await pkiFixture(database()))();
      dir = mkdtempSync(path.join(tmpdir(), 'hg-pki-openssl-'));
      await pki.ensureRoot('sm2');
      file('root.pem', await pki.rootCertificatePem('sm2'));
    });

    it('writes an SM2 root with the profile 密评 expects', () => {
      const text = openssl(['x509', '-in', 'root.pem', '-noout', '-text', '-nameopt', 'utf8'], { cwd: dir }).toString();
      expect(text).toContain('Signature Algorithm: SM2-with-SM3');
      expect(text).toContain('Issuer: C=CN, O=兴安盟行政公署, CN=兴安盟政务根证书');
      expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE/);
      expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
      expect(text).toContain('Subject Key Identifier');
      expect(text).toContain('ASN1 OID: SM2');
    });

    it('issues from generated keys and from an openssl-made CSR; both verify with the SM2 signer id', async () => {
      const generated = await pki.issue({ kind: 'seal', orgKey: creditOrg.ref, name: '兴安盟测试局公章', profile: 'sm2' });
      file('seal.pem', generated.certificate.certificatePem);
      file('seal.key.pem', generated.privateKeyPem!);
      openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'req.key'], { cwd: dir });
      openssl(['req', '-new', '-key', 'req.key', '-subj', '/CN=王文秘', '-utf8', '-sm3', '-sigopt', distid, '-out', 'req.csr'], { cwd: dir });
      const fromCsr = await pki.issue({ kind: 'personal', username: 'xsh.clerk', name: '王文秘', profile: 'sm2', csr: readFileSync(path.join(dir, 'req.csr'), 'utf8') });
      expect(fromCsr.privateKeyPem).toBeNull();
      file('personal.pem', fromCsr.certificate.certificatePem);

      const ok = openssl(['verify', '-vfyopt', distid, '-CAfile', 'root.pem', 'seal.pem', 'personal.pem'], { cwd: dir }).toString();
      expect(ok).toBe('seal.pem: OK\npersonal.pem: OK\n');
      // Without the signer ID OpenSSL 3 hashes a different Z and rejects the signature.
      expect(runOpenssl(['verify', '-CAfile', 'root.pem', 'seal.pem'], { cwd: dir }).status).not.toBe(0);

      const seal = openssl(['x509', '-in', 'seal.pem', '-noout', '-text', '-nameopt', 'utf8'], { cwd: dir }).toString();
      expect(seal).toContain(`Subject: C=CN, O=${creditOrg.name}, CN=兴安盟测试局公章, serialNumber=${creditOrg.creditCode}`);
      expect(seal).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
      expect(seal).toContain('URI:https://zw.example.cn/pki/crl.der');
      const personal = openssl(['x509', '-in', 'personal.pem', '-noout', '-subject', '-nameopt', 'utf8'], { cwd: dir }).toString();
      expect(personal).toContain('CN=王文秘, UID=xsh.clerk');
      // The key the CA generated is the one certified, and OpenSSL reads the PKCS#8 file.
      const keyPublic = openssl(['pkey', '-in', 'seal.key.pem', '-pubout'], { cwd: dir }).toString();
      expect(openssl(['x509', '-in', 'seal.pem', '-noout', '-pubkey'], { cwd: dir }).toString()).toBe(keyPublic);
    });

    it('lists a revoked SM2 certificate in a CRL signed by the root', async () => {
      const { certificate } = await pki.issue({ kind: 'personal', username: 'fgw.clerk', name: '赵文秘', profile: 'sm2' });
      file('revoked.pem', certificate.certificatePem);
      await pki.revoke(certificate.serial, 'keyCompromise');
      const crl = await pki.crl('sm2');
      file('crl.pem', pemEncode('X509 CRL', crl.der));
      const text = openssl(['crl', '-in', 'crl.pem', '-noout', '-text'], { cwd: dir }).toString();
      expect(text).toContain(`Serial Number: ${certificate.serial.toUpperCase()}`);
      expect(text).toMatch(/CRL Reason Code:\s+Key Compromise/);
      expect(text).toMatch(/CRL Number:\s+\d+/);
      // OpenSSL 3.0 does not pass -vfyopt's distid to CRL signature checks (openssl#23471), so the
      // CRL signature is checked the way GM/T 0015 specifies, with pkeyutl and the signer ID.
      const list = AsnConvert.parse(crl.der, CertificateList);
      file('crl.tbs', new Uint8Array(list.tbsCertListRaw!));
      file('crl.sig', new Uint8Array(list.signature));
      file('root.pub', openssl(['x509', '-in', 'root.pem', '-noout', '-pubkey'], { cwd: dir }));
      const signed = ['pkeyutl', '-verify', '-pubin', '-inkey', 'root.pub', '-rawin', '-digest', 'sm3', '-in', 'crl.tbs', '-sigfile', 'crl.sig'];
      expect(openssl([...signed, '-pkeyopt', distid], { cwd: dir }).toString()).toContain('Signature Verified Successfully');
      expect(runOpenssl([...signed, '-pkeyopt', 'distid:1234567812345679'], { cwd: dir }).status).not.toBe(0);
      const check = runOpenssl(['verify', '-vfyopt', distid, '-crl_check', '-CRLfile', 'crl.pem', '-CAfile', 'root.pem', 'revoked.pem'], { cwd: dir });
      expect(check.status).not.toBe(0);
      expect(await pki.verifyCertificate(certificate.certificatePem)).toMatchObject({ code: 'pki.cert_revoked' });
    });

    it('issues P-256 certificates that plain openssl verify accepts, and revokes them through the CRL', async () => {
      file('p256-root.pem', (await pki.ensureRoot('p256')).root.certificatePem);
      const kept = await pki.issue({ kind: 'personal', username: 'xsh.leader', name: '李盟长', profile: 'p256' });
      const revoked = await pki.issue({ kind: 'seal', orgKey: creditOrg.ref, name: '浏览器用印章', profile: 'p256' });
      file('p256-kept.pem', kept.certificate.certificatePem);
      file('p256-revoked.pem', revoked.certificate.certificatePem);
      expect(openssl(['verify', '-CAfile', 'p256-root.pem', 'p256-kept.pem', 'p256-revoked.pem'], { cwd: dir }).toString()).toBe(
        'p256-kept.pem: OK\np256-revoked.pem: OK\n',
      );
      expect(openssl(['x509', '-in', 'p256-kept.pem', '-noout', '-text'], { cwd: dir }).toString()).toContain('ecdsa-with-SHA256');
      await pki.revoke(revoked.certificate.serial, 'superseded');
      file('p256-crl.pem', pemEncode('X509 CRL', (await pki.crl('p256')).der));
      const crlCheck = ['verify', '-crl_check', '-CRLfile', 'p256-crl.pem', '-CAfile', 'p256-root.pem'];
      expect(openssl([...crlCheck, 'p256-kept.pem'], { cwd: dir }).toString()).toBe('p256-kept.pem: OK\n');
      const refused = runOpenssl([...crlCheck, 'p256-revoked.pem'], { cwd: dir });
      expect(refused.status).not.toBe(0);
      expect(refused.stdout.toString() + refused.stderr).toContain('certificate revoked');
    });
  });
});
