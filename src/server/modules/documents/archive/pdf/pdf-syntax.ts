/**
 * The PDF object syntax (ISO 32000-1 §7.3), just enough to read an existing file's structure and to
 * write new objects for an incremental update: numbers, names, strings, arrays, dictionaries,
 * indirect references and streams. Stream data is kept as raw (still encoded) bytes.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

/** A string object's bytes (literal or hex in the file). */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}
}

export class PdfDict {
  readonly entries: Map<string, PdfValue>;
  constructor(entries?: Iterable<[string, PdfValue]>) {
    this.entries = new Map(entries);
  }
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.entries.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
  clone(): PdfDict {
    return new PdfDict(this.entries);
  }
}

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    /** The bytes between `stream` and `endstream`, still encoded (filters not applied). */
    readonly data: Uint8Array,
  ) {}
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict | PdfStream;

export class PdfSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message}（偏移 ${offset}）`);
    this.name = 'PdfSyntaxError';
  }
}

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) =>
  c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number) => !isWhite(c) && !isDelimiter(c);
const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/**
 * A reader positioned in a PDF's bytes. `resolveLength` resolves an indirect `/Length` of a stream
 * (the caller knows the file's cross-reference table; the lexer does not).
 */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    private readonly resolveLength?: (ref: PdfRef) => number | undefined,
  ) {
    this.pos = pos;
  }

  skipWhite(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isWhite(c)) this.pos += 1;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos += 1;
      } else break;
    }
  }

  /** The next bare keyword or number token without consuming it. */
  peekToken(): string {
    const saved = this.pos;
    const token = this.token();
    this.pos = saved;
    return token;
  }

  token(): string {
    this.skipWhite();
    const start = this.pos;
    while (this.pos < this.bytes.length && isRegular(this.bytes[this.pos]!)) this.pos += 1;
    return latin1(this.bytes, start, this.pos);
  }

  expect(keyword: string): void {
    const at = this.pos;
    const token = this.token();
    if (token !== keyword) throw new PdfSyntaxError(`应为 ${keyword}，实为 ${JSON.stringify(token.slice(0, 20))}`, at);
  }

  /** One object; a following `stream` keyword turns a dictionary into a stream. */
  value(): PdfValue {
    this.skipWhite();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new PdfSyntaxError('文件意外结束', this.pos);
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c && b[this.pos + 1] === 0x3c) return this.dictOrStream();
    if (c === 0x3c) return this.hexString();
    if (c === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhite();
        if (b[this.pos] === 0x5d) {
          this.pos += 1;
          return items;
        }
        if (this.pos >= b.length) throw new PdfSyntaxError('数组未结束', this.pos);
        items.push(this.value());
      }
    }
    const at = this.pos;
    const token = this.token();
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) throw new PdfSyntaxError(`无法识别的记号 ${JSON.stringify(token.slice(0, 20))}`, at);
    const number = Number(token);
    if (/^\d+$/.test(token)) {
      // `N G R` is a reference.
      const saved = this.pos;
      const gen = this.token();
      if (/^\d+$/.test(gen) && this.token() === 'R') return new PdfRef(number, Number(gen));
      this.pos = saved;
    }
    return number;
  }

  private name(): PdfName {
    this.pos += 1;
    const start = this.pos;
    while (this.pos < this.bytes.length && isRegular(this.bytes[this.pos]!)) this.pos += 1;
    const raw = latin1(this.bytes, start, this.pos);
    const decoded = raw.replace(/#([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return new PdfName(Buffer.from(decoded, 'latin1').toString('utf8'));
  }

  private literalString(): PdfString {
    const b = this.bytes;
    this.pos += 1;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const n = b[this.pos++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[n] !== undefined) out.push(simple[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let octal = n - 0x30;
          for (let i = 0; i < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; i += 1) octal = octal * 8 + (b[this.pos++]! - 0x30);
          out.push(octal & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos += 1;
        } else if (n !== 0x0a) out.push(n);
      } else if (c === 0x28) {
        depth += 1;
        out.push(c);
      } else if (c === 0x29) {
        depth -= 1;
        if (depth === 0) return new PdfString(Uint8Array.from(out));
        out.push(c);
      } else out.push(c);
    }
    throw new PdfSyntaxError('字符串未结束', this.pos);
  }

  private hexString(): PdfString {
    const b = this.bytes;
    const end = b.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfSyntaxError('十六进制字符串未结束', this.pos);
    let hex = latin1(b, this.pos + 1, end).replace(/[^0-9A-Fa-f]/g, '');
    if (hex.length % 2) hex += '0';
    this.pos = end + 1;
    return new PdfString(Uint8Array.from(Buffer.from(hex, 'hex')));
  }

  private dictOrStream(): PdfDict | PdfStream {
    const b = this.bytes;
    this.pos += 2;
    const dict = new PdfDict();
    for (;;) {
      this.skipWhite();
      if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
        this.pos += 2;
        break;
      }
      if (this.pos >= b.length) throw new PdfSyntaxError('字典未结束', this.pos);
      const key = this.value();
      if (!(key instanceof PdfName)) throw new PdfSyntaxError('字典的键须为名字', this.pos);
      dict.set(key.name, this.value());
    }
    const saved = this.pos;
    if (this.token() !== 'stream') {
      this.pos = saved;
      return dict;
    }
    // The keyword is followed by CRLF or LF (ISO 32000-1 §7.3.8.1).
    if (b[this.pos] === 0x0d) this.pos += 1;
    if (b[this.pos] === 0x0a) this.pos += 1;
    const start = this.pos;
    let length = dict.get('Length');
    if (length instanceof PdfRef) length = this.resolveLength?.(length) ?? null;
    let end: number;
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0 && start + length <= b.length && endstreamFollows(b, start + length)) {
      end = start + length;
    } else {
      // A wrong /Length: find the keyword instead.
      const found = Buffer.from(b.buffer, b.byteOffset, b.length).indexOf('endstream', start, 'latin1');
      if (found < 0) throw new PdfSyntaxError('流未结束', start);
      end = found;
      while (end > start && (b[end - 1] === 0x0a || b[end - 1] === 0x0d)) end -= 1;
    }
    this.pos = end;
    this.expect('endstream');
    return new PdfStream(dict, b.subarray(start, end));
  }
}

function endstreamFollows(b: Uint8Array, at: number): boolean {
  let p = at;
  while (p < b.length && isWhite(b[p]!)) p += 1;
  return latin1(b, p, Math.min(p + 9, b.length)) === 'endstream';
}

/** Reads `N G obj <value> endobj` at `offset`. */
export function readIndirectObject(
  bytes: Uint8Array,
  offset: number,
  resolveLength?: (ref: PdfRef) => number | undefined,
): { num: number; gen: number; value: PdfValue } {
  const lexer = new PdfLexer(bytes, offset, resolveLength);
  const num = Number(lexer.token());
  const gen = Number(lexer.token());
  lexer.expect('obj');
  if (!Number.isInteger(num) || !Number.isInteger(gen)) throw new PdfSyntaxError('不是间接对象', offset);
  return { num, gen, value: lexer.value() };
}

// ---- writing ----

const nameChar = (ch: number) => ch > 0x20 && ch < 0x7f && ch !== 0x23 && isRegular(ch);

function writeName(name: string): string {
  let out = '/';
  for (const byte of Buffer.from(name, 'utf8')) out += nameChar(byte) ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0')}`;
  return out;
}

function writeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`PDF number out of range: ${n}`);
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** Serialises a value (streams included) as PDF syntax, in Latin-1 bytes. */
export function serialize(value: PdfValue): Buffer {
  if (value instanceof PdfStream) {
    const dict = value.dict.clone().set('Length', value.data.length);
    return Buffer.concat([Buffer.from(`${serializeText(dict)}\nstream\n`, 'latin1'), Buffer.from(value.data), Buffer.from('\nendstream', 'latin1')]);
  }
  return Buffer.from(serializeText(value), 'latin1');
}

function serializeText(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return writeNumber(value);
  if (value instanceof PdfName) return writeName(value.name);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return `<${Buffer.from(value.bytes).toString('hex')}>`;
  if (Array.isArray(value)) return `[${value.map(serializeText).join(' ')}]`;
  if (value instanceof PdfDict) return `<<${[...value.entries].map(([k, v]) => `${writeName(k)} ${serializeText(v)}`).join(' ')}>>`;
  throw new TypeError('a stream can only be an indirect object');
}

/** Every reference inside a value (not following them). */
export function referencesIn(value: PdfValue, into: PdfRef[] = []): PdfRef[] {
  if (value instanceof PdfRef) into.push(value);
  else if (Array.isArray(value)) for (const v of value) referencesIn(v, into);
  else if (value instanceof PdfDict) for (const v of value.entries.values()) referencesIn(v, into);
  else if (value instanceof PdfStream) referencesIn(value.dict, into);
  return into;
}

/** A copy of a value with every reference replaced by `map(ref)`. */
export function mapReferences(value: PdfValue, map: (ref: PdfRef) => PdfRef): PdfValue {
  if (value instanceof PdfRef) return map(value);
  if (Array.isArray(value)) return value.map((v) => mapReferences(v, map));
  if (value instanceof PdfDict) return new PdfDict([...value.entries].map(([k, v]) => [k, mapReferences(v, map)] as [string, PdfValue]));
  if (value instanceof PdfStream) return new PdfStream(mapReferences(value.dict, map) as PdfDict, value.data);
  return value;
}
