/**
 * Just enough PDF syntax (ISO 32000-1 §7.2–7.5) to append a signature as an incremental update and
 * to check what a later update changed: skipping values, reading a dictionary's entries as raw text,
 * objects at an offset, and classic cross-reference tables with their trailers. It works on the file
 * as a latin1 string, so string indexes are byte offsets. Content streams are never decoded.
 */

export class PdfSyntaxError extends Error {
  override readonly name = 'PdfSyntaxError';
}

/** Valid PDF this reader does not handle (cross-reference streams, encryption). */
export class PdfUnsupportedError extends Error {
  override readonly name = 'PdfUnsupportedError';
}

const isWhite = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const delimiters = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));
const isRegular = (c: number) => !isWhite(c) && !delimiters.has(c);

/** Skips white space and comments. */
export function skipSpace(s: string, i: number): number {
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isWhite(c)) i++;
    else if (c === 37) while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    else break;
  }
  return i;
}

function regularEnd(s: string, i: number): number {
  while (i < s.length && isRegular(s.charCodeAt(i))) i++;
  return i;
}

function stringEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j + 1;
  }
  throw new PdfSyntaxError(`unterminated string at ${i}`);
}

const referenceTail = /\s+\d+\s+R(?=[\s()<>[\]{}/%]|$)/y;

/** The index just after the value that starts at or after `i`. */
export function skipValue(s: string, i: number, depth = 0): number {
  if (depth > 64) throw new PdfSyntaxError('values nested too deeply');
  i = skipSpace(s, i);
  if (i >= s.length) throw new PdfSyntaxError('unexpected end of file');
  switch (s[i]) {
    case '/':
      return regularEnd(s, i + 1);
    case '(':
      return stringEnd(s, i);
    case '<': {
      if (s[i + 1] === '<') {
        let j = i + 2;
        for (;;) {
          j = skipSpace(s, j);
          if (j >= s.length) throw new PdfSyntaxError(`unterminated dictionary at ${i}`);
          if (s.startsWith('>>', j)) return j + 2;
          j = skipValue(s, j, depth + 1);
        }
      }
      const end = s.indexOf('>', i);
      if (end < 0) throw new PdfSyntaxError(`unterminated hex string at ${i}`);
      return end + 1;
    }
    case '[': {
      let j = i + 1;
      for (;;) {
        j = skipSpace(s, j);
        if (j >= s.length) throw new PdfSyntaxError(`unterminated array at ${i}`);
        if (s[j] === ']') return j + 1;
        j = skipValue(s, j, depth + 1);
      }
    }
    default: {
      const end = regularEnd(s, i);
      if (end === i) throw new PdfSyntaxError(`unexpected ${JSON.stringify(s[i])} at ${i}`);
      if (/^\d+$/.test(s.slice(i, end))) {
        referenceTail.lastIndex = end;
        if (referenceTail.test(s)) return referenceTail.lastIndex;
      }
      return end;
    }
  }
}

/** A dictionary's entries in file order, each value as its raw text. */
export type DictEntries = [key: string, raw: string][];

export function parseDict(s: string, i: number): { entries: DictEntries; start: number; end: number } {
  const start = skipSpace(s, i);
  if (!s.startsWith('<<', start)) throw new PdfSyntaxError(`expected a dictionary at ${start}`);
  const entries: DictEntries = [];
  let j = start + 2;
  for (;;) {
    j = skipSpace(s, j);
    if (j >= s.length) throw new PdfSyntaxError(`unterminated dictionary at ${start}`);
    if (s.startsWith('>>', j)) return { entries, start, end: j + 2 };
    if (s[j] !== '/') throw new PdfSyntaxError(`expected a name key at ${j}`);
    const keyEnd = regularEnd(s, j + 1);
    const valueStart = skipSpace(s, keyEnd);
    const valueEnd = skipValue(s, valueStart);
    entries.push([s.slice(j, keyEnd), s.slice(valueStart, valueEnd)]);
    j = valueEnd;
  }
}

export const entry = (entries: DictEntries, key: string): string | undefined => entries.find(([k]) => k === key)?.[1];

export interface Reference {
  readonly num: number;
  readonly gen: number;
}

export function referenceOf(raw: string | undefined): Reference | undefined {
  const match = raw && /^(\d+)\s+(\d+)\s+R$/.exec(raw.trim());
  return match ? { num: Number(match[1]), gen: Number(match[2]) } : undefined;
}

export const referenceText = (ref: Reference) => `${ref.num} ${ref.gen} R`;

/** The raw items of an array value. */
export function arrayItems(raw: string): string[] {
  const s = raw.trim();
  if (!s.startsWith('[')) throw new PdfSyntaxError('expected an array');
  const items: string[] = [];
  let j = 1;
  for (;;) {
    j = skipSpace(s, j);
    if (j >= s.length) throw new PdfSyntaxError('unterminated array');
    if (s[j] === ']') return items;
    const end = skipValue(s, j);
    items.push(s.slice(j, end));
    j = end;
  }
}

export interface PdfObject {
  readonly num: number;
  readonly gen: number;
  /** The object's value as raw text (for a stream: its dictionary). */
  readonly raw: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

const objectHeader = /(\d+)\s+(\d+)\s+obj\b/y;

export function readObjectAt(s: string, offset: number): PdfObject {
  objectHeader.lastIndex = skipSpace(s, offset);
  const match = objectHeader.exec(s);
  if (!match) throw new PdfSyntaxError(`no object at ${offset}`);
  const valueStart = skipSpace(s, objectHeader.lastIndex);
  const valueEnd = skipValue(s, valueStart);
  return { num: Number(match[1]), gen: Number(match[2]), raw: s.slice(valueStart, valueEnd), valueStart, valueEnd };
}

/** The offset written after the last `startxref` before `before`. */
export function lastStartxref(s: string, before = s.length): number {
  const at = s.lastIndexOf('startxref', before);
  const pattern = /startxref\s+(\d+)/y;
  pattern.lastIndex = Math.max(at, 0);
  const found = at >= 0 ? pattern.exec(s) : null;
  if (!found) throw new PdfSyntaxError('no startxref');
  return Number(found[1]);
}

export interface XrefEntry {
  readonly offset: number;
  readonly gen: number;
}

export interface XrefSection {
  readonly offset: number;
  /** In-use entries of this section only. */
  readonly entries: Map<number, XrefEntry>;
  /** Objects this section marks free (object 0, the head of the free list, left out). */
  readonly freed: number[];
  readonly trailer: DictEntries;
}

const subsectionHeader = /(\d+)\s+(\d+)/y;
const xrefLine = /\s*(\d{10})\s+(\d{5})\s+([nf])/y;

/** One classic `xref` … `trailer` section at `offset`. */
export function readXrefSection(s: string, offset: number): XrefSection {
  let j = skipSpace(s, offset);
  if (!s.startsWith('xref', j)) {
    objectHeader.lastIndex = j;
    if (objectHeader.test(s)) throw new PdfUnsupportedError('cross-reference streams are not supported');
    throw new PdfSyntaxError(`no cross-reference table at ${offset}`);
  }
  j += 4;
  const entries = new Map<number, XrefEntry>();
  const freed: number[] = [];
  for (;;) {
    j = skipSpace(s, j);
    if (s.startsWith('trailer', j)) break;
    subsectionHeader.lastIndex = j;
    const header = subsectionHeader.exec(s);
    if (!header) throw new PdfSyntaxError(`bad cross-reference subsection at ${j}`);
    const first = Number(header[1]);
    const count = Number(header[2]);
    j = subsectionHeader.lastIndex;
    for (let k = 0; k < count; k++) {
      xrefLine.lastIndex = j;
      const line = xrefLine.exec(s);
      if (!line) throw new PdfSyntaxError(`bad cross-reference entry at ${j}`);
      if (line[3] === 'n') entries.set(first + k, { offset: Number(line[1]), gen: Number(line[2]) });
      else if (first + k !== 0) freed.push(first + k);
      j = xrefLine.lastIndex;
    }
  }
  const trailer = parseDict(s, j + 'trailer'.length).entries;
  if (entry(trailer, '/XRefStm')) throw new PdfUnsupportedError('hybrid cross-reference files are not supported');
  return { offset, entries, freed, trailer };
}

export interface Xref {
  /** Where each object is, the newest revision winning. */
  readonly objects: Map<number, XrefEntry>;
  /** The newest trailer. */
  readonly trailer: DictEntries;
}

/** The cross-reference of the revision whose table is at `startxref`, following /Prev. */
export function readXref(s: string, startxref: number): Xref {
  const objects = new Map<number, XrefEntry>();
  const seen = new Set<number>();
  let trailer: DictEntries | undefined;
  for (let offset: number | undefined = startxref; offset !== undefined; ) {
    if (seen.has(offset) || seen.size > 1000) throw new PdfSyntaxError('cross-reference /Prev loop');
    seen.add(offset);
    const section = readXrefSection(s, offset);
    trailer ??= section.trailer;
    for (const [num, e] of section.entries) if (!objects.has(num)) objects.set(num, e);
    const prev = entry(section.trailer, '/Prev');
    offset = prev === undefined ? undefined : Number(prev);
    if (offset !== undefined && !Number.isInteger(offset)) throw new PdfSyntaxError('bad /Prev');
  }
  return { objects, trailer: trailer! };
}

/** Reads object `ref` through the cross-reference, checking its number. */
export function resolve(s: string, xref: Xref, ref: Reference): PdfObject {
  const at = xref.objects.get(ref.num);
  if (!at) throw new PdfSyntaxError(`object ${ref.num} is not in the cross-reference`);
  const object = readObjectAt(s, at.offset);
  if (object.num !== ref.num) throw new PdfSyntaxError(`cross-reference for ${ref.num} points at object ${object.num}`);
  return object;
}

/** The items of an array value that may itself be a reference to an array object. */
export function arrayOf(s: string, xref: Xref, raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const ref = referenceOf(raw);
  return arrayItems(ref ? resolve(s, xref, ref).raw : raw);
}

/** A PDF text string: UTF-16BE with a byte order mark, as a hex string. */
export function pdfTextString(text: string): string {
  const utf16 = Buffer.from(text, 'utf16le').swap16();
  return `<FEFF${utf16.toString('hex').toUpperCase()}>`;
}

/** A PDF date in China Standard Time, e.g. D:20261127143005+08'00'. */
export function pdfDate(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return `D:${local.slice(0, 19).replace(/[-T:]/g, '')}+08'00'`;
}
