import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { IncrementalUpdate } from './pdf/incremental.js';
import { PdfFile, decodeStream } from './pdf/pdf-file.js';
import { PdfDict, PdfName, PdfRef, PdfStream, type PdfValue, mapReferences } from './pdf/pdf-syntax.js';

/** A font file for the stamp's Chinese text; `postscriptName` picks the face of a `.ttc` collection. */
export interface StampFont {
  readonly path: string;
  readonly postscriptName?: string;
}

/**
 * The 归档章 fields (DA/T 22-2015 §6.3, appendix A): two rows of three cells —
 * 全宗号 | 年度 | 件号 over 机构（问题）| 保管期限 | 页数.
 */
export interface ArchivalStampFields {
  readonly fondsCode: string;
  readonly year: number;
  /** 件号, printed with four digits. */
  readonly itemNumber: number;
  /** 机构（问题）name or short name, e.g. 办公室. */
  readonly unit: string;
  /** 保管期限 as printed: 永久, 30年, 10年. */
  readonly retention: string;
  readonly pages: number;
}

const mm = 72 / 25.4;
/** Each cell 15 mm × 8 mm; the stamp 45 mm × 16 mm. */
export const stampSize = { width: 45 * mm, height: 16 * mm } as const;
const red = '#D9001B';
/** The stamp's top edge below the page's top, and its right edge left of the page's right (GB/T 9704's 26 mm margin). */
const placement = { top: 5 * mm, right: 26 * mm };
const resourceName = 'HgArchivalStamp';

/** The stamp's six cells, row by row, as printed. */
export function stampCells(fields: ArchivalStampFields): string[] {
  return [
    fields.fondsCode,
    String(fields.year),
    String(fields.itemNumber).padStart(4, '0'),
    fields.unit,
    fields.retention,
    String(fields.pages),
  ];
}

/** The stamp alone, as a one-page PDF of exactly the stamp's size, drawn by pdfkit (CJK text embedded as a subset). */
export async function drawStampPdf(fields: ArchivalStampFields, font: StampFont): Promise<Buffer> {
  const doc = new PDFDocument({ size: [stampSize.width, stampSize.height], margin: 0, autoFirstPage: true, info: { Producer: 'Hinggan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font.postscriptName) doc.registerFont('stamp', font.path, font.postscriptName);
  else doc.registerFont('stamp', font.path);
  doc.font('stamp');

  const cellWidth = stampSize.width / 3;
  const cellHeight = stampSize.height / 2;
  const inset = 0.6;
  doc.lineWidth(1).strokeColor(red);
  doc.rect(inset, inset, stampSize.width - 2 * inset, stampSize.height - 2 * inset).stroke();
  doc.lineWidth(0.6);
  doc.moveTo(inset, cellHeight).lineTo(stampSize.width - inset, cellHeight).stroke();
  for (const column of [1, 2]) doc.moveTo(column * cellWidth, inset).lineTo(column * cellWidth, stampSize.height - inset).stroke();

  doc.fillColor(red);
  stampCells(fields).forEach((text, i) => {
    const column = i % 3;
    const row = Math.floor(i / 3);
    let size = 10;
    doc.fontSize(size);
    const available = cellWidth - 4;
    const width = doc.widthOfString(text);
    if (width > available) {
      size = Math.max(4, (size * available) / width);
      doc.fontSize(size);
    }
    const x = column * cellWidth + (cellWidth - doc.widthOfString(text)) / 2;
    const y = row * cellHeight + cellHeight / 2;
    doc.text(text, x, y, { lineBreak: false, baseline: 'middle' });
  });
  doc.end();
  return done;
}

/**
 * Where the stamp goes on a page: its top-right corner, in the page's visual orientation (a /Rotate
 * of 90, 180 or 270 is taken into account), as a transformation matrix from the stamp's own space.
 */
function placementMatrix(box: readonly [number, number, number, number], rotate: number): number[] {
  const [x0, y0, x1, y1] = box;
  const sideways = rotate === 90 || rotate === 270;
  const visualWidth = sideways ? y1 - y0 : x1 - x0;
  const visualHeight = sideways ? x1 - x0 : y1 - y0;
  const right = Math.min(placement.right, visualWidth * 0.1);
  const top = Math.min(placement.top, visualHeight * 0.05);
  const u = Math.max(0, visualWidth - right - stampSize.width);
  const v = Math.max(0, visualHeight - top - stampSize.height);
  switch (rotate) {
    case 90:
      return [0, 1, -1, 0, x1 - v, y0 + u];
    case 180:
      return [-1, 0, 0, -1, x1 - u, y1 - v];
    case 270:
      return [0, -1, 1, 0, x0 + v, y1 - u];
    default:
      return [1, 0, 0, 1, x0 + u, y0 + v];
  }
}

/** Copies an object graph from one file into the update, renumbering every reference. */
function copyInto(update: IncrementalUpdate, source: PdfFile, value: PdfValue): PdfValue {
  const renumbered = new Map<string, PdfRef>();
  const queue: [PdfRef, PdfRef][] = [];
  const map = (ref: PdfRef): PdfRef => {
    let target = renumbered.get(ref.key);
    if (!target) {
      target = update.allocate();
      renumbered.set(ref.key, target);
      queue.push([ref, target]);
    }
    return target;
  };
  const copied = mapReferences(value, map);
  while (queue.length) {
    const [from, to] = queue.shift()!;
    update.set(to, mapReferences(source.get(from), map));
  }
  return copied;
}

const contentsOf = (file: PdfFile, contents: PdfValue | undefined): PdfValue[] => {
  const resolved = contents instanceof PdfRef ? file.get(contents) : contents;
  if (Array.isArray(resolved)) return resolved;
  return contents === undefined || contents === null ? [] : [contents];
};

/**
 * The archival copy: the original PDF, byte for byte, followed by an incremental update that draws
 * the 归档章 at the top right of the first page. The stamp is a form XObject made from a pdfkit page;
 * the page's earlier content is wrapped in q/Q so whatever state it leaves cannot move the stamp.
 */
export async function stampArchivalCopy(original: Uint8Array, fields: ArchivalStampFields, font: StampFont): Promise<Buffer> {
  const file = new PdfFile(original);
  const page = file.firstPage();
  const update = new IncrementalUpdate(file);

  const stampFile = new PdfFile(await drawStampPdf(fields, font));
  const stampPage = stampFile.firstPage();
  const content = Buffer.concat(
    contentsOf(stampFile, stampPage.dict.get('Contents')).map((part) => {
      const stream = stampFile.resolve(part);
      return stream instanceof PdfStream ? Buffer.from(decodeStream(stream)) : Buffer.alloc(0);
    }),
  );
  const formResources = copyInto(update, stampFile, stampPage.resources) as PdfDict;
  const form = update.add(
    new PdfStream(
      new PdfDict([
        ['Type', new PdfName('XObject')],
        ['Subtype', new PdfName('Form')],
        ['BBox', [0, 0, stampSize.width, stampSize.height]],
        ['Resources', formResources],
        ['Filter', new PdfName('FlateDecode')],
      ]),
      deflateSync(content),
    ),
  );

  const resources = page.resources.clone();
  const existing = file.resolve(resources.get('XObject'));
  const xobjects = existing instanceof PdfDict ? existing.clone() : new PdfDict();
  let name = resourceName;
  for (let i = 2; xobjects.has(name); i += 1) name = `${resourceName}${i}`;
  xobjects.set(name, form);
  resources.set('XObject', xobjects);

  const matrix = placementMatrix(page.mediaBox, page.rotate).map((n) => Number(n.toFixed(4)));
  const before = update.add(new PdfStream(new PdfDict(), Buffer.from('q\n', 'latin1')));
  const after = update.add(new PdfStream(new PdfDict(), Buffer.from(`\nQ\nq ${matrix.join(' ')} cm /${name} Do Q\n`, 'latin1')));
  const pageDict = page.dict.clone();
  pageDict.set('Contents', [before, ...contentsOf(file, page.dict.get('Contents')), after]);
  pageDict.set('Resources', resources);
  update.set(page.ref, pageDict);
  return update.toBytes();
}

/** A scanned image (JPEG or PNG) laid on an A4 page, as a PDF to carry the 归档章. */
export async function imageToPdf(image: Uint8Array): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Producer: 'Hinggan' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.image(Buffer.from(image), 0, 0, { fit: [doc.page.width, doc.page.height], align: 'center', valign: 'center' });
  doc.end();
  return done;
}

/** The number of pages of a PDF (its page tree's /Count). */
export function pdfPageCount(bytes: Uint8Array): number {
  return new PdfFile(bytes).pageCount();
}
