import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipPostgres, testDialects } from '../../../../test/support/db.js';
import type { Config } from '../../config.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { FixedClock } from '../clock.js';
import { jobRepository } from '../jobs/job.repository.js';
import { BACKUP_QUEUE, backupJobs, createBackup, listBackups, scheduleBackups, verifyBackup } from './index.js';
import { testDeployment } from './backup.testing.js';

describe.each(testDialects)('scheduled backups, retention and the off-site copy [%s]', (dialect) => {
  if (dialect === 'postgres' && skipPostgres) return void it.skip('PostgreSQL unreachable', () => undefined);
  let config: Readonly<Config>;
  let drop: () => Promise<void>;
  let database: DatabaseHandle;
  const offsite = mkdtempSync(path.join(tmpdir(), 'hg-offsite-'));
  const clock = new FixedClock('2026-03-01T02:00:00Z');

  beforeAll(async () => {
    ({ config, drop } = await testDeployment(dialect, { HINGGAN_BACKUP_KEEP: '2', HINGGAN_BACKUP_OFFSITE_DIR: offsite, HINGGAN_BACKUP_EVERY_HOURS: '6' }));
    database = await openDatabase(config);
    await migrateToLatest(database.db);
  });
  afterAll(async () => {
    await database.destroy();
    await drop();
  });

  it('keeps the newest N backups in both places and checks the off-site copy', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(3_600_000);
      made.push(await createBackup(database, config, { clock }));
    }
    const local = await listBackups(path.join(config.dataDir, 'backups'));
    expect(local).toEqual(made.slice(1).map((b) => b.dir));
    expect((await readdir(offsite)).sort()).toEqual(made.slice(1).map((b) => path.basename(b.dir)));
    expect(made[2]!.removed.map((d) => path.basename(d))).toEqual([path.basename(made[0]!.dir), path.basename(made[0]!.dir)]);
    await expect(verifyBackup(made[2]!.offsiteDir!)).resolves.toMatchObject({ dialect });
  });

  it('queues the first run one interval after the newest backup, and each run queues the next', async () => {
    const due = await scheduleBackups({ db: database.db, dialect, config, clock });
    expect(due?.toISOString()).toBe('2026-03-01T11:00:00.000Z'); // newest backup 05:00 + 6 h
    expect(await scheduleBackups({ db: database.db, dialect, config, clock })).toEqual(due); // not twice

    const queued = (await jobRepository.listByStatus(database.db, 'queued')).filter((j) => j.queue === BACKUP_QUEUE);
    expect(queued).toHaveLength(1);
    await database.db.deleteFrom('jobs').execute(); // as if the worker had claimed it
    clock.set('2026-03-01T11:00:00Z');
    await backupJobs({ db: database.db, dialect, config, clock })[BACKUP_QUEUE]!({}, { id: 'x', queue: BACKUP_QUEUE, attempt: 1, maxAttempts: 3 });

    const newest = (await listBackups(path.join(config.dataDir, 'backups'))).at(-1)!;
    expect((await verifyBackup(newest)).createdAt).toBe('2026-03-01T11:00:00.000Z');
    const next = (await jobRepository.listByStatus(database.db, 'queued')).filter((j) => j.queue === BACKUP_QUEUE);
    expect(next.map((j) => j.run_at)).toEqual(['2026-03-01T17:00:00.000Z']);
  });

  it('schedules nothing when the interval is 0', async () => {
    await database.db.deleteFrom('jobs').execute();
    expect(await scheduleBackups({ db: database.db, dialect, config: { ...config, backupEveryHours: 0 }, clock })).toBeUndefined();
    expect(await jobRepository.listByStatus(database.db, 'queued')).toEqual([]);
  });
});
