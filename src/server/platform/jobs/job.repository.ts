import type { DbOrTrx } from '../../db/database.js';
import { dialectOf } from '../../db/database.js';
import type { JobRow, JobStatus, NewJobRow } from './job.table.js';

export interface ClaimRequest {
  readonly queues: readonly string[];
  readonly workerId: string;
  readonly now: string;
  readonly lockedUntil: string;
  readonly limit: number;
}

export const jobRepository = {
  async insert(db: DbOrTrx, row: NewJobRow): Promise<void> {
    await db.insertInto('jobs').values(row).execute();
  },

  findById(db: DbOrTrx, id: string): Promise<JobRow | undefined> {
    return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  listByStatus(db: DbOrTrx, status: JobStatus): Promise<JobRow[]> {
    return db.selectFrom('jobs').selectAll().where('status', '=', status).orderBy('run_at').orderBy('id').execute();
  },

  /**
   * Atomically marks up to `limit` due jobs of the given queues as running for this worker and
   * returns them: queued jobs whose `run_at` has come, and running jobs whose lock has expired.
   * PostgreSQL: the inner SELECT takes row locks with SKIP LOCKED, so concurrent workers claim
   * disjoint sets. SQLite: one UPDATE statement runs under the single writer lock, so it is atomic.
   */
  claim(db: DbOrTrx, request: ClaimRequest): Promise<JobRow[]> {
    const { queues, workerId, now, lockedUntil, limit } = request;
    if (queues.length === 0 || limit <= 0) return Promise.resolve([]);
    const postgres = dialectOf(db) === 'postgres';
    return db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: lockedUntil,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', (eb) => {
        const due = eb
          .selectFrom('jobs')
          .select('id')
          .where('queue', 'in', queues)
          .where((w) =>
            w.or([
              w.and([w('status', '=', 'queued'), w('run_at', '<=', now)]),
              w.and([w('status', '=', 'running'), w('locked_until', '<', now)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit);
        return postgres ? due.forUpdate().skipLocked() : due;
      })
      .returningAll()
      .execute();
  },

  /** Keeps a running job's lock; false when the worker no longer holds it. */
  async extendLock(db: DbOrTrx, id: string, workerId: string, lockedUntil: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({ locked_until: lockedUntil, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /**
   * Ends a run held by `workerId`: done, failed for good, or queued again at `runAt`.
   * Does nothing if the lock was lost (another worker reclaimed the job).
   */
  async finish(
    db: DbOrTrx,
    id: string,
    workerId: string,
    outcome: { status: 'done' | 'failed' | 'queued'; now: string; runAt?: string; error?: string },
  ): Promise<boolean> {
    const result = await db
      .updateTable('jobs')
      .set({
        status: outcome.status,
        locked_by: null,
        locked_until: null,
        updated_at: outcome.now,
        ...(outcome.runAt ? { run_at: outcome.runAt } : {}),
        ...(outcome.error !== undefined ? { last_error: outcome.error } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('locked_by', '=', workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};
