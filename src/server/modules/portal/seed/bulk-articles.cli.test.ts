import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hinggan } from '../../../../../test/support/cli.js';

describe('hinggan seed --articles N', () => {
  const env = { HINGGAN_DATA_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'hg-articles-cli-')), 'data'), HINGGAN_ENV: 'test' };

  it('refuses a count that is not a whole number', () => {
    const refused = hinggan(['seed', '--articles', '12x'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('须为 0 到 100000000 之间的整数');
  });

  it('seeds the site group and N bulk articles, and says how many and how fast', () => {
    const seeded = hinggan(['seed', '--articles', '150'], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toContain('组织机构');
    expect(seeded.stdout).toMatch(/批量文章：150 篇（4 个网站，均已发布并编入站内检索），用时 [\d.]+ 秒，每秒 \d+ 篇/);
    // A second run adds another 150 after them (nothing else is seeded again).
    expect(hinggan(['seed', '--articles', '150'], env).stdout).toMatch(/数据库中已有数据，未写入种子\n批量文章：150 篇/);
  });
});
