import { sm2PrivateKeyFromPem, sm3 } from '../../../platform/crypto/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { certificateDer, readCertificate } from './seal.certificate.js';
import './seal.errors.js';
import {
  type DictEntries,
  PdfSyntaxError,
  PdfUnsupportedError,
  type Reference,
  type Xref,
  arrayItems,
  arrayOf,
  entry,
  lastStartxref,
  parseDict,
  pdfDate,
  pdfTextString,
  readXref,
  referenceOf,
  referenceText,
  resolve,
} from './seal.pdf-syntax.js';
import { SealFormatError, type ParsedSeal, parseSeal, signSeal, signatureSizeLimit } from './seal.structure.js';

/**
 * How a seal sits in a PDF. The SES_Signature (GB/T 38540) goes into a PDF signature dictionary
 * appended as an incremental update (ISO 32000-1 §7.5.6, §12.8):
 *
 *   /Type /Sig /Filter /Hinggan.SES /SubFilter /GBT38540.SES_Signature
 *   /ByteRange [0 a b c] /Contents <DER of SES_Signature, hex, zero-padded>
 *
 * The signed content is exactly the bytes the /ByteRange names: the whole file as sealed except the
 * /Contents hex string. Its SM3 hash is TBS_Sign.dataHash, and the range itself is repeated in
 * TBS_Sign.propertyInfo. The original bytes are left untouched, so a document sealed by several
 * organisations (联合行文) carries one update per seal, each covering everything before it. An
 * invisible signature field (a /Widget with a zero /Rect on the first page) makes PDF readers list
 * the seal; the red seal drawn on the page belongs to the layout renderer.
 */
export const SEAL_FILTER = '/Hinggan.SES';
export const SEAL_SUBFILTER = '/GBT38540.SES_Signature';

export interface SealPdfInput {
  /** The PDF to seal (classic cross-reference table, unencrypted: what pdfkit writes). */
  readonly pdf: Uint8Array;
  /** SES_Seal DER: the seal made for the organisation (see makeSeal). */
  readonly seal: Uint8Array;
  /** PKCS#8 PEM of the SM2 key of a certificate the seal lists. */
  readonly signerKey: string;
  readonly signerCertificatePem: string;
  /** The signing time written into TBS_Sign.timeInfo and the signature dictionary's /M. */
  readonly at: Date;
}

/** The TBS_Sign.propertyInfo for a byte range. */
export const propertyInfoOf = (range: readonly number[]) => `application/pdf; ByteRange=${range.join(' ')}`;

/** Width of each /ByteRange number in the placeholder, enough for files up to 9.3 GB. */
const rangeWidth = 10;
const rangeText = (range: readonly number[]) => `[${range.map((n, i) => (i === 0 ? String(n) : String(n).padEnd(rangeWidth))).join(' ')}]`;

function entriesText(entries: DictEntries): string {
  return `<<\n${entries.map(([key, raw]) => `${key} ${raw}`).join('\n')}\n>>`;
}

function setEntry(entries: DictEntries, key: string, raw: string): DictEntries {
  const kept = entries.filter(([k]) => k !== key);
  return [...kept, [key, raw]];
}

interface Rewrite {
  readonly ref: Reference;
  readonly text: string;
}

/** The first page in document order, walking /Kids from the catalog's /Pages. */
function firstPage(s: string, xref: Xref, catalog: DictEntries): { ref: Reference; entries: DictEntries } {
  let ref = referenceOf(entry(catalog, '/Pages'));
  for (let depth = 0; ref && depth < 64; depth++) {
    const node = parseDict(resolve(s, xref, ref).raw, 0).entries;
    if (entry(node, '/Type') === '/Page') return { ref, entries: node };
    const kids = entry(node, '/Kids');
    ref = kids ? referenceOf(arrayItems(kids)[0]) : undefined;
  }
  throw new PdfSyntaxError('no page found');
}

function checkParties(input: SealPdfInput): { seal: ParsedSeal; certificate: Uint8Array } {
  let seal: ParsedSeal;
  try {
    seal = parseSeal(input.seal);
  } catch (error) {
    if (error instanceof SealFormatError) throw new AppError('documents.seal_invalid', { details: { reason: error.message }, cause: error });
    throw error;
  }
  const certificate = certificateDer(input.signerCertificatePem);
  const facts = readCertificate(certificate);
  if (!facts.sm2PublicKey || sm2PrivateKeyFromPem(input.signerKey).publicKey !== facts.sm2PublicKey) {
    throw new AppError('documents.seal_key_mismatch', { details: { serial: facts.serial } });
  }
  if (!seal.certificates.some((c) => Buffer.from(c).equals(Buffer.from(certificate)))) {
    throw new AppError('documents.seal_signer_not_in_seal', { details: { serial: facts.serial, sealId: seal.esId } });
  }
  return { seal, certificate };
}

/**
 * Seals a PDF: appends the signature field and the SES_Signature over everything before it.
 * Throws `documents.seal_*` AppErrors for a seal, key or PDF it cannot use.
 */
export function sealPdf(input: SealPdfInput): Buffer {
  const { seal, certificate } = checkParties(input);
  const original = Buffer.from(input.pdf);
  const s = original.toString('latin1');
  if (!s.slice(0, 1024).includes('%PDF-')) throw new AppError('documents.seal_pdf_invalid', { details: { reason: 'no %PDF- header' } });

  let head: string;
  try {
    head = prepareUpdate(s, original.length, seal, input, certificate);
  } catch (error) {
    if (error instanceof PdfUnsupportedError) throw new AppError('documents.seal_pdf_unsupported', { details: { reason: error.message }, cause: error });
    if (error instanceof PdfSyntaxError) throw new AppError('documents.seal_pdf_invalid', { details: { reason: error.message }, cause: error });
    throw error;
  }
  const out = Buffer.concat([original, Buffer.from(head, 'latin1')]);

  // The update starts with the signature dictionary: find its placeholders and fix the byte range.
  const base = original.length;
  const rangeAt = base + head.indexOf('/ByteRange ') + '/ByteRange '.length;
  const contentsStart = base + head.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = base + head.indexOf('>', contentsStart - base) + 1;
  const range = [0, contentsStart, contentsEnd, out.length - contentsEnd];
  out.write(rangeText(range), rangeAt, 'latin1');

  const dataHash = sm3(Buffer.concat([out.subarray(0, contentsStart), out.subarray(contentsEnd)]));
  const signature = signSeal({
    seal: seal.der,
    signedAt: input.at,
    dataHash,
    propertyInfo: propertyInfoOf(range),
    signerCertificateDer: certificate,
    signerKeyPem: input.signerKey,
  });
  const hex = Buffer.from(signature).toString('hex').toUpperCase();
  const room = contentsEnd - contentsStart - 2;
  if (hex.length > room) throw new Error(`SES_Signature of ${signature.length} bytes does not fit the ${room / 2} reserved`);
  out.write(hex, contentsStart + 1, 'latin1');
  return out;
}

/** The text of the incremental update, with zeroed /ByteRange and /Contents placeholders. */
function prepareUpdate(s: string, length: number, seal: ParsedSeal, input: SealPdfInput, certificate: Uint8Array): string {
  const startxref = lastStartxref(s);
  const xref = readXref(s, startxref);
  if (entry(xref.trailer, '/Encrypt')) throw new PdfUnsupportedError('encrypted PDF');
  const size = Number(entry(xref.trailer, '/Size'));
  const rootRef = referenceOf(entry(xref.trailer, '/Root'));
  if (!Number.isInteger(size) || !rootRef) throw new PdfSyntaxError('trailer without /Size or /Root');

  const catalog = parseDict(resolve(s, xref, rootRef).raw, 0).entries;
  const page = firstPage(s, xref, catalog);
  const sigRef = { num: size, gen: 0 };
  const widgetRef = { num: size + 1, gen: 0 };
  const widget = referenceText(widgetRef);

  const rewrites: Rewrite[] = [];
  const formRaw = entry(catalog, '/AcroForm');
  const formRef = referenceOf(formRaw);
  const form = formRaw ? parseDict(formRef ? resolve(s, xref, formRef).raw : formRaw, 0).entries : [];
  const fields = [...arrayOf(s, xref, entry(form, '/Fields')), widget];
  const newForm = setEntry(setEntry(form, '/Fields', `[${fields.join(' ')}]`), '/SigFlags', '3');
  if (formRef) rewrites.push({ ref: formRef, text: entriesText(newForm) });
  else rewrites.push({ ref: rootRef, text: entriesText(setEntry(catalog, '/AcroForm', entriesText(newForm))) });
  const annots = [...arrayOf(s, xref, entry(page.entries, '/Annots')), widget];
  rewrites.push({ ref: page.ref, text: entriesText(setEntry(page.entries, '/Annots', `[${annots.join(' ')}]`)) });

  const limit = signatureSizeLimit({
    seal: seal.der,
    signedAt: input.at,
    dataHash: new Uint8Array(32),
    propertyInfo: propertyInfoOf([0, 9_999_999_999, 9_999_999_999, 9_999_999_999]),
    signerCertificateDer: certificate,
  });
  const sigText =
    `<<\n/Type /Sig\n/Filter ${SEAL_FILTER}\n/SubFilter ${SEAL_SUBFILTER}\n` +
    `/Name ${pdfTextString(seal.name)}\n/Reason ${pdfTextString('用印')}\n/M (${pdfDate(input.at)})\n` +
    `/ByteRange ${rangeText([0, 0, 0, 0])}\n/Contents <${'0'.repeat(limit * 2)}>\n>>`;
  const widgetText =
    `<<\n/Type /Annot\n/Subtype /Widget\n/FT /Sig\n/T ${pdfTextString(`印章${sigRef.num}`)}\n/V ${referenceText(sigRef)}\n` +
    `/F 132\n/Rect [0 0 0 0]\n/P ${referenceText(page.ref)}\n>>`;

  // The update starts on a fresh line; objects, then their cross-reference section and trailer.
  let head = s.endsWith('\n') || s.endsWith('\r') ? '' : '\n';
  const offsets = new Map<number, { offset: number; gen: number }>();
  const add = (ref: Reference, body: string) => {
    offsets.set(ref.num, { offset: length + head.length, gen: ref.gen });
    head += `${ref.num} ${ref.gen} obj\n${body}\nendobj\n`;
  };
  add(sigRef, sigText);
  add(widgetRef, widgetText);
  for (const rewrite of rewrites) add(rewrite.ref, rewrite.text);

  const xrefAt = length + head.length;
  head += `xref\n${xrefSubsections(offsets)}`;
  const trailer: DictEntries = [['/Size', String(size + 2)], ['/Root', referenceText(rootRef)]];
  for (const key of ['/Info', '/ID']) {
    const value = entry(xref.trailer, key);
    if (value) trailer.push([key, value]);
  }
  trailer.push(['/Prev', String(startxref)]);
  head += `trailer\n${entriesText(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return head;
}

/** Cross-reference subsections for the written objects, grouped by consecutive numbers. */
function xrefSubsections(offsets: Map<number, { offset: number; gen: number }>): string {
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let text = '';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    text += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const { offset, gen } = offsets.get(nums[k]!)!;
      text += `${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  return text;
}
