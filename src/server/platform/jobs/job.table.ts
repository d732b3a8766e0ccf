import type { Insertable, Selectable, Updateable } from 'kysely';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A background job. A `running` job whose `locked_until` has passed is reclaimed (its worker died). */
export interface JobTable {
  id: string;
  queue: string;
  /** The handler's input, as JSON text. */
  payload: string;
  status: JobStatus;
  /** Runs started so far, counted when a worker claims the job. */
  attempts: number;
  max_attempts: number;
  /** Not run before this instant; after a failure, the retry time. */
  run_at: string;
  /** The worker holding the job while it runs. */
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
export type JobRowUpdate = Updateable<JobTable>;

declare module '../../db/schema.js' {
  interface Database {
    jobs: JobTable;
  }
}
