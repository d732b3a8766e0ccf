import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../../../../test/support/app.js';
import { hinggan } from '../../../../../test/support/cli.js';
import { openDatabase } from '../../../db/database.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import { createOrgService } from '../../orgs/index.js';
import { matrixReceivingFixtures } from '../receiving.testing.js';

describe('hinggan archive export', () => {
  let dir: string;
  let env: Record<string, string>;
  let filed: number;
  const year = toBusinessDate(new Date()).slice(0, 4);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hg-archive-cli-'));
    env = { HINGGAN_DATA_DIR: path.join(dir, 'data') };
    expect(hinggan(['seed'], env).status).toBe(0);
    // A 件 filed in 行署 and one in 发改委, in the same data directory the command reads.
    const config = testConfig({ HINGGAN_DATA_DIR: env.HINGGAN_DATA_DIR! });
    const database = await openDatabase(config);
    try {
      const orgs = createOrgService({ db: database.db, clock: { now: () => new Date() } });
      const xsh = (await orgs.get('152200000000.xsh')).id;
      await matrixReceivingFixtures(database, { own: xsh, other: (await orgs.get('152200000000.xsh.fgw')).id }, config);
      // The demo seed may have filed some of 行署's documents too.
      filed = (await database.db.selectFrom('archive_items').select('id').where('org_id', '=', xsh).where('year', '=', Number(year)).execute()).length;
    } finally {
      await database.destroy();
    }
  }, 120_000);

  it('writes the package of an organisation and year to a file', () => {
    const out = path.join(dir, 'xsh.tar.gz');
    const result = hinggan(['archive', 'export', '--org', '152200000000.xsh', '--year', year, '--out', out], env);
    expect(result.stderr).toBe('');
    expect(filed).toBeGreaterThanOrEqual(1);
    expect(result.stdout).toContain(`已导出 ${filed} 件：${out}`);
    const listed = execFileSync('tar', ['-tzf', out], { encoding: 'utf8' }).trim().split('\n');
    expect(listed[0]).toBe('归档文件目录.xml');
    expect(listed.filter((name) => name.endsWith('/归档件.pdf'))).toHaveLength(filed);
    expect(listed.slice(-2)).toEqual(['manifest.xml', 'manifest.sig']);
  }, 60_000);

  it('says clearly what is wrong', () => {
    const badYear = hinggan(['archive', 'export', '--org', '152200000000.xsh', '--year', 'twenty'], env);
    expect([badYear.status, badYear.stderr]).toEqual([1, expect.stringContaining('--year 须为四位年份')]);
    const nothing = hinggan(['archive', 'export', '--org', '152200000000.xsh', '--year', '2001'], env);
    expect(nothing.stderr).toContain('documents.archive_nothing_to_export');
    expect(hinggan(['archive', 'export', '--org', 'nowhere', '--year', year], env).stderr).toContain('documents.archive_not_found');
    expect(hinggan(['archive', 'export', '--org', '152200000000.xsh'], env).status).toBe(2);
  }, 60_000);
});
