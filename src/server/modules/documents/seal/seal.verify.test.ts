import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase } from '../../../../../test/support/db.js';
import { FixedClock } from '../../../platform/clock.js';
import type { PkiService } from '../../pki/index.js';
import { sealPdf } from './seal.pdf.js';
import type { SealService } from './seal.service.js';
import { makeSeal, parseSeal } from './seal.structure.js';
import { orgRefs, sealFixture, testPdf } from './seal.testing.js';

const standardFontDataUrl = fileURLToPath(new URL('../../../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
const day = 86_400_000;

/** The last signature's /Contents hex: its offset in the file and the DER length it holds. */
function lastContents(pdf: Buffer): { at: number; derHexLength: number } {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/Contents <') + '/Contents <'.length;
  const hex = text.slice(at, text.indexOf('>', at));
  const der = Buffer.from(hex, 'hex');
  const length = der[1]! < 0x80 ? 2 + der[1]! : 2 + (der[1]! & 0x7f) + der.readUIntBE(2, der[1]! & 0x7f);
  return { at, derHexLength: length * 2 };
}

describeEachDialect('sealing a PDF and verifying the seal', (database) => {
  let fixture: Awaited<ReturnType<typeof sealFixture>>;
  let pki: PkiService;
  let seals: SealService;
  let xsh: string;
  let fgw: string;
  let original: Buffer;
  let sealed: Buffer;
  /** The first seal's signing time, whole seconds as GB/T 38540 records it. */
  let at: Date;
  const generalizedTime = (date: Date) => `${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;

  beforeAll(async () => {
    fixture = await sealFixture(database());
    pki = fixture.pki();
    seals = fixture.seals();
    xsh = await fixture.orgId(orgRefs.xsh);
    fgw = await fixture.orgId(orgRefs.fgw);
    original = await testPdf();
  });

  it('refuses to seal for an organisation without a seal certificate, with a clear code', async () => {
    await expect(seals.sealDocument({ orgId: fgw, pdf: original })).rejects.toMatchObject({ code: 'documents.seal_certificate_missing' });
  });

  it('seals with the organisation certificate and reports who sealed it, when, and that it is unchanged', async () => {
    const { certificate } = await pki.issue({ kind: 'seal', orgKey: orgRefs.xsh, name: '兴安盟行政公署公章', profile: 'sm2' });
    at = new Date(Math.floor(Date.now() / 1000) * 1000 + 1000);
    const result = await seals.sealDocument({ orgId: xsh, pdf: original, at });
    sealed = result.pdf;
    expect(result.seal).toMatchObject({ orgId: xsh, name: '兴安盟行政公署公章', certificateSerial: certificate.serial, picture: { type: 'SVG', widthMm: 42 } });
    expect(result.seal.picture.data).toMatch(/^<svg [^>]*width="42mm"[\s\S]*<circle[\s\S]*<path d="M/);
    expect(sealed.subarray(0, original.length).equals(original)).toBe(true);

    const verdict = await seals.verify(sealed);
    expect(verdict).toMatchObject({ valid: true, status: 'valid', code: null, message: '电子印章有效，文件自盖章后未被修改' });
    expect(verdict.seals).toHaveLength(1);
    expect(verdict.seals[0]).toMatchObject({
      status: 'valid',
      sealId: result.seal.id,
      sealName: '兴安盟行政公署公章',
      organization: '兴安盟行政公署',
      signedAt: at.toISOString(),
      certificate: { serial: certificate.serial, subject: { commonName: '兴安盟行政公署公章', organization: '兴安盟行政公署' } },
      certificateAtSigning: { status: 'valid' },
      maker: { subject: { commonName: '兴安盟电子印章制作系统', organization: '兴安盟' }, check: { status: 'valid' } },
      coversWholeFile: true,
    });
    expect(verdict.seals[0]!.documentHash).toMatch(/^[0-9a-f]{64}$/);

    // The same seal is used again; the maker's certificate is never taken for the organisation's own.
    const again = await seals.sealDocument({ orgId: xsh, pdf: original });
    expect(again.seal.id).toBe(result.seal.id);
    expect(await seals.sealsOf(xsh)).toHaveLength(1);
  });

  it('keeps the PDF readable, with the seal listed as a signature field', async () => {
    const doc = await getDocument({ data: new Uint8Array(sealed), standardFontDataUrl, isEvalSupported: false }).promise;
    expect(doc.numPages).toBe(2);
    const annotations = await (await doc.getPage(1)).getAnnotations();
    expect(annotations).toEqual([expect.objectContaining({ fieldType: 'Sig' })]);
    const text = await (await doc.getPage(1)).getTextContent();
    expect(text.items.map((i) => ('str' in i ? i.str : '')).join('')).toContain('Notice on the 2026 work plan');
    await doc.destroy();
  });

  it('finds one changed byte in the sealed content', async () => {
    const tampered = Buffer.from(sealed);
    const at = tampered.indexOf('seal test');
    tampered[at] = 'S'.charCodeAt(0);
    expect(await seals.verify(tampered)).toMatchObject({
      valid: false,
      status: 'altered',
      code: 'documents.verify_altered',
      message: '文件内容在盖章后被修改（签章范围内的内容与盖章时记录的杂凑值不一致）',
      seals: [{ status: 'altered', organization: '兴安盟行政公署' }],
    });
  });

  it('finds a tampered signature value and a tampered signing time', async () => {
    const contents = lastContents(sealed);
    const flipped = Buffer.from(sealed);
    const last = contents.at + contents.derHexLength - 1;
    flipped[last] = flipped[last] === 0x30 ? 0x31 : 0x30;
    expect(await seals.verify(flipped)).toMatchObject({ status: 'signature_invalid', code: 'documents.verify_signature_invalid' });

    // The signing time is inside TBS_Sign: moving it by a year breaks the signature too.
    const text = sealed.toString('latin1');
    const timeHex = Buffer.from(generalizedTime(at)).toString('hex').toUpperCase();
    // The last occurrence: the seal made in the same second carries the same time earlier on.
    const timeAt = text.lastIndexOf(timeHex, contents.at + contents.derHexLength);
    expect(timeAt).toBeGreaterThan(contents.at);
    const backdated = Buffer.from(sealed);
    const yearEarlier = new Date(at.getTime() - 365 * day);
    backdated.write(Buffer.from(generalizedTime(yearEarlier)).toString('hex').toUpperCase(), timeAt, 'latin1');
    expect(await seals.verify(backdated)).toMatchObject({ status: 'signature_invalid', seals: [{ signedAt: yearEarlier.toISOString() }] });
  });

  it('answers no_seal, not_pdf, incomplete and malformed for the files they describe', async () => {
    expect(await seals.verify(original)).toMatchObject({ status: 'no_seal', code: 'documents.verify_no_seal', message: '该 PDF 文件没有电子印章', seals: [] });
    expect(await seals.verify(Buffer.alloc(0))).toMatchObject({ status: 'not_pdf', valid: false });
    expect(await seals.verify(Buffer.from('GIF89a garbage, not a document'))).toMatchObject({ status: 'not_pdf', code: 'documents.verify_not_pdf' });
    expect(await seals.verify(sealed.subarray(0, sealed.length - 40))).toMatchObject({ status: 'incomplete', code: 'documents.verify_incomplete' });
    // Cut before the seal was appended: what is left is the unsealed original.
    expect(await seals.verify(sealed.subarray(0, original.length))).toMatchObject({ status: 'no_seal' });

    const { at } = lastContents(sealed);
    const garbled = Buffer.from(sealed);
    garbled.write('ZZ', at + 10, 'latin1');
    expect(await seals.verify(garbled)).toMatchObject({ status: 'malformed', code: 'documents.verify_malformed' });
    const notSes = Buffer.from(sealed);
    notSes.write('31', at, 'latin1'); // SET instead of SEQUENCE
    expect(await seals.verify(notSes)).toMatchObject({ status: 'malformed' });
  });

  it('judges the certificate at the signing time: sealed while valid stays valid; sealed after expiry does not', async () => {
    const past = new FixedClock('2020-03-01T00:00:00Z');
    const { certificate } = await fixture.pki(past).issue({ kind: 'seal', orgKey: orgRefs.fgw, name: '兴安盟发展和改革委员会公章', profile: 'sm2', validityDays: 30 });
    const inTime = await fixture.seals(past).sealDocument({ orgId: fgw, pdf: original, at: new Date('2020-03-10T02:00:00Z') });
    const verdict = await seals.verify(inTime.pdf);
    expect(verdict).toMatchObject({ status: 'valid', seals: [{ certificateAtSigning: { status: 'valid' }, certificateNow: { status: 'expired' } }] });
    expect(verdict.seals[0]!.detail).toBe('盖章时证书有效；现在：证书已过期');

    const late = new Date('2020-05-01T00:00:00Z');
    await expect(fixture.seals(past).sealDocument({ orgId: fgw, pdf: original, at: late })).rejects.toMatchObject({ code: 'documents.seal_certificate_missing' });
    // Sealing directly with the expired certificate's key is possible; the verdict names it.
    const lateSealed = sealPdf({
      pdf: original,
      seal: await sealDer(inTime.seal.id),
      signerKey: await pki.sealPrivateKey(certificate.serial),
      signerCertificatePem: certificate.certificatePem,
      at: late,
    });
    expect(await seals.verify(lateSealed)).toMatchObject({ status: 'certificate_expired', code: 'documents.verify_certificate_expired', message: '盖章时印章证书已过期（证书有效期 2020-03-01 08:00 至 2020-03-31 08:00，盖章时间 2020-05-01 08:00）' });
  });

  it('reports a certificate revoked for key compromise even for earlier seals; other reasons only from then on', async () => {
    const clock = new FixedClock('2026-01-05T00:00:00Z');
    const { certificate } = await fixture.pki(clock).issue({ kind: 'seal', orgKey: orgRefs.fgw, name: '兴安盟发展和改革委员会公章', profile: 'sm2' });
    clock.advance(day);
    const before = await fixture.seals(clock).sealDocument({ orgId: fgw, pdf: original });
    expect(before.seal.certificateSerial).toBe(certificate.serial);
    clock.advance(day);
    await fixture.pki(clock).revoke(certificate.serial, 'superseded');
    expect(await seals.verify(before.pdf)).toMatchObject({ status: 'valid', seals: [{ certificateAtSigning: { status: 'valid' }, certificateNow: { status: 'revoked' } }] });
    await expect(seals.sealDocument({ orgId: fgw, pdf: original })).rejects.toMatchObject({ code: 'documents.seal_certificate_missing' });

    await pki.issue({ kind: 'seal', orgKey: orgRefs.fgw, name: '兴安盟发展和改革委员会公章', profile: 'sm2' });
    const renewed = await seals.sealDocument({ orgId: fgw, pdf: original });
    expect(renewed.seal.id).not.toBe(before.seal.id);
    await pki.revoke(renewed.seal.certificateSerial, 'keyCompromise');
    expect(await seals.verify(renewed.pdf)).toMatchObject({ status: 'certificate_revoked', code: 'documents.verify_certificate_revoked', seals: [{ certificateAtSigning: { code: 'pki.cert_revoked' } }] });
  });

  it('does not trust a seal certificate from another CA', async () => {
    const elsewhere = await freshDatabase('sqlite');
    try {
      const other = await sealFixture(elsewhere);
      await other.pki().issue({ kind: 'seal', orgKey: orgRefs.xsh, name: '兴安盟行政公署公章', profile: 'sm2' });
      const forged = await other.seals().sealDocument({ orgId: await other.orgId(orgRefs.xsh), pdf: original });
      expect(await other.seals().verify(forged.pdf)).toMatchObject({ status: 'valid' });
      expect(await seals.verify(forged.pdf)).toMatchObject({
        status: 'certificate_untrusted',
        code: 'documents.verify_certificate_untrusted',
        seals: [{ organization: '兴安盟行政公署', certificateAtSigning: { status: 'unknown_issuer' } }],
      });
    } finally {
      await elsewhere.destroy();
    }
  });

  it('finds a seal whose picture was swapped, and one used after its own validity', async () => {
    const current = await seals.currentSeal(xsh);
    const genuine = parseSeal(await sealDer(current.id));
    const signer = await pki.get(current.certificateSerial);
    const key = await pki.sealPrivateKey(signer.serial);
    const swapped = Buffer.from(await sealDer(current.id));
    const picture = swapped.indexOf(Buffer.from('<circle'));
    swapped.write('<CIRCLE', picture, 'latin1');
    const withSwapped = sealPdf({ pdf: original, seal: swapped, signerKey: key, signerCertificatePem: signer.certificatePem, at: new Date() });
    expect(await seals.verify(withSwapped)).toMatchObject({ status: 'seal_invalid', code: 'documents.verify_seal_invalid' });

    const maker = await pki.get(current.makerSerial);
    const shortLived = makeSeal(
      {
        esId: 'short-lived',
        name: genuine.name,
        certificates: genuine.certificates,
        createdAt: new Date(),
        validFrom: new Date(Date.now() - 10 * day),
        validTo: new Date(Date.now() - day),
        picture: { type: 'SVG', data: genuine.picture.data, widthMm: 42, heightMm: 42 },
      },
      { certificateDer: genuine.makerCertificate, privateKeyPem: await pki.sealPrivateKey(maker.serial) },
    );
    const lapsed = sealPdf({ pdf: original, seal: shortLived, signerKey: key, signerCertificatePem: signer.certificatePem, at: new Date() });
    expect(await seals.verify(lapsed)).toMatchObject({ status: 'seal_expired', code: 'documents.verify_seal_expired', seals: [{ sealId: 'short-lived' }] });
  });

  it('refuses a key that is not the certificate’s, and a certificate the seal does not list', async () => {
    const current = await seals.currentSeal(xsh);
    const signer = await pki.get(current.certificateSerial);
    const other = await pki.issue({ kind: 'seal', orgKey: orgRefs.fgw, name: '兴安盟发展和改革委员会合同专用章', profile: 'sm2' });
    const seal = await sealDer(current.id);
    const input = { pdf: original, seal, at: new Date() };
    expect(() => sealPdf({ ...input, signerKey: other.privateKeyPem!, signerCertificatePem: signer.certificatePem })).toThrow(
      expect.objectContaining({ code: 'documents.seal_key_mismatch' }),
    );
    expect(() => sealPdf({ ...input, signerKey: other.privateKeyPem!, signerCertificatePem: other.certificate.certificatePem })).toThrow(
      expect.objectContaining({ code: 'documents.seal_signer_not_in_seal' }),
    );
    const own = { signerKey: await pki.sealPrivateKey(signer.serial), signerCertificatePem: signer.certificatePem };
    expect(() => sealPdf({ ...input, ...own, pdf: Buffer.from('not a pdf') })).toThrow(expect.objectContaining({ code: 'documents.seal_pdf_invalid' }));
    expect(() => sealPdf({ ...input, ...own, seal: new Uint8Array([0x30, 0x00]) })).toThrow(expect.objectContaining({ code: 'documents.seal_invalid' }));
  });

  async function sealDer(id: string): Promise<Uint8Array> {
    const row = await database().db.selectFrom('seals').select('seal_der').where('id', '=', id).executeTakeFirstOrThrow();
    return new Uint8Array(Buffer.from(row.seal_der, 'base64'));
  }
});
