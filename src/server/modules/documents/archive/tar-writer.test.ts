import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tarGzStream } from './tar-writer.js';

describe('tar.gz writer', () => {
  it('writes an archive GNU tar lists and extracts, Chinese and long names included', async () => {
    const long = `${'很长的目录名'.repeat(12)}/归档件.pdf`;
    const entries = [
      { name: 'manifest.xml', data: Buffer.from('<a/>'), mtime: new Date('2026-11-27T00:00:00Z') },
      { name: 'Q0001-WS·2026-Y-BGS-0001/原件.pdf', data: Buffer.from('%PDF-1.7 原件'), mtime: new Date('2026-11-27T00:00:00Z') },
      { name: long, data: Buffer.alloc(1000, 7), mtime: new Date('2026-11-27T00:00:00Z') },
      { name: 'empty.txt', data: Buffer.alloc(0), mtime: new Date('2026-11-27T00:00:00Z') },
    ];
    const archive = await buffer(tarGzStream(entries));
    expect(gunzipSync(archive).length % 512).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'hg-tar-'));
    const file = path.join(dir, 'a.tar.gz');
    writeFileSync(file, archive);
    const listed = execFileSync('tar', ['-tzf', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listed).toEqual(entries.map((e) => e.name));
    execFileSync('tar', ['-xzf', file, '-C', dir]);
    expect(readFileSync(path.join(dir, 'Q0001-WS·2026-Y-BGS-0001/原件.pdf'), 'utf8')).toBe('%PDF-1.7 原件');
    expect(readFileSync(path.join(dir, long)).equals(Buffer.alloc(1000, 7))).toBe(true);
  });
});
