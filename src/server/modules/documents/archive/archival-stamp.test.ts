import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { drawStampPdf, pdfPageCount, stampArchivalCopy, stampSize, type ArchivalStampFields } from './archival-stamp.js';
import { archiveFont } from './archive-font.js';
import { PdfFile } from './pdf/pdf-file.js';

const fields: ArchivalStampFields = { fondsCode: 'Z001', year: 2026, itemNumber: 12, unit: '办公室', retention: '永久', pages: 2 };
const mm = 72 / 25.4;
const standardFontDataUrl = fileURLToPath(new URL('../../../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));
const open = (pdf: Uint8Array) => getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false }).promise;

async function pdfkitDocument(options: { pages?: number; size?: [number, number]; rotate?: number } = {}): Promise<Buffer> {
  const font = archiveFont();
  const doc = new PDFDocument({ size: options.size ?? 'A4', autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.registerFont('cjk', font.path, font.postscriptName);
  for (let i = 0; i < (options.pages ?? 2); i += 1) {
    doc.addPage();
    // pdfkit flips the y axis and never restores it: the stamp must not inherit that.
    doc.font('cjk').fontSize(22).text(i === 0 ? '兴安盟行政公署文件' : `第${i + 1}页`, 100, 150);
  }
  doc.end();
  return done;
}

/** Every text item of a page with its position (PDF points, origin bottom-left). */
async function textOf(pdf: Uint8Array, pageNumber = 1) {
  const document = await open(pdf);
  const page = await document.getPage(pageNumber);
  const content = await page.getTextContent();
  const items = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ text: item.str, x: item.transform[4] as number, y: item.transform[5] as number }] : []));
  const view = page.view;
  await document.destroy();
  return { items, numPages: document.numPages, view };
}

describe('归档章 on the archival copy', () => {
  it('keeps the original bytes as a prefix and draws the six fields at the top right of page 1', async () => {
    const original = await pdfkitDocument();
    const copy = await stampArchivalCopy(original, fields, archiveFont());
    expect(Buffer.from(copy.subarray(0, original.length)).equals(original)).toBe(true);
    expect(copy.length).toBeGreaterThan(original.length);

    const { items, numPages, view } = await textOf(copy);
    expect(numPages).toBe(2);
    const texts = items.map((i) => i.text);
    for (const cell of ['Z001', '2026', '0012', '办公室', '永久', '2']) expect(texts).toContain(cell);
    expect(texts).toContain('兴安盟行政公署文件');
    // Inside the stamp's box: 26 mm from the right edge, 5 mm from the top, 45 × 16 mm.
    const box = { left: view[2]! - 26 * mm - stampSize.width, right: view[2]! - 26 * mm, top: view[3]! - 5 * mm, bottom: view[3]! - 5 * mm - stampSize.height };
    for (const cell of items.filter((i) => ['Z001', '0012', '办公室', '永久'].includes(i.text))) {
      expect(cell.x).toBeGreaterThanOrEqual(box.left);
      expect(cell.x).toBeLessThan(box.right);
      expect(cell.y).toBeGreaterThan(box.bottom);
      expect(cell.y).toBeLessThan(box.top);
    }
    // The top row holds 全宗号, 年度, 件号 left to right; the bottom row 机构, 保管期限, 页数.
    const at = (text: string) => items.find((i) => i.text === text)!;
    expect(at('Z001').x).toBeLessThan(at('2026').x);
    expect(at('2026').x).toBeLessThan(at('0012').x);
    expect(at('Z001').y).toBeGreaterThan(at('办公室').y);
    const second = await textOf(copy, 2);
    expect(second.items.map((i) => i.text)).toEqual(['第2页']);
  });

  it('can stamp an already updated file again (a second update chains to the first)', async () => {
    const once = await stampArchivalCopy(await pdfkitDocument(), fields, archiveFont());
    const twice = await stampArchivalCopy(once, { ...fields, itemNumber: 13 }, archiveFont());
    const { items } = await textOf(twice);
    expect(items.map((i) => i.text)).toEqual(expect.arrayContaining(['0012', '0013']));
    expect(new PdfFile(twice).pageCount()).toBe(2);
  });

  it('places the stamp at the visual top right of a rotated page', async () => {
    const original = await pdfkitDocument({ pages: 1 });
    const file = new PdfFile(original);
    const page = file.firstPage();
    // Rewrite page 1 with /Rotate 90 through an update of our own, as a scanner would produce.
    const { IncrementalUpdate } = await import('./pdf/incremental.js');
    const update = new IncrementalUpdate(file);
    update.set(page.ref, page.dict.clone().set('Rotate', 90));
    const rotated = update.toBytes();
    const copy = await stampArchivalCopy(rotated, fields, archiveFont());
    const document = await open(copy);
    const pdfPage = await document.getPage(1);
    const viewport = pdfPage.getViewport({ scale: 1 });
    const content = await pdfPage.getTextContent();
    const cell = content.items.find((i) => 'str' in i && i.str === 'Z001') as { transform: number[] };
    const [vx, vy] = viewport.convertToViewportPoint(cell.transform[4]!, cell.transform[5]!) as [number, number];
    await document.destroy();
    // Viewport coordinates: origin top-left of the page as shown (842 wide once turned).
    expect(viewport.width).toBeGreaterThan(viewport.height);
    expect(vx).toBeGreaterThan(viewport.width - 26 * mm - stampSize.width);
    expect(vy).toBeLessThan(5 * mm + stampSize.height);
  });

  it('reads files whose cross-reference is a compressed stream with object streams', async () => {
    const pdf = xrefStreamPdf();
    expect(pdfPageCount(pdf)).toBe(1);
    const copy = await stampArchivalCopy(pdf, fields, archiveFont());
    const { items } = await textOf(copy);
    expect(items.map((i) => i.text)).toEqual(expect.arrayContaining(['Z001', '0012', 'Hello']));
  });

  it('refuses what is not a PDF, with a clear error', async () => {
    await expect(stampArchivalCopy(Buffer.from('not a pdf'), fields, archiveFont())).rejects.toThrow(/不是 PDF/);
    const truncated = (await pdfkitDocument()).subarray(0, 400);
    await expect(stampArchivalCopy(truncated, fields, archiveFont())).rejects.toThrow(/startxref/);
  });

  it('draws the stamp alone at 45 × 16 mm', async () => {
    const stamp = await drawStampPdf(fields, archiveFont());
    const [, , width, height] = new PdfFile(stamp).firstPage().mediaBox;
    expect(width / mm).toBeCloseTo(45, 1);
    expect(height / mm).toBeCloseTo(16, 1);
  });
});

/** A one-page PDF 1.5 whose page and catalogue sit in an object stream, indexed by a PNG-predicted xref stream. */
function xrefStreamPdf(): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: Record<number, number> = {};
  const add = (num: number, body: Buffer) => {
    offsets[num] = offset;
    const chunk = Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    offset += chunk.length;
  };
  const content = deflateSync(Buffer.from('BT /F1 24 Tf 72 700 Td (Hello) Tj ET', 'latin1'));
  add(4, Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')]));
  add(5, Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', 'latin1'));
  const inner = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>', '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'];
  let header = '';
  let body = '';
  inner.forEach((object, i) => {
    header += `${i + 1} ${body.length} `;
    body += `${object}\n`;
  });
  const objstm = deflateSync(Buffer.from(header + body, 'latin1'));
  add(6, Buffer.concat([Buffer.from(`<< /Type /ObjStm /N 3 /First ${header.length} /Length ${objstm.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), objstm, Buffer.from('\nendstream', 'latin1')]));
  // Rows: type, field 2 (4 bytes), field 3 (2 bytes), each PNG-Up predicted.
  const rows: number[][] = [
    [0, 0, 0, 0, 0, 255, 255],
    [2, 0, 0, 0, 6, 0, 0],
    [2, 0, 0, 0, 6, 0, 1],
    [2, 0, 0, 0, 6, 0, 2],
    [1, ...u32(offsets[4]!), 0, 0],
    [1, ...u32(offsets[5]!), 0, 0],
    [1, ...u32(offsets[6]!), 0, 0],
    [1, ...u32(offset), 0, 0],
  ];
  const predicted: number[] = [];
  rows.forEach((row, r) => {
    predicted.push(2);
    row.forEach((value, c) => predicted.push((value - (r > 0 ? rows[r - 1]![c]! : 0) + 256) & 0xff));
  });
  const xref = deflateSync(Buffer.from(predicted));
  const xrefOffset = offset;
  add(7, Buffer.concat([Buffer.from(`<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 7 >> /Length ${xref.length} >>\nstream\n`, 'latin1'), xref, Buffer.from('\nendstream', 'latin1')]));
  parts.push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}
