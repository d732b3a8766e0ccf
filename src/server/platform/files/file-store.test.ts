import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/support/db.js';
import { FixedClock } from '../clock.js';
import { isAppError } from '../errors/app-error.js';
import { FileStore } from './file-store.js';
import { fileRepository } from './file.repository.js';

// A real 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  throw new Error('expected an AppError');
}

describeEachDialect('FileStore', (database) => {
  let dataDir: string;
  let store: FileStore;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hinggan-files-'));
    store = new FileStore({ dataDir, maxBytes: 64 * 1024, clock: new FixedClock('2025-03-01T02:00:00Z') });
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sniffs the type from the bytes, not the name', async () => {
    const file = await store.put(database().db, png, { name: 'evil.pdf', createdBy: 'u1' });
    expect(file).toMatchObject({ mediaType: 'image/png', size: png.length, originalName: 'evil.pdf', safeName: 'evil.pdf' });
    expect(file.createdAt).toBe('2025-03-01T02:00:00.000Z');
    const { file: again, stream } = await store.get(database().db, file.id);
    expect(again).toEqual(file);
    expect(await buffer(stream)).toEqual(png);
  });

  it('stores the same bytes once on disk and twice in the table', async () => {
    const bytes = Buffer.from('唯一的内容 unique content\n');
    const first = await store.put(database().db, bytes, { name: 'a.txt' });
    const second = await store.put(database().db, Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), { name: 'b.txt' });
    expect(second.id).not.toBe(first.id);
    expect(second.sha256).toBe(first.sha256);
    expect(await fileRepository.countBySha256(database().db, first.sha256)).toBe(2);
    const blobs = (await listFiles(store.root)).filter((f) => f.endsWith(first.sha256));
    expect(blobs).toEqual([store.blobPath(first.sha256)]);
    expect(blobs[0]).toContain(path.join('files', first.sha256.slice(0, 2), first.sha256.slice(2, 4)));
  });

  it('rejects an oversize stream and leaves nothing behind', async () => {
    const before = await listFiles(store.root);
    const chunks = async function* () {
      for (let i = 0; i < 100; i++) yield Buffer.alloc(4096, i);
    };
    expect(await codeOf(store.put(database().db, Readable.from(chunks()), { name: 'big.bin' }))).toBe('file.too_large');
    expect(await codeOf(store.put(database().db, Buffer.alloc(11), { name: 'x', maxBytes: 10 }))).toBe('file.too_large');
    expect(await listFiles(store.root)).toEqual(before);
  });

  it('tells text, CSV and unknown binary apart', async () => {
    const db = database().db;
    expect((await store.put(db, Buffer.from('姓名,电话\n张三,123\n'), { name: '名单.CSV' })).mediaType).toBe('text/csv');
    expect((await store.put(db, Buffer.from('姓名,电话\n'), { name: 'list.txt' })).mediaType).toBe('text/plain');
    expect((await store.put(db, Buffer.from([0x00, 0x01, 0xfe, 0x42]), { name: 'x.csv' })).mediaType).toBe(
      'application/octet-stream',
    );
    // GBK bytes are not UTF-8 text.
    expect((await store.put(db, Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), { name: 'gbk.csv' })).mediaType).toBe(
      'application/octet-stream',
    );
  });

  it('refuses types not allowed, keeping no blob', async () => {
    const before = await listFiles(store.root);
    const renamed = Buffer.concat([png, Buffer.from('different')]);
    expect(await codeOf(store.put(database().db, renamed, { name: 'scan.pdf', allowedTypes: ['application/pdf'] }))).toBe(
      'file.type_not_allowed',
    );
    expect(await listFiles(store.root)).toEqual(before);
    const ok = await store.put(database().db, renamed, { name: 'scan.png', allowedTypes: ['image/*'] });
    expect(ok.mediaType).toBe('image/png');
  });

  it('answers file.not_found for unknown ids', async () => {
    expect(await codeOf(store.get(database().db, '01936f5e-0000-7000-8000-000000000000'))).toBe('file.not_found');
  });
});
