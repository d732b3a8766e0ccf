import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { describeWithOpenssl, openssl, runOpenssl } from '../../../platform/crypto/openssl.testing.js';
import { orgRefs, sealFixture, testPdf } from './seal.testing.js';

const distid = 'distid:1234567812345678';

interface Element {
  readonly offset: number;
  readonly depth: number;
  readonly header: number;
  readonly length: number;
  readonly type: string;
}

/** The elements `openssl asn1parse` lists, with their offsets, so the structure is read by OpenSSL, not by us. */
function asn1parse(file: string, cwd: string): Element[] {
  const text = openssl(['asn1parse', '-inform', 'DER', '-in', file], { cwd }).toString();
  return [...text.matchAll(/^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(?:prim|cons):\s+([A-Z0-9 -]+?)\s*(?:\[|:|$)/gm)].map((m) => ({
    offset: Number(m[1]),
    depth: Number(m[2]),
    header: Number(m[3]),
    length: Number(m[4]),
    type: m[5]!.trim(),
  }));
}

const whole = (der: Buffer, e: Element) => der.subarray(e.offset, e.offset + e.header + e.length);
const content = (der: Buffer, e: Element) => der.subarray(e.offset + e.header, e.offset + e.header + e.length);
/** A BIT STRING's bits: its content after the unused-bits byte. */
const bits = (der: Buffer, e: Element) => content(der, e).subarray(1);

describeEachDialect('a sealed PDF checked with the openssl command', (database) => {
  describeWithOpenssl('openssl pkeyutl / dgst / verify', () => {
    let dir: string;
    let sealed: Buffer;
    const file = (name: string, data: string | Uint8Array) => {
      writeFileSync(path.join(dir, name), data);
      return name;
    };

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'hg-seal-openssl-'));
      const fixture = await sealFixture(database());
      const pki = fixture.pki();
      await pki.issue({ kind: 'seal', orgKey: orgRefs.xsh, name: '兴安盟行政公署公章', profile: 'sm2' });
      sealed = (await fixture.seals().sealDocument({ orgId: await fixture.orgId(orgRefs.xsh), pdf: await testPdf() })).pdf;
      file('root.pem', await pki.rootCertificatePem());
    });

    it('holds a GB/T 38540 SES_Signature whose SM2 signatures, document hash and certificates OpenSSL accepts', () => {
      // The PDF signature dictionary: the signed bytes and the DER in /Contents.
      const text = sealed.toString('latin1');
      const [, , b, c, d] = /\/ByteRange \[(\d+) (\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text)!.map(Number) as number[];
      expect(c! + d!).toBe(sealed.length);
      file('signed.bin', Buffer.concat([sealed.subarray(0, b), sealed.subarray(c!, c! + d!)]));
      const padded = Buffer.from(text.slice(b! + 1, c! - 1), 'hex');
      file('padded.der', padded);
      const outer = asn1parse('padded.der', dir)[0]!;
      const der = whole(padded, outer);
      expect(padded.subarray(der.length).every((byte) => byte === 0)).toBe(true);
      file('signature.der', der);

      const elements = asn1parse('signature.der', dir);
      const top = elements.filter((e) => e.depth === 1);
      expect(top.map((e) => e.type)).toEqual(['SEQUENCE', 'OCTET STRING', 'OBJECT', 'BIT STRING']);
      const [tbs, signerCert, , signatureValue] = top as [Element, Element, Element, Element];
      const tbsFields = elements.filter((e) => e.depth === 2 && e.offset > tbs.offset && e.offset < signerCert.offset);
      expect(tbsFields.map((e) => e.type)).toEqual(['INTEGER', 'SEQUENCE', 'GENERALIZEDTIME', 'BIT STRING', 'IA5STRING']);
      const [, eseal, , dataHash, propertyInfo] = tbsFields as [Element, Element, Element, Element, Element];
      expect(content(der, propertyInfo).toString('latin1')).toBe(`application/pdf; ByteRange=0 ${b} ${c} ${d}`);

      // TBS_Sign.dataHash is the SM3 of exactly the bytes /ByteRange names.
      expect(openssl(['dgst', '-sm3', '-binary', 'signed.bin'], { cwd: dir }).equals(bits(der, dataHash))).toBe(true);

      // The signer's SM2 signature over TBS_Sign, with the signer ID 1234567812345678.
      file('tbs.der', whole(der, tbs));
      file('signer.der', content(der, signerCert));
      file('signature.bin', bits(der, signatureValue));
      file('signer.pub', openssl(['x509', '-inform', 'DER', '-in', 'signer.der', '-pubkey', '-noout'], { cwd: dir }));
      const verify = (pub: string, data: string, sig: string, id = distid) =>
        runOpenssl(['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-digest', 'sm3', '-in', data, '-sigfile', sig, '-pkeyopt', id], { cwd: dir });
      expect(verify('signer.pub', 'tbs.der', 'signature.bin').stdout.toString()).toContain('Signature Verified Successfully');
      expect(verify('signer.pub', 'tbs.der', 'signature.bin', 'distid:1234567812345679').status).not.toBe(0);

      // The seal inside: SES_SealInfo signed by the maker, whose certificate the seal carries.
      const sealFields = elements.filter((e) => e.depth === 3 && e.offset > eseal.offset && e.offset < eseal.offset + eseal.header + eseal.length);
      expect(sealFields.map((e) => e.type)).toEqual(['SEQUENCE', 'OCTET STRING', 'OBJECT', 'BIT STRING']);
      const [sealInfo, makerCert, , makerSignature] = sealFields as [Element, Element, Element, Element];
      file('sealinfo.der', whole(der, sealInfo));
      file('maker.der', content(der, makerCert));
      file('maker.sig', bits(der, makerSignature));
      file('maker.pub', openssl(['x509', '-inform', 'DER', '-in', 'maker.der', '-pubkey', '-noout'], { cwd: dir }));
      expect(verify('maker.pub', 'sealinfo.der', 'maker.sig').stdout.toString()).toContain('Signature Verified Successfully');

      // Both certificates chain to the platform root.
      openssl(['x509', '-inform', 'DER', '-in', 'signer.der', '-out', 'signer.pem'], { cwd: dir });
      openssl(['x509', '-inform', 'DER', '-in', 'maker.der', '-out', 'maker.pem'], { cwd: dir });
      expect(openssl(['verify', '-vfyopt', distid, '-CAfile', 'root.pem', 'signer.pem', 'maker.pem'], { cwd: dir }).toString()).toBe(
        'signer.pem: OK\nmaker.pem: OK\n',
      );
      const subject = openssl(['x509', '-in', 'signer.pem', '-noout', '-subject', '-nameopt', 'utf8'], { cwd: dir }).toString();
      expect(subject).toContain('O=兴安盟行政公署, CN=兴安盟行政公署公章');
    });
  });
});
