import { AppError } from '../../platform/errors/app-error.js';
import { createFileStore } from '../../platform/files/index.js';
import { can } from '../../platform/policy/index.js';
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
  incomingPolicy,
  loadItem,
  OrgLookup,
  receiveRoutes,
  scopeOf,
  reminderHandler,
  reminderQueue,
  statisticsRoutes,
} from './receive/index.js';
import { verifySealedPdf } from './seal/index.js';
import type { ReplyTargets } from './send/index.js';

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

/**
 * What the sending side asks when a draft answers an incoming document (`inReplyTo`): the drafter must
 * be able to read that inbox item. A missing item and one he may not see get the same answer.
 */
export function replyTargets(ctx: AppContext): ReplyTargets {
  const orgs = createOrgService(ctx);
  return {
    async assertAnswerable(actor, incomingId) {
      const item = await loadItem(ctx.db, incomingId, async () => false).catch(() => undefined);
      if (!item || !can(actor, incomingPolicy, 'read', await scopeOf(new OrgLookup(orgs), item))) {
        throw new AppError('documents.reply_target_invalid', { details: { inReplyTo: incomingId } });
      }
    },
  };
}

/** The job handlers of receiving: automatic 催办. */
export function receivingJobs(ctx: AppContext): Record<string, JobHandler> {
  return { [reminderQueue]: reminderHandler(ctx) };
}
