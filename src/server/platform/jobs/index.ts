import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { JobWorker, type JobHandler, type JobLogger } from './job-worker.js';

export { enqueue, DEFAULT_MAX_ATTEMPTS, type NewJob } from './enqueue.js';
export { JobWorker, defaultBackoffMs, type JobContext, type JobHandler, type JobLogger, type JobWorkerOptions } from './job-worker.js';
export type { JobRow, JobStatus, JobTable } from './job.table.js';

export interface WorkerDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly config: Pick<Config, 'workers'>;
  readonly logger?: JobLogger;
}

/**
 * Starts the process's job worker with `config.workers` concurrency and the given handlers by queue;
 * returns undefined (and runs nothing) when `workers` is 0. Call `stop()` on shutdown: it waits for
 * running jobs.
 */
export function startWorkers(deps: WorkerDeps, handlers: Readonly<Record<string, JobHandler>>): JobWorker | undefined {
  if (deps.config.workers <= 0) return undefined;
  const worker = new JobWorker({
    db: deps.db,
    clock: deps.clock,
    concurrency: deps.config.workers,
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  for (const [queue, handler] of Object.entries(handlers)) worker.register(queue, handler);
  worker.start();
  return worker;
}
