import type { DbOrTrx } from '../../db/database.js';
import { systemClock, type Clock } from '../clock.js';
import { newId } from '../ids.js';
import { jobRepository } from './job.repository.js';

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface NewJob<P = unknown> {
  /** The queue, i.e. which registered handler runs it, e.g. `supervision.inspectSite`. */
  readonly queue: string;
  /** Handler input; must survive JSON (no Dates, Maps or functions). */
  readonly payload: P;
  /** Not before this instant; defaults to now. */
  readonly runAt?: Date;
  /** Runs before giving up, counting the first; defaults to 5. */
  readonly maxAttempts?: number;
}

/**
 * Queues a job and returns its id. Pass the caller's transaction to commit the job together with
 * the business write that caused it: if the transaction rolls back, the job never existed.
 */
export async function enqueue<P>(db: DbOrTrx, job: NewJob<P>, clock: Clock = systemClock): Promise<string> {
  const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be ≥ 1: ${maxAttempts}`);
  const payload = JSON.stringify(job.payload);
  if (payload === undefined) throw new TypeError(`job payload for ${job.queue} is not JSON-serialisable`);
  const now = clock.now().toISOString();
  const id = newId();
  await jobRepository.insert(db, {
    id,
    queue: job.queue,
    payload,
    status: 'queued',
    attempts: 0,
    max_attempts: maxAttempts,
    run_at: job.runAt ? job.runAt.toISOString() : now,
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: now,
    updated_at: now,
  });
  return id;
}
