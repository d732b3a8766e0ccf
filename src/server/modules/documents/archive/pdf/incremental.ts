import { type PdfFile } from './pdf-file.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfSyntaxError, type PdfValue, serialize } from './pdf-syntax.js';

/**
 * An incremental update (ISO 32000-1 §7.5.6): new and replaced objects, a cross-reference section
 * and a trailer appended after the original bytes, which stay exactly as they were. A signature over
 * the original (a byte range or a hash of the whole original file) can still be checked by cutting
 * the file at `originalLength`.
 */
export class IncrementalUpdate {
  readonly #objects = new Map<number, { gen: number; value: PdfValue }>();
  #next: number;

  constructor(readonly file: PdfFile) {
    if (file.trailer.has('Encrypt')) throw new PdfSyntaxError('加密的 PDF 不能加盖归档章', 0);
    this.#next = file.size;
  }

  get originalLength(): number {
    return this.file.bytes.length;
  }

  /** A new object number. */
  allocate(): PdfRef {
    const ref = new PdfRef(this.#next, 0);
    this.#next += 1;
    return ref;
  }

  /** Adds a new object. */
  add(value: PdfValue): PdfRef {
    const ref = this.allocate();
    this.set(ref, value);
    return ref;
  }

  /** Sets (adds or replaces) the object `ref`. */
  set(ref: PdfRef, value: PdfValue): void {
    this.#objects.set(ref.num, { gen: ref.gen, value });
  }

  /** The original bytes followed by the update. */
  toBytes(): Buffer {
    const original = this.file.bytes;
    const parts: Buffer[] = [Buffer.from(original)];
    let offset = original.length;
    const push = (chunk: Buffer) => {
      parts.push(chunk);
      offset += chunk.length;
    };
    const last = original[original.length - 1];
    if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n', 'latin1'));

    const offsets = new Map<number, { offset: number; gen: number }>();
    for (const [num, { gen, value }] of [...this.#objects].sort((a, b) => a[0] - b[0])) {
      offsets.set(num, { offset, gen });
      push(Buffer.concat([Buffer.from(`${num} ${gen} obj\n`, 'latin1'), serialize(value), Buffer.from('\nendobj\n', 'latin1')]));
    }

    const previous = this.file.trailer;
    const trailer = new PdfDict();
    for (const key of ['Root', 'Info', 'ID']) {
      const value = previous.get(key);
      if (value !== undefined) trailer.set(key, value);
    }
    trailer.set('Prev', this.file.last.startxref);

    const xrefOffset = offset;
    if (this.file.last.isStream) {
      // Chain with the same kind of section as the file's last one: a cross-reference stream.
      const self = this.allocate();
      offsets.set(self.num, { offset: xrefOffset, gen: 0 });
      const nums = [...offsets.keys()].sort((a, b) => a - b);
      const rows = Buffer.alloc(nums.length * 7);
      nums.forEach((num, i) => {
        const entry = offsets.get(num)!;
        rows.writeUInt8(1, i * 7);
        rows.writeUInt32BE(entry.offset, i * 7 + 1);
        rows.writeUInt16BE(entry.gen, i * 7 + 5);
      });
      const dict = trailer
        .set('Type', new PdfName('XRef'))
        .set('Size', this.#next)
        .set('W', [1, 4, 2])
        .set('Index', subsections(nums).flatMap(([first, count]) => [first, count]));
      push(Buffer.concat([Buffer.from(`${self.num} 0 obj\n`, 'latin1'), serialize(new PdfStream(dict, rows)), Buffer.from('\nendobj\n', 'latin1')]));
    } else {
      const nums = [...offsets.keys()].sort((a, b) => a - b);
      let table = 'xref\n';
      for (const [first, count] of subsections(nums)) {
        table += `${first} ${count}\n`;
        for (let num = first; num < first + count; num += 1) {
          const entry = offsets.get(num)!;
          table += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`;
        }
      }
      trailer.set('Size', this.#next);
      push(Buffer.concat([Buffer.from(`${table}trailer\n`, 'latin1'), serialize(trailer), Buffer.from('\n', 'latin1')]));
    }
    push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
}

/** Runs of consecutive object numbers: [first, count]. */
function subsections(nums: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const num of nums) {
    const run = runs.at(-1);
    if (run && run[0] + run[1] === num) run[1] += 1;
    else runs.push([num, 1]);
  }
  return runs;
}
