import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../../test/support/db.js';
import { arrayItems, entry, lastStartxref, parseDict, readXref, referenceOf, resolve } from './seal.pdf-syntax.js';
import type { SealService } from './seal.service.js';
import { orgRefs, sealFixture, testPdf } from './seal.testing.js';

const standardFontDataUrl = fileURLToPath(new URL('../../../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

/** Appends an incremental update holding `objects` (number → body), as any PDF editor would. */
function appendRevision(pdf: Buffer, objects: (size: number) => Record<number, string>): Buffer {
  const s = pdf.toString('latin1');
  const startxref = lastStartxref(s);
  const trailer = readXref(s, startxref).trailer;
  const size = Number(entry(trailer, '/Size'));
  const bodies = objects(size);
  let text = '';
  const offsets: string[] = [];
  for (const [num, body] of Object.entries(bodies)) {
    offsets.push(`${num} 1\n${String(pdf.length + text.length).padStart(10, '0')} 00000 n \n`);
    text += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xrefAt = pdf.length + text.length;
  const newSize = Math.max(size, ...Object.keys(bodies).map((n) => Number(n) + 1));
  text += `xref\n${offsets.join('')}trailer\n<< /Size ${newSize} /Root ${entry(trailer, '/Root')} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(text, 'latin1')]);
}

describeEachDialect('a document sealed by two organisations (联合行文)', (database) => {
  let seals: SealService;
  let joint: Buffer;

  beforeAll(async () => {
    const fixture = await sealFixture(database());
    const pki = fixture.pki();
    seals = fixture.seals();
    await pki.issue({ kind: 'seal', orgKey: orgRefs.xsh, name: '兴安盟行政公署公章', profile: 'sm2' });
    await pki.issue({ kind: 'seal', orgKey: orgRefs.fgw, name: '兴安盟发展和改革委员会公章', profile: 'sm2' });
    const first = await seals.sealDocument({ orgId: await fixture.orgId(orgRefs.xsh), pdf: await testPdf() });
    joint = (await seals.sealDocument({ orgId: await fixture.orgId(orgRefs.fgw), pdf: first.pdf })).pdf;
  });

  it('verifies both seals, the first covering the file as it was before the second', async () => {
    const verdict = await seals.verify(joint);
    expect(verdict).toMatchObject({ valid: true, status: 'valid', message: '2 枚电子印章均有效，文件自盖章后未被修改' });
    expect(verdict.seals.map((s) => [s.organization, s.status, s.coversWholeFile])).toEqual([
      ['兴安盟行政公署', 'valid', false],
      ['兴安盟发展和改革委员会', 'valid', true],
    ]);
    const doc = await getDocument({ data: new Uint8Array(joint), standardFontDataUrl, isEvalSupported: false }).promise;
    const widgets = (await (await doc.getPage(1)).getAnnotations()).filter((a: { fieldType?: string }) => a.fieldType === 'Sig');
    expect(widgets).toHaveLength(2);
    await doc.destroy();
  });

  it('calls the document altered when an edit is appended after the seals', async () => {
    const s = joint.toString('latin1');
    const xref = readXref(s, lastStartxref(s));
    const info = referenceOf(entry(xref.trailer, '/Info'))!;
    const retitled = appendRevision(joint, () => ({ [info.num]: '<< /Title (forged) /Producer (PDFKit) >>' }));
    expect(await seals.verify(retitled)).toMatchObject({
      status: 'altered',
      message: `文件内容在盖章后被修改（盖章后修改了文件内容（对象 ${info.num}））`,
      seals: [{ status: 'altered' }, { status: 'altered' }],
    });

    // A visible stamp laid over the first page: a new annotation and the page's /Annots.
    const root = referenceOf(entry(xref.trailer, '/Root'))!;
    const pages = referenceOf(entry(parseDict(resolve(s, xref, root).raw, 0).entries, '/Pages'))!;
    const page = referenceOf(arrayItems(entry(parseDict(resolve(s, xref, pages).raw, 0).entries, '/Kids')!)[0])!;
    const pageEntries = parseDict(resolve(s, xref, page).raw, 0).entries;
    const stamped = appendRevision(joint, (size) => ({
      [size]: '<< /Type /Annot /Subtype /FreeText /Rect [100 100 300 150] /Contents (VOID) /DA (/Helv 24 Tf 1 0 0 rg) >>',
      [page.num]: `<< ${pageEntries
        .map(([k, v]) => (k === '/Annots' ? `/Annots ${v.slice(0, -1)} ${size} 0 R]` : `${k} ${v}`))
        .join(' ')} >>`,
    }));
    expect(await seals.verify(stamped)).toMatchObject({ status: 'altered', message: expect.stringContaining('盖章后新增了非印章对象') });
  });
});
