import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { createAuditLog } from '../../src/server/platform/audit/index.js';
import { tamper } from '../../src/server/platform/audit/audit.testing.js';
import { systemClock } from '../../src/server/platform/clock.js';
import { loadPlatformKeys } from '../../src/server/platform/keys.js';
import { hinggan } from '../support/cli.js';

describe('hinggan audit', () => {
  let env: Record<string, string>;

  /** Opens the deployment's SQLite database as the platform would, with its key file. */
  async function withDeployment(work: (db: Awaited<ReturnType<typeof openDatabase>>['db'], log: ReturnType<typeof createAuditLog>) => Promise<void>) {
    const config = loadConfig({ ...env, HINGGAN_ENV: 'test' });
    const database = await openDatabase(config);
    try {
      await migrateToLatest(database.db);
      const log = createAuditLog({ signing: loadPlatformKeys(config).signing, clock: systemClock, checkpointEvery: 4 });
      await work(database.db, log);
    } finally {
      await database.destroy();
    }
  }

  beforeAll(async () => {
    env = { HINGGAN_DATA_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'hg-audit-cli-')), 'data') };
    await withDeployment(async (db, log) => {
      for (let n = 1; n <= 10; n++) {
        await db.transaction().execute((trx) => log.append(trx, { action: 'auth.sign_in', actorName: `u${n}`, details: { method: 'password' } }));
      }
    });
  });

  it('verify exits 0 on an intact log', () => {
    const result = hinggan(['audit', 'verify'], env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('审计日志完整：10 条记录');
  });

  it('verify exits 1 with one Chinese line naming the seq of a tampered record', async () => {
    await withDeployment((db) => tamper(db, `update audit_events set actor_name = 'someone' where seq = 6`));
    const result = hinggan(['audit', 'verify'], env);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['hinggan: 审计日志校验失败：审计记录 seq 6 已被篡改（哈希不符）']);
  });

  it('purge refuses a retention under 180 days as a configuration error', () => {
    const result = hinggan(['audit', 'purge'], { ...env, HINGGAN_AUDIT_RETENTION_DAYS: '30' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('HINGGAN_AUDIT_RETENTION_DAYS');
  });
});
