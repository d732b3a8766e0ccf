import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../../db/database.js';
import { systemClock, type Clock } from '../clock.js';
import { jobRepository } from './job.repository.js';
import type { JobRow } from './job.table.js';

/** What a handler learns about the run besides its payload. */
export interface JobContext {
  readonly id: string;
  readonly queue: string;
  /** 1 for the first run. */
  readonly attempt: number;
  readonly maxAttempts: number;
}

/**
 * Runs one job. Throwing (or rejecting) schedules a retry until the attempts are used up. The payload
 * is parsed JSON, not checked: validate it (e.g. with a zod schema) if its shape may have changed.
 * A job may run again after a crash or a lost lock, so handlers must be idempotent.
 */
export type JobHandler<P = unknown> = (payload: P, job: JobContext) => Promise<void>;

/** The part of a pino/Fastify logger the worker uses. */
export interface JobLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobWorkerOptions {
  readonly db: Db;
  readonly clock?: Clock;
  /** Jobs run at the same time by this worker; default 1. */
  readonly concurrency?: number;
  /** Wait between polls when idle, in ms; default 1000. */
  readonly pollMs?: number;
  /** How long a claim holds before another worker may reclaim the job; renewed while running. Default 5 min. */
  readonly lockMs?: number;
  /** Delay before retry `attempt + 1`; default 10 s × 2^(attempt−1), at most 1 h. */
  readonly backoffMs?: (attempt: number) => number;
  readonly workerId?: string;
  readonly logger?: JobLogger;
}

/** Exponential backoff: 10 s, 20 s, 40 s, … capped at one hour. */
export const defaultBackoffMs = (attempt: number): number => Math.min(10_000 * 2 ** (attempt - 1), 3_600_000);

const describeError = (error: unknown): string =>
  (error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)).slice(0, 4000);

/**
 * An in-process job runner. It polls the `jobs` table, atomically claims due jobs of the queues it
 * has handlers for, and runs them; any number of workers (in this or other processes) may share a
 * database without running a job twice. Jobs whose lock expired — their worker died — are reclaimed.
 */
export class JobWorker {
  readonly id: string;
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #concurrency: number;
  readonly #pollMs: number;
  readonly #lockMs: number;
  readonly #backoffMs: (attempt: number) => number;
  readonly #logger: JobLogger | undefined;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #inFlight = new Set<Promise<void>>();
  #started = false;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;

  constructor(options: JobWorkerOptions) {
    this.#db = options.db;
    this.#clock = options.clock ?? systemClock;
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
    this.#pollMs = options.pollMs ?? 1000;
    this.#lockMs = options.lockMs ?? 5 * 60_000;
    this.#backoffMs = options.backoffMs ?? defaultBackoffMs;
    this.#logger = options.logger;
    this.id = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  /** Sets the handler for a queue; register before `start()`. */
  register<P>(queue: string, handler: JobHandler<P>): this {
    if (this.#handlers.has(queue)) throw new Error(`job queue ${queue} already has a handler`);
    this.#handlers.set(queue, handler as JobHandler);
    return this;
  }

  /** Starts polling. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#poll();
  }

  /** Stops polling and resolves once the jobs already running have finished. */
  async stop(): Promise<void> {
    this.#started = false;
    clearTimeout(this.#timer);
    await this.#polling;
    await Promise.allSettled([...this.#inFlight]);
  }

  /**
   * Claims the jobs due now (as many as free slots allow), runs them and waits; returns how many ran.
   * For tests and one-off runs (e.g. the CLI), without `start()`.
   */
  async tick(): Promise<number> {
    const runs = await this.#claimAndRun();
    await Promise.allSettled(runs);
    return runs.length;
  }

  #poll(): void {
    if (!this.#started || this.#polling) return;
    clearTimeout(this.#timer);
    this.#polling = this.#claimAndRun()
      .then(() => undefined)
      .catch((error: unknown) => this.#logger?.error({ err: error, worker: this.id }, '后台任务领取失败'))
      .finally(() => {
        this.#polling = undefined;
        if (this.#started) this.#timer = setTimeout(() => this.#poll(), this.#pollMs);
      });
  }

  async #claimAndRun(): Promise<Promise<void>[]> {
    const free = this.#concurrency - this.#inFlight.size;
    if (free <= 0) return [];
    const now = this.#clock.now();
    const rows = await jobRepository.claim(this.#db, {
      queues: [...this.#handlers.keys()],
      workerId: this.id,
      now: now.toISOString(),
      lockedUntil: new Date(now.getTime() + this.#lockMs).toISOString(),
      limit: free,
    });
    return rows.map((row) => {
      const run = this.#run(row).finally(() => {
        this.#inFlight.delete(run);
        this.#poll(); // A slot is free: look for more work now rather than at the next interval.
      });
      this.#inFlight.add(run);
      return run;
    });
  }

  async #run(job: JobRow): Promise<void> {
    const handler = this.#handlers.get(job.queue)!;
    if (job.attempts > job.max_attempts) {
      // Reclaimed after its worker died during the last allowed attempt.
      await this.#finish(job, { status: 'failed', error: job.last_error ?? '最后一次运行时工作进程中断（锁已过期）' });
      return;
    }
    const heartbeat = setInterval(() => void this.#extendLock(job), Math.max(10, Math.floor(this.#lockMs / 3)));
    try {
      const context: JobContext = { id: job.id, queue: job.queue, attempt: job.attempts, maxAttempts: job.max_attempts };
      await handler(JSON.parse(job.payload) as unknown, context);
      clearInterval(heartbeat);
      await this.#finish(job, { status: 'done' });
    } catch (error) {
      clearInterval(heartbeat);
      const last = job.attempts >= job.max_attempts;
      this.#logger?.warn({ err: error, job: job.id, queue: job.queue, attempt: job.attempts }, last ? '后台任务失败' : '后台任务出错，稍后重试');
      const runAt = last ? undefined : new Date(this.#clock.now().getTime() + this.#backoffMs(job.attempts)).toISOString();
      await this.#finish(job, { status: last ? 'failed' : 'queued', error: describeError(error), runAt });
    }
  }

  async #finish(job: JobRow, outcome: { status: 'done' | 'failed' | 'queued'; error?: string; runAt?: string | undefined }): Promise<void> {
    try {
      const held = await jobRepository.finish(this.#db, job.id, this.id, {
        status: outcome.status,
        now: this.#clock.now().toISOString(),
        ...(outcome.runAt ? { runAt: outcome.runAt } : {}),
        ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      });
      if (!held) this.#logger?.warn({ job: job.id, queue: job.queue }, '后台任务的锁已被其他工作进程接管，结果未记录');
    } catch (error) {
      // The lock will expire and the job be reclaimed; the handler must be idempotent anyway.
      this.#logger?.error({ err: error, job: job.id }, '后台任务结果写入失败');
    }
  }

  async #extendLock(job: JobRow): Promise<void> {
    const now = this.#clock.now();
    const until = new Date(now.getTime() + this.#lockMs).toISOString();
    await jobRepository.extendLock(this.#db, job.id, this.id, until, now.toISOString()).catch((error: unknown) => {
      this.#logger?.warn({ err: error, job: job.id }, '后台任务续锁失败');
    });
  }
}
