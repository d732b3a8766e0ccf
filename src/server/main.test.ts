import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { testConfig } from '../../test/support/app.js';
import { skipPostgres, testDialects, testPostgresUrl, testSchemaName } from '../../test/support/db.js';
import { describe } from 'vitest';
import { startServer } from './main.js';

/** A DATABASE_URL that keeps this test in a schema of its own. */
async function isolatedPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = testSchemaName('start');
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(testPostgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    // Dropped after the whole run by test/support/global-setup.ts.
    drop: () => admin.end(),
  };
}

describe.each(testDialects)('first and later start [%s]', (dialect) => {
  (dialect === 'postgres' && skipPostgres ? it.skip : it)('migrates and seeds on first start, serves, and starts again without seeding', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hg-start-'));
    const pgDb = dialect === 'postgres' ? await isolatedPostgresUrl() : undefined;
    const config = testConfig({ HINGGAN_DATA_DIR: dataDir, HINGGAN_PORT: '0', ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) });
    try {
      const first = await startServer(config);
      expect(first.database.dialect).toBe(dialect);
      expect(first.migrated.length).toBeGreaterThan(0);
      expect(first.seeded.join('\n')).toContain('演示账号');
      const ready = await fetch(`${first.urls.portal}readyz`);
      expect(ready.status).toBe(200);
      await first.stop();

      const second = await startServer(config);
      expect(second.migrated).toEqual([]);
      expect(second.seeded).toEqual([]);
      expect((await fetch(second.urls.portal)).status).toBe(200);
      await second.stop();
    } finally {
      await pgDb?.drop();
    }
  });
});
