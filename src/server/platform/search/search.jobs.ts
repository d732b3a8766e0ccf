import type { Db, Dialect } from '../../db/database.js';
import { systemClock, type Clock } from '../clock.js';
import { enqueue, type JobHandler, type JobLogger } from '../jobs/index.js';
import { jobRepository } from '../jobs/job.repository.js';
import { createSearch } from './search.js';

export const SEARCH_MAINTENANCE_QUEUE = 'platform.searchOptimize';

export interface SearchJobDeps {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly clock?: Clock;
  readonly logger?: Pick<JobLogger, 'warn'> & { info?(details: object, message: string): void };
}

/** The nightly maintenance runs at this hour, China Standard Time (UTC+8, no daylight saving). */
const HOUR_CST = 3;
const HOUR = 3_600_000;

/** The next 03:00 Beijing time at least a minute after `now`. */
export function nextMaintenanceAt(now: Date): Date {
  const day = 24 * HOUR;
  // 03:00 CST is 19:00 UTC the day before.
  const offset = ((HOUR_CST - 8 + 24) % 24) * HOUR;
  let at = Math.floor(now.getTime() / day) * day + offset;
  while (at < now.getTime() + 60_000) at += day;
  return new Date(at);
}

/**
 * The search indexes' nightly maintenance: SQLite merges each FTS5 index into one segment (writes
 * made one by one during the day leave many, and every query seeks each of them), PostgreSQL moves
 * GIN's pending entries into the index. Then the next night's run is queued, even after a failure.
 */
export function searchJobs(deps: SearchJobDeps): Record<string, JobHandler> {
  return {
    [SEARCH_MAINTENANCE_QUEUE]: async () => {
      try {
        const began = performance.now();
        await createSearch({ db: deps.db, dialect: deps.dialect }).optimize(deps.db);
        deps.logger?.info?.({ seconds: Math.round(performance.now() - began) / 1000 }, '检索索引整理完成');
      } finally {
        await scheduleSearchMaintenance(deps, { after: 'run' });
      }
    },
  };
}

/**
 * Queues the next nightly maintenance unless one is queued (or, at start-up, running): due at the
 * next 03:00 Beijing time. Several nodes may call it. Returns when it is due, or undefined.
 */
export async function scheduleSearchMaintenance(deps: SearchJobDeps, options: { after?: 'start' | 'run' } = {}): Promise<Date | undefined> {
  const clock = deps.clock ?? systemClock;
  const queued = (await jobRepository.listByStatus(deps.db, 'queued')).find((job) => job.queue === SEARCH_MAINTENANCE_QUEUE);
  if (queued) return new Date(queued.run_at);
  if (options.after !== 'run' && (await jobRepository.listByStatus(deps.db, 'running')).some((job) => job.queue === SEARCH_MAINTENANCE_QUEUE)) return undefined;
  const runAt = nextMaintenanceAt(clock.now());
  await enqueue(deps.db, { queue: SEARCH_MAINTENANCE_QUEUE, payload: {}, runAt, maxAttempts: 3 }, clock);
  return runAt;
}
