import { inflateSync } from 'node:zlib';
import {
  PdfDict,
  PdfLexer,
  type PdfName,
  PdfRef,
  PdfStream,
  PdfSyntaxError,
  type PdfValue,
  readIndirectObject,
} from './pdf-syntax.js';

/** Where an object lives: at a byte offset, or inside an object stream (PDF 1.5). */
type XrefEntry = { readonly kind: 'offset'; readonly offset: number; readonly gen: number } | { readonly kind: 'compressed'; readonly stream: number; readonly index: number };

/** The last cross-reference section of a file: what an incremental update chains to. */
export interface XrefInfo {
  readonly startxref: number;
  /** Whether the last section is a cross-reference stream (then the update writes one too). */
  readonly isStream: boolean;
  readonly trailer: PdfDict;
}

/** One page with the attributes it inherits from the page tree (ISO 32000-1 §7.7.3.4). */
export interface PageInfo {
  readonly ref: PdfRef;
  readonly dict: PdfDict;
  readonly resources: PdfDict;
  readonly mediaBox: readonly [number, number, number, number];
  readonly rotate: number;
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/**
 * A PDF opened for reading its structure: cross-reference sections (tables and streams, following
 * /Prev), objects (also inside object streams), the catalogue and the page tree. Not a renderer.
 */
export class PdfFile {
  readonly xref = new Map<number, XrefEntry>();
  readonly last: XrefInfo;
  readonly #cache = new Map<string, PdfValue>();
  readonly #objectStreams = new Map<number, Map<number, PdfValue>>();

  constructor(readonly bytes: Uint8Array) {
    if (latin1(bytes, 0, Math.min(5, bytes.length)) !== '%PDF-') throw new PdfSyntaxError('不是 PDF 文件', 0);
    const startxref = findStartxref(bytes);
    this.last = this.#readSection(startxref, new Set());
  }

  get trailer(): PdfDict {
    return this.last.trailer;
  }

  /** The highest object number in use plus one (the trailer's /Size, or what the table shows). */
  get size(): number {
    const declared = this.trailer.get('Size');
    const seen = Math.max(0, ...this.xref.keys()) + 1;
    return Math.max(typeof declared === 'number' ? declared : 0, seen);
  }

  #readSection(offset: number, seen: Set<number>): XrefInfo {
    if (seen.has(offset)) throw new PdfSyntaxError('交叉引用表循环', offset);
    seen.add(offset);
    const lexer = new PdfLexer(this.bytes, offset);
    let info: XrefInfo;
    if (lexer.peekToken() === 'xref') {
      lexer.token();
      info = { startxref: offset, isStream: false, trailer: this.#readTable(lexer) };
      // A hybrid file also lists objects in a cross-reference stream (/XRefStm); table entries win.
      const stm = info.trailer.get('XRefStm');
      if (typeof stm === 'number') this.#readXrefStream(stm);
    } else {
      info = { startxref: offset, isStream: true, trailer: this.#readXrefStream(offset) };
    }
    const prev = info.trailer.get('Prev');
    if (typeof prev === 'number') this.#readSection(prev, seen);
    return info;
  }

  #readTable(lexer: PdfLexer): PdfDict {
    for (;;) {
      const token = lexer.token();
      if (token === 'trailer') break;
      const first = Number(token);
      const count = Number(lexer.token());
      if (!Number.isInteger(first) || !Number.isInteger(count)) throw new PdfSyntaxError('交叉引用表格式错误', lexer.pos);
      for (let i = 0; i < count; i += 1) {
        const offset = Number(lexer.token());
        const gen = Number(lexer.token());
        const type = lexer.token();
        // Later sections (read first) take precedence over earlier ones.
        if (type === 'n' && !this.xref.has(first + i)) this.xref.set(first + i, { kind: 'offset', offset, gen });
        else if (type === 'f' && !this.xref.has(first + i)) this.xref.set(first + i, { kind: 'offset', offset: -1, gen });
      }
    }
    const trailer = lexer.value();
    if (!(trailer instanceof PdfDict)) throw new PdfSyntaxError('trailer 不是字典', lexer.pos);
    return trailer;
  }

  #readXrefStream(offset: number): PdfDict {
    const { value } = readIndirectObject(this.bytes, offset);
    if (!(value instanceof PdfStream) || (value.dict.get('Type') as PdfName | undefined)?.name !== 'XRef') {
      throw new PdfSyntaxError('startxref 指向的不是交叉引用表', offset);
    }
    const dict = value.dict;
    const widths = (dict.get('W') as number[]).map(Number);
    const size = Number(dict.get('Size'));
    const index = (dict.get('Index') as number[] | undefined)?.map(Number) ?? [0, size];
    const data = decodeStream(value);
    const rowLength = widths.reduce((a, b) => a + b, 0);
    const field = (row: number, column: number, fallback: number) => {
      if (widths[column] === 0) return fallback;
      let start = row * rowLength;
      for (let c = 0; c < column; c += 1) start += widths[c]!;
      let n = 0;
      for (let i = 0; i < widths[column]!; i += 1) n = n * 256 + data[start + i]!;
      return n;
    };
    let row = 0;
    for (let i = 0; i < index.length; i += 2) {
      for (let k = 0; k < index[i + 1]!; k += 1, row += 1) {
        const num = index[i]! + k;
        if (this.xref.has(num)) continue;
        const type = field(row, 0, 1);
        if (type === 1) this.xref.set(num, { kind: 'offset', offset: field(row, 1, 0), gen: field(row, 2, 0) });
        else if (type === 2) this.xref.set(num, { kind: 'compressed', stream: field(row, 1, 0), index: field(row, 2, 0) });
        else this.xref.set(num, { kind: 'offset', offset: -1, gen: field(row, 2, 0) });
      }
    }
    return dict;
  }

  /** The object a reference points to (null for a free or missing one, as the standard says). */
  get(ref: PdfRef): PdfValue {
    const cached = this.#cache.get(ref.key);
    if (cached !== undefined) return cached;
    const entry = this.xref.get(ref.num);
    let value: PdfValue = null;
    if (entry?.kind === 'offset' && entry.offset >= 0) {
      value = readIndirectObject(this.bytes, entry.offset, (r) => {
        const length = this.get(r);
        return typeof length === 'number' ? length : undefined;
      }).value;
    } else if (entry?.kind === 'compressed') {
      value = this.#objectStream(entry.stream).get(ref.num) ?? null;
    }
    this.#cache.set(ref.key, value);
    return value;
  }

  /** A value with a top-level reference followed. */
  resolve(value: PdfValue | undefined): PdfValue {
    return value instanceof PdfRef ? this.get(value) : (value ?? null);
  }

  #objectStream(num: number): Map<number, PdfValue> {
    let objects = this.#objectStreams.get(num);
    if (objects) return objects;
    const stream = this.get(new PdfRef(num, 0));
    if (!(stream instanceof PdfStream)) throw new PdfSyntaxError(`对象流 ${num} 不存在`, 0);
    const data = decodeStream(stream);
    const count = Number(stream.dict.get('N'));
    const first = Number(stream.dict.get('First'));
    const header = new PdfLexer(data, 0);
    const pairs: [number, number][] = [];
    for (let i = 0; i < count; i += 1) pairs.push([Number(header.token()), Number(header.token())]);
    objects = new Map(pairs.map(([objNum, offset]) => [objNum, new PdfLexer(data, first + offset).value()]));
    this.#objectStreams.set(num, objects);
    return objects;
  }

  catalog(): PdfDict {
    const root = this.resolve(this.trailer.get('Root'));
    if (!(root instanceof PdfDict)) throw new PdfSyntaxError('缺少文档目录（Root）', this.last.startxref);
    return root;
  }

  pagesRoot(): PdfDict {
    const pages = this.resolve(this.catalog().get('Pages'));
    if (!(pages instanceof PdfDict)) throw new PdfSyntaxError('缺少页面树（Pages）', this.last.startxref);
    return pages;
  }

  pageCount(): number {
    const count = this.resolve(this.pagesRoot().get('Count'));
    return typeof count === 'number' ? count : 0;
  }

  /** The first page (a leaf of the page tree) with its inherited attributes. */
  firstPage(): PageInfo {
    let node: PdfDict = this.pagesRoot();
    let ref: PdfRef | undefined;
    let inherited: { resources?: PdfValue; mediaBox?: PdfValue; rotate?: PdfValue } = {};
    const take = (dict: PdfDict) => {
      inherited = {
        resources: dict.get('Resources') ?? inherited.resources,
        mediaBox: dict.get('MediaBox') ?? inherited.mediaBox,
        rotate: dict.get('Rotate') ?? inherited.rotate,
      };
    };
    for (let depth = 0; depth < 64; depth += 1) {
      take(node);
      if ((node.get('Type') as PdfName | undefined)?.name === 'Page' || !node.has('Kids')) {
        if (!ref) throw new PdfSyntaxError('页面树没有页面', this.last.startxref);
        const resources = this.resolve(inherited.resources);
        const box = (this.resolve(inherited.mediaBox) as PdfValue[] | null)?.map((v) => Number(this.resolve(v)));
        const rotate = Number(this.resolve(inherited.rotate) ?? 0);
        return {
          ref,
          dict: node,
          resources: resources instanceof PdfDict ? resources : new PdfDict(),
          mediaBox: box && box.length === 4 ? [box[0]!, box[1]!, box[2]!, box[3]!] : [0, 0, 595.28, 841.89],
          rotate: ((rotate % 360) + 360) % 360,
        };
      }
      const kids = this.resolve(node.get('Kids'));
      const first = Array.isArray(kids) ? kids[0] : undefined;
      if (!(first instanceof PdfRef)) throw new PdfSyntaxError('页面树没有页面', this.last.startxref);
      ref = first;
      const next = this.get(first);
      if (!(next instanceof PdfDict)) throw new PdfSyntaxError('页面对象无效', this.last.startxref);
      node = next;
    }
    throw new PdfSyntaxError('页面树过深', this.last.startxref);
  }
}

function findStartxref(bytes: Uint8Array): number {
  const tail = latin1(bytes, Math.max(0, bytes.length - 2048), bytes.length);
  const match = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)/.exec(tail);
  if (!match) throw new PdfSyntaxError('找不到 startxref（文件可能不完整）', bytes.length);
  const offset = Number(match[1]);
  if (offset <= 0 || offset >= bytes.length) throw new PdfSyntaxError('startxref 超出文件范围', bytes.length);
  return offset;
}

/** Decodes a stream's data: no filter or FlateDecode, with the PNG predictors of cross-reference streams. */
export function decodeStream(stream: PdfStream): Uint8Array {
  const filter = stream.dict.get('Filter');
  const filters = (Array.isArray(filter) ? filter : filter ? [filter] : []).map((f) => (f as PdfName).name);
  let data = stream.data;
  for (const name of filters) {
    if (name !== 'FlateDecode') throw new PdfSyntaxError(`不支持的流过滤器 ${name}`, 0);
    data = new Uint8Array(inflateSync(data));
  }
  const parms = stream.dict.get('DecodeParms');
  const predictor = parms instanceof PdfDict ? Number(parms.get('Predictor') ?? 1) : 1;
  if (predictor >= 10) {
    const columns = Number((parms as PdfDict).get('Columns') ?? 1);
    data = unpredictPng(data, columns);
  }
  return data;
}

function unpredictPng(data: Uint8Array, columns: number): Uint8Array {
  const rows = Math.floor(data.length / (columns + 1));
  const out = new Uint8Array(rows * columns);
  for (let r = 0; r < rows; r += 1) {
    const type = data[r * (columns + 1)]!;
    for (let c = 0; c < columns; c += 1) {
      const raw = data[r * (columns + 1) + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + Math.floor((left + up) / 2);
      else if (type === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[r * columns + c] = value & 0xff;
    }
  }
  return out;
}
