import path from 'node:path';
import type { Config } from '../../config.js';
import type { Db, Dialect } from '../../db/database.js';
import { systemClock, type Clock } from '../clock.js';
import { enqueue, type JobHandler, type JobLogger } from '../jobs/index.js';
import { jobRepository } from '../jobs/job.repository.js';
import { backupDirOf, createBackup, listBackups, type BackupSettings } from './backup.js';
import { readManifest } from './manifest.js';

export const BACKUP_QUEUE = 'platform.backup';

export interface BackupJobDeps {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly config: Readonly<BackupSettings & Pick<Config, 'backupEveryHours'>>;
  readonly clock?: Clock;
  readonly logger?: Pick<JobLogger, 'warn'> & { info?(details: object, message: string): void };
}

const HOUR = 3_600_000;

/**
 * The scheduled backup's job handler, by queue, for the job worker. Each run makes a backup
 * (and its off-site copy) and queues the next run `backupEveryHours` later.
 */
export function backupJobs(deps: BackupJobDeps): Record<string, JobHandler> {
  const clock = deps.clock ?? systemClock;
  return {
    [BACKUP_QUEUE]: async () => {
      try {
        const location = deps.dialect === 'sqlite' ? path.join(deps.config.dataDir, 'hinggan.sqlite') : '';
        const database = { db: deps.db, dialect: deps.dialect, location, destroy: async () => undefined };
        const result = await createBackup(database, deps.config, { clock });
        deps.logger?.info?.({ dir: result.dir, offsite: result.offsiteDir, bytes: result.bytes, seconds: result.seconds }, '定时备份完成');
      } finally {
        // Even after a failure the schedule goes on; the failed run itself is retried by the worker.
        await scheduleBackups(deps, { after: 'run' });
      }
    },
  };
}

/**
 * Queues the next scheduled backup unless one is already queued; nothing when `backupEveryHours`
 * is 0. At start-up the next run is due one interval after the newest backup in the backup folder
 * (at once if that has passed; within the hour when there is none yet); after a run, one interval on.
 * Returns when it is due, or undefined.
 */
export async function scheduleBackups(deps: BackupJobDeps, options: { after?: 'start' | 'run' } = {}): Promise<Date | undefined> {
  const every = deps.config.backupEveryHours * HOUR;
  if (every <= 0) return undefined;
  const clock = deps.clock ?? systemClock;
  const queued = (await jobRepository.listByStatus(deps.db, 'queued')).find((job) => job.queue === BACKUP_QUEUE);
  if (queued) return new Date(queued.run_at);
  if (options.after !== 'run') {
    const running = (await jobRepository.listByStatus(deps.db, 'running')).some((job) => job.queue === BACKUP_QUEUE);
    if (running) return undefined; // That run queues the next one when it ends.
  }
  const now = clock.now().getTime();
  let due = now + every;
  if (options.after !== 'run') {
    const newest = (await listBackups(backupDirOf(deps.config))).at(-1);
    const last = newest ? await readManifest(newest).then((m) => Date.parse(m.createdAt)).catch(() => undefined) : undefined;
    due = last === undefined ? now + Math.min(every, HOUR) : Math.max(now, last + every);
  }
  const runAt = new Date(due);
  await enqueue(deps.db, { queue: BACKUP_QUEUE, payload: {}, runAt, maxAttempts: 3 }, clock);
  return runAt;
}
