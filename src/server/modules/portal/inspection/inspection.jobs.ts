import type { AppContext } from '../../../platform/module.js';
import { enqueue, type JobHandler } from '../../../platform/jobs/index.js';
import { jobRepository } from '../../../platform/jobs/job.repository.js';
import type { InspectionService } from './inspection.service.js';

export const INSPECTION_QUEUE = 'portal.inspection';
const HOUR = 3_600_000;

/**
 * Queues the next run of every site's inspection unless one is queued (or running: it queues the
 * next itself). At start-up the first run is due within a minute, later ones hourly.
 */
export async function scheduleInspections(ctx: Pick<AppContext, 'db' | 'clock'>, options: { after?: 'start' | 'run' } = {}): Promise<Date | undefined> {
  const queued = (await jobRepository.listByStatus(ctx.db, 'queued')).find((job) => job.queue === INSPECTION_QUEUE);
  if (queued) return new Date(queued.run_at);
  if (options.after !== 'run' && (await jobRepository.listByStatus(ctx.db, 'running')).some((job) => job.queue === INSPECTION_QUEUE)) return undefined;
  const runAt = new Date(ctx.clock.now().getTime() + (options.after === 'run' ? HOUR : 60_000));
  await enqueue(ctx.db, { queue: INSPECTION_QUEUE, payload: {}, runAt, maxAttempts: 2 }, ctx.clock);
  return runAt;
}

/** The hourly job: inspects every site, then queues the next run (even after a failure). */
export function inspectionJobHandlers(ctx: AppContext, inspection: () => InspectionService): Record<string, JobHandler> {
  return {
    [INSPECTION_QUEUE]: async () => {
      try {
        await inspection().runAll();
      } finally {
        await scheduleInspections(ctx, { after: 'run' });
      }
    },
  };
}
