import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hinggan } from '../../../../../test/support/cli.js';

describe('hinggan seed --documents N', () => {
  const env = { HINGGAN_DATA_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'hg-bulk-cli-')), 'data'), HINGGAN_ENV: 'test' };

  it('refuses a count that is not a whole number', () => {
    const refused = hinggan(['seed', '--documents', '12x'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('须为 0 到 100000000 之间的整数');
  });

  it('seeds the registry and N bulk documents, and says how many and how fast', () => {
    const seeded = hinggan(['seed', '--documents', '120'], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('组织机构');
    expect(seeded.stdout).toMatch(/批量公文：120 件（\d+ 件分发，即各收文机关的收文；\d+ 件在办），用时 [\d.]+ 秒，每秒 \d+ 件/);
    // A second run adds another 120 after them (the registry is not seeded again).
    expect(hinggan(['seed', '--documents', '120'], env).stdout).toMatch(/数据库中已有数据，未写入种子\n批量公文：120 件/);
  });
});
