import type { Db } from '../../db/database.js';
import type { Clock } from '../clock.js';
import { enqueue, type JobHandler, type JobLogger } from '../jobs/index.js';
import type { AuditLog } from './audit-log.js';
import { auditRepository } from './audit.repository.js';
import { shipAuditEvents, type AuditSink } from './sinks.js';

export const auditQueues = { checkpoint: 'audit.checkpoint', ship: 'audit.ship' } as const;

export interface AuditJobDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log: AuditLog;
  readonly sinks: readonly AuditSink[];
  readonly logger?: JobLogger;
  /** How often the hourly-checkpoint check runs; default 10 min, so no checkpoint is much over an hour old. */
  readonly checkpointCheckMs?: number;
  /** How often events are shipped to the sinks; default 15 s. */
  readonly shipEveryMs?: number;
}

/**
 * Queues the next run of a self-scheduling audit job unless one is already waiting, so a retry or a
 * second node never doubles the schedule.
 */
async function scheduleNext(deps: AuditJobDeps, queue: string, delayMs: number, exceptId?: string): Promise<void> {
  if (await auditRepository.jobPending(deps.db, queue, exceptId)) return;
  await enqueue(deps.db, { queue, payload: {}, runAt: new Date(deps.clock.now().getTime() + delayMs), maxAttempts: 1 }, deps.clock);
}

/**
 * The audit log's background work, by queue, for the job worker: the hourly checkpoint, and shipping
 * to the configured sinks. Each run schedules the next; call `scheduleAuditJobs` once at start-up.
 * Failures are logged, never thrown: the sink cursor makes the next run pick up where this one stopped.
 */
export function auditJobs(deps: AuditJobDeps): Record<string, JobHandler> {
  const checkpointMs = deps.checkpointCheckMs ?? 10 * 60_000;
  const shipMs = deps.shipEveryMs ?? 15_000;
  return {
    [auditQueues.checkpoint]: async (_payload, job) => {
      try {
        await deps.log.ensureHourlyCheckpoint(deps.db);
      } catch (error) {
        deps.logger?.error({ err: error }, '审计检查点签署失败');
      }
      await scheduleNext(deps, auditQueues.checkpoint, checkpointMs, job.id);
    },
    [auditQueues.ship]: async (_payload, job) => {
      for (const sink of deps.sinks) {
        try {
          await shipAuditEvents(deps.db, sink, { clock: deps.clock });
        } catch (error) {
          deps.logger?.warn({ err: error, sink: sink.name }, '审计记录外送失败，稍后重试');
        }
      }
      await scheduleNext(deps, auditQueues.ship, shipMs, job.id);
    },
  };
}

/** Queues the first run of each audit job (idempotent). */
export async function scheduleAuditJobs(deps: AuditJobDeps): Promise<void> {
  await scheduleNext(deps, auditQueues.checkpoint, 0);
  if (deps.sinks.length) await scheduleNext(deps, auditQueues.ship, 0);
}
