import type { JobHandler } from '../../../platform/jobs/index.js';
import { createFileStore } from '../../../platform/files/index.js';
import type { AppContext, ModulePlugin } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { inspectionJobHandlers, scheduleInspections } from './inspection.jobs.js';
import { inspectionRoutes } from './inspection.routes.js';
import { createInspectionService, type InspectionService } from './inspection.service.js';
import { interactionMessagesSource } from './messages-source.js';
import { serviceDirectoryOf } from '../services-directory.js';
import { injectFetch, pageFetchOf, registerPageFetch } from './probe.js';

export { INSPECTION_QUEUE, scheduleInspections } from './inspection.jobs.js';
export { inspectionErrors } from './inspection.errors.js';
export type { InspectionService } from './inspection.service.js';

const services = new WeakMap<AppContext, InspectionService>();

/** The application's self-inspection service (one per `ctx`). */
export function inspectionService(ctx: AppContext): InspectionService {
  let service = services.get(ctx);
  if (!service) {
    const publicHost = ctx.config.publicUrl ? new URL(ctx.config.publicUrl).hostname : undefined;
    service = createInspectionService({
      db: ctx.db,
      clock: ctx.clock,
      audit: ctx.audit,
      orgs: createOrgService(ctx),
      files: createFileStore(ctx.config, ctx.clock),
      sharedHosts: ['localhost', '127.0.0.1', ...(publicHost ? [publicHost] : [])],
      messages: interactionMessagesSource,
      services: () => serviceDirectoryOf(ctx),
      fetch: () => pageFetchOf(ctx),
    });
    services.set(ctx, service);
  }
  return service;
}

/**
 * Self-inspection (自查): the national website inspection indicators, computed for every site. The
 * plugin also lends the scheduled job the application's in-process page fetch for the speed probe.
 */
export const inspectionApi: ModulePlugin = async (app, { ctx }) => {
  registerPageFetch(ctx, injectFetch(app));
  await app.register(inspectionRoutes, { inspection: inspectionService(ctx) });
};

/** The hourly inspection of every site. Its first run is queued by `scheduleInspections(ctx)` at start-up. */
export function inspectionJobs(ctx: AppContext): Record<string, JobHandler> {
  return inspectionJobHandlers(ctx, () => inspectionService(ctx));
}

/** Queues the first run at start-up (main.ts, once the worker runs). */
export const startInspections = (ctx: AppContext) => scheduleInspections(ctx);
