import { createFileStore } from '../../platform/files/index.js';
import type { JobHandler } from '../../platform/jobs/index.js';
import type { AppContext, ModulePlugin } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { createPkiService } from '../pki/index.js';
import { archiveRepository, archiveRoutes, createArchiveExport, createArchiveService, pdfPageCount } from './archive/index.js';
import {
  type FilingLookup,
  createInboxService,
  createPaperService,
  createReceiveService,
  createStatisticsService,
  receiveRoutes,
  reminderHandler,
  reminderQueue,
  statisticsRoutes,
} from './receive/index.js';
import { verifySealedPdf } from './seal/index.js';

/**
 * Receiving (收文), filing (归档) and the statistics, wired for an application: receiving learns what
 * is filed through `FilingLookup`, so receive/ never imports archive/ (archive/ uses receive/).
 */
export function receivingServices(ctx: AppContext) {
  const orgs = createOrgService(ctx);
  const files = createFileStore(ctx.config, ctx.clock);
  const pki = createPkiService(ctx, { keys: ctx.keys });
  const filing: FilingLookup = {
    async archiveOf(incomingId) {
      const row = await archiveRepository.findByIncoming(ctx.db, incomingId);
      return row && { id: row.id, archivalCode: row.archival_code };
    },
    filedAmong: (ids) => archiveRepository.filedIncoming(ctx.db, ids),
  };
  const base = { db: ctx.db, clock: ctx.clock, audit: ctx.audit, orgs };
  return {
    orgs,
    files,
    receive: createReceiveService({ ...base, filing }),
    inbox: createInboxService({ ...base, filing }),
    paper: createPaperService({ ...base, files, countPages: pdfPageCount }),
    archive: createArchiveService({
      ...base,
      files,
      verifyPdf: (pdf) => verifySealedPdf(pdf, { verifyCertificate: (certificate, options) => pki.verifyCertificate(certificate, options), at: ctx.clock.now() }),
    }),
    exporter: createArchiveExport({ ...base, files, signing: ctx.keys.signing }),
    statistics: createStatisticsService(base),
  };
}

/** Every route of receiving, filing and the statistics (mounted by index.ts under /api/v1). */
export const receivingRoutes: ModulePlugin = async (app, { ctx }) => {
  const services = receivingServices(ctx);
  await app.register(receiveRoutes, { ...services, db: ctx.db, uploadLimitBytes: ctx.config.uploadLimitMb * 1024 * 1024 });
  await app.register(archiveRoutes, services);
  await app.register(statisticsRoutes, services);
};

/** The job handlers of receiving: automatic 催办. */
export function receivingJobs(ctx: AppContext): Record<string, JobHandler> {
  return { [reminderQueue]: reminderHandler(ctx) };
}
