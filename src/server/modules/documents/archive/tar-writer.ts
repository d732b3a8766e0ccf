import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

/** One file of an archive. */
export interface TarEntry {
  /** Path inside the archive, `/`-separated; any Unicode (written as a POSIX pax `path` record). */
  readonly name: string;
  readonly data: Uint8Array;
  readonly mtime: Date;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date, type: '0' | 'x'): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'latin1');
  block.write(octal(0, 8), 108, 'latin1');
  block.write(octal(0, 8), 116, 'latin1');
  block.write(octal(size, 12), 124, 'latin1');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'latin1');
  block.write('        ', 148, 'latin1');
  block.write(type, 156, 'latin1');
  block.write('ustar\0', 257, 'latin1');
  block.write('00', 263, 'latin1');
  block.write('hinggan', 265, 'latin1');
  block.write('hinggan', 297, 'latin1');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

/** A pax record `<length> <key>=<value>\n`, whose length counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const base = Buffer.byteLength(body, 'utf8');
  let length = base + String(base).length;
  while (base + String(length).length !== length) length = base + String(length).length;
  return `${length}${body}`;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The blocks of one entry: a pax header first when the name is not short plain ASCII. */
function* entryBlocks(entry: TarEntry): Generator<Buffer> {
  const plain = /^[\x20-\x7e]+$/.test(entry.name) && Buffer.byteLength(entry.name) <= 100;
  if (!plain) {
    const pax = Buffer.from(paxRecord('path', entry.name), 'utf8');
    yield header(`PaxHeader/${asciiName(entry.name)}`.slice(0, 100), pax.length, entry.mtime, 'x');
    yield pax;
    yield padding(pax.length);
  }
  yield header(plain ? entry.name : asciiName(entry.name), entry.data.length, entry.mtime, '0');
  yield Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.length);
  yield padding(entry.data.length);
}

/** A stand-in name for readers that ignore pax headers: ASCII, at most 100 bytes, keeping the extension. */
function asciiName(name: string): string {
  const ascii = name.replace(/[^\x21-\x7e]/g, '_');
  if (ascii.length <= 100) return ascii;
  const dot = ascii.lastIndexOf('.');
  const extension = dot > ascii.length - 10 ? ascii.slice(dot) : '';
  return ascii.slice(0, 100 - extension.length) + extension;
}

/**
 * A gzip-compressed POSIX tar (ustar with pax `path` records for Chinese names) of the entries, as a
 * stream: entries are produced one at a time, so an export never holds the whole archive in memory.
 * A hand-written writer because no tar or zip library is a dependency; the format is small and fixed.
 */
export function tarGzStream(entries: AsyncIterable<TarEntry> | Iterable<TarEntry>): Readable {
  async function* blocks() {
    for await (const entry of entries) yield* entryBlocks(entry);
    yield Buffer.alloc(BLOCK * 2);
  }
  return Readable.from(blocks()).pipe(createGzip());
}
