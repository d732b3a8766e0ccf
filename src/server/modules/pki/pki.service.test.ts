import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../../platform/clock.js';
import { generateKey, pemDecode, pemEncode } from './pki.keys.js';
import type { PkiService } from './pki.service.js';
import { creditOrg, pkiFixture } from './pki.testing.js';
import { buildName, keyIdOf, newSerial, parseCertificate, signCertificate } from './pki.x509.js';

describeEachDialect('internal CA', (database) => {
  let pki: PkiService;
  let factory: Awaited<ReturnType<typeof pkiFixture>>;
  const ready = async () => {
    factory ??= await pkiFixture(database());
    pki ??= factory();
    return pki;
  };

  it('creates the SM2 root once, its key stored only as an SM4 envelope', async () => {
    const first = await (await ready()).ensureRoot();
    expect(first).toMatchObject({ created: true, root: { kind: 'root', profile: 'sm2', commonName: '兴安盟政务根证书' } });
    expect((await pki.ensureRoot()).created).toBe(false);
    const root = parseCertificate(first.root.certificatePem);
    expect(root.subject).toMatchObject({ country: 'CN', organization: '兴安盟行政公署', commonName: '兴安盟政务根证书' });
    expect(await pki.verifyCertificate(first.root.certificatePem)).toMatchObject({ status: 'valid', code: null });
    const stored = await database().db.selectFrom('ca_roots').selectAll().executeTakeFirstOrThrow();
    expect(stored.private_key_envelope).not.toMatch(/PRIVATE KEY/);
    expect(Buffer.from(stored.private_key_envelope, 'base64').toString('latin1')).not.toMatch(/PRIVATE KEY/);
  });

  it('issues a seal certificate from a generated key and keeps the key for sealing', async () => {
    const { certificate, privateKeyPem } = await (await ready()).issue({ kind: 'seal', orgKey: creditOrg.ref, name: '兴安盟测试局公章', organizationalUnit: '办公室', profile: 'sm2' });
    expect(certificate).toMatchObject({ kind: 'seal', organization: creditOrg.name, creditCode: creditOrg.creditCode, hasStoredKey: true, status: 'valid' });
    expect(certificate.serial).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(await pki.sealPrivateKey(certificate.serial)).toBe(privateKeyPem);
    const row = await database().db.selectFrom('certificates').select('sealed_private_key').where('serial', '=', certificate.serial).executeTakeFirstOrThrow();
    expect(Buffer.from(row.sealed_private_key!, 'base64').toString('latin1')).not.toMatch(/PRIVATE KEY/);
    const parsed = parseCertificate(certificate.certificatePem);
    expect(parsed.subject).toMatchObject({ organization: creditOrg.name, organizationalUnit: '办公室', commonName: '兴安盟测试局公章', serialNumber: creditOrg.creditCode });
    expect(await pki.verifyCertificate(certificate.certificatePem)).toMatchObject({ status: 'valid', serial: certificate.serial, profile: 'sm2' });
  });

  it('hands out a generated personal key once and never stores it', async () => {
    const { certificate, privateKeyPem } = await (await ready()).issue({ kind: 'personal', username: 'xsh.clerk', name: '王文秘', profile: 'sm2' });
    expect(privateKeyPem).toMatch(/PRIVATE KEY/);
    expect(certificate).toMatchObject({ kind: 'personal', username: 'xsh.clerk', hasStoredKey: false });
    await expect(pki.sealPrivateKey(certificate.serial)).rejects.toMatchObject({ code: 'pki.seal_key_missing' });
    expect((await pki.list({ kind: 'personal', page: 1, pageSize: 10 })).items.map((c) => c.serial)).toContain(certificate.serial);
  });

  it('refuses a CSR that is not one, and one whose key does not fit the profile', async () => {
    await expect((await ready()).issue({ kind: 'personal', username: 'u', name: '某', csr: 'garbage', profile: 'sm2' })).rejects.toMatchObject({ code: 'pki.csr_invalid' });
  });

  it('revokes, publishes a CRL with the serial, and reports pki.cert_revoked', async () => {
    const { certificate } = await (await ready()).issue({ kind: 'personal', username: 'fgw.clerk', name: '赵文秘', profile: 'sm2' });
    const before = await pki.crl();
    const revoked = await pki.revoke(certificate.serial, 'keyCompromise');
    expect(revoked).toMatchObject({ status: 'revoked', revocationReason: 'keyCompromise' });
    const after = await pki.crl();
    expect(after.number).toBe(before.number + 1);
    expect(after.revokedCount).toBe(before.revokedCount + 1);
    expect(Buffer.from(after.der).includes(Buffer.from(certificate.serial, 'hex'))).toBe(true);
    expect(await pki.verifyCertificate(certificate.certificatePem)).toMatchObject({ status: 'revoked', code: 'pki.cert_revoked', message: '证书已被吊销' });
    await expect(pki.revoke(certificate.serial, 'superseded')).rejects.toMatchObject({ code: 'pki.already_revoked' });
    const root = (await pki.list({ kind: 'root', page: 1, pageSize: 5 })).items[0]!;
    await expect(pki.revoke(root.serial, 'superseded')).rejects.toMatchObject({ code: 'pki.root_not_revocable' });
    await expect(pki.revoke('00ff', 'superseded')).rejects.toMatchObject({ code: 'pki.not_found' });
  });

  it('judges validity by the time given: expired, not yet valid', async () => {
    await ready();
    const past = factory(new FixedClock('2020-03-01T00:00:00Z'));
    const { certificate } = await past.issue({ kind: 'personal', username: 'old', name: '旧证书', profile: 'sm2', validityDays: 30 });
    expect(await pki.verifyCertificate(certificate.certificatePem)).toMatchObject({ status: 'expired', code: 'pki.cert_expired' });
    expect(await pki.verifyCertificate(certificate.certificatePem, { at: new Date('2020-03-10T00:00:00Z') })).toMatchObject({ status: 'valid' });
    expect(await pki.verifyCertificate(certificate.certificatePem, { at: new Date('2020-02-01T00:00:00Z') })).toMatchObject({
      status: 'not_yet_valid',
      code: 'pki.cert_not_yet_valid',
    });
  });

  it('rejects a certificate from another root, tampered bytes and garbage', async () => {
    await ready();
    const foreign = generateKey('sm2');
    const name = buildName({ country: 'CN', organization: '兴安盟行政公署', commonName: '兴安盟政务根证书' });
    const leaf = generateKey('sm2');
    const der = signCertificate(
      { serial: newSerial(), issuer: name, issuerKeyId: keyIdOf(foreign.spki), subject: buildName({ commonName: '冒名印章' }), spki: leaf.spki, notBefore: new Date(), notAfter: new Date(Date.now() + 86_400_000), ca: false, keyUsage: ['digitalSignature'] },
      { profile: 'sm2', privateKeyPem: foreign.privateKeyPem },
    );
    expect(await pki.verifyCertificate(der)).toMatchObject({ status: 'unknown_issuer', code: 'pki.cert_unknown_issuer' });

    const { certificate } = await pki.issue({ kind: 'personal', username: 'ulh.clerk', name: '陈文秘', profile: 'sm2' });
    const bytes = Buffer.from(pemDecode(certificate.certificatePem, 'CERTIFICATE')!);
    const at = bytes.indexOf(Buffer.from('陈文秘'));
    bytes[at + 2] = bytes[at + 2]! ^ 0x01;
    expect(await pki.verifyCertificate(pemEncode('CERTIFICATE', bytes))).toMatchObject({ status: 'bad_signature', code: 'pki.cert_bad_signature' });
    expect(await pki.verifyCertificate('not a certificate')).toMatchObject({ status: 'malformed', code: 'pki.cert_malformed' });
  });

  it('keeps a separate P-256 root and issuance path', async () => {
    const { certificate } = await (await ready()).issue({ kind: 'personal', username: 'xsh.leader', name: '李盟长', profile: 'p256' });
    expect(certificate.profile).toBe('p256');
    expect(await pki.verifyCertificate(certificate.certificatePem)).toMatchObject({ status: 'valid', profile: 'p256' });
    expect(await pki.rootCertificatePem('p256')).not.toBe(await pki.rootCertificatePem('sm2'));
    expect((await pki.crl('p256')).profile).toBe('p256');
  });

  it('lists the seal certificates an organisation can seal with at a time: SM2, in force, not revoked, key kept', async () => {
    await ready();
    const orgId = (await pki.issue({ kind: 'seal', orgKey: creditOrg.ref, name: '测试局旧章', profile: 'sm2' })).certificate.orgId!;
    const at = new Date();
    const before = (await pki.sealCertificatesOf(orgId, { at })).map((c) => c.serial);
    const current = await pki.issue({ kind: 'seal', orgKey: creditOrg.ref, name: '测试局公章', profile: 'sm2' });
    const browser = await pki.issue({ kind: 'seal', orgKey: creditOrg.ref, name: '测试局浏览器章', profile: 'p256' });
    const revoked = await pki.issue({ kind: 'seal', orgKey: creditOrg.ref, name: '测试局作废章', profile: 'sm2' });
    await pki.revoke(revoked.certificate.serial, 'superseded');
    const found = (await pki.sealCertificatesOf(orgId)).map((c) => c.serial);
    expect(found).toContain(current.certificate.serial);
    expect(found).not.toContain(browser.certificate.serial);
    expect(found).not.toContain(revoked.certificate.serial);
    expect(found).toHaveLength(before.length + 1);
    expect(await pki.sealCertificatesOf(orgId, { at: new Date('2020-01-01T00:00:00Z') })).toEqual([]);
  });
});
