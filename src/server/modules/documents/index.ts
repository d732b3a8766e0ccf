import type { AppContext, PlatformModule } from '../../platform/module.js';
import './documents.audit.js';
import { documentErrors } from './documents.errors.js';
import { documentsRoutes } from './documents.routes.js';
import { renderOfficialDocument } from './render/index.js';
import { createSealService, sealApiRoutes, sealPages } from './seal/index.js';
import { createSendService, sendJobs, type FinalCopyMaker, type SendService } from './send/index.js';
import { receivingJobs, receivingRoutes, replyTargets } from './receiving.js';
import { seedDemoDocuments } from './seed/index.js';
import { documentSearchRoutes } from './search/index.js';

export { documentErrors };
export { documentPolicy, draftingPolicy, workflowPolicy, type DocumentScope, type TaskScope } from './documents.policy.js';
export type * from './documents.table.js';
export {
  createSendService,
  formatDocNumber,
  localChannel,
  type DeliveryChannel,
  type DeliveryRecipient,
  type FinalCopyMaker,
  type SendService,
} from './send/index.js';
export { receivingServices } from './receiving.js';
/** The GB/T 9704 renderer with its shipped open fonts, for other modules' formal letters (e.g. disclosure 告知书). */
export { renderOfficialDocument, type OfficialDocumentInput } from './render/index.js';

/** The final copy as the platform makes it: the GB/T 9704 renderer, then the organisation's SM2 seal. */
export function platformFinalCopy(ctx: AppContext): FinalCopyMaker {
  const seals = createSealService(ctx);
  return {
    render: (input) => renderOfficialDocument(input),
    async seal({ orgId, pdf, at, who }) {
      return (await seals.sealDocument({ orgId, pdf, at, who })).pdf;
    },
  };
}

const services = new WeakMap<AppContext, SendService>();
/** One sending service per application. */
function sendServiceOf(ctx: AppContext): SendService {
  let service = services.get(ctx);
  if (!service) services.set(ctx, (service = createSendService(ctx, { finalCopy: platformFinalCopy(ctx), replyTargets: replyTargets(ctx) })));
  return service;
}

/**
 * Official documents (公文). Sending (`send/`), receiving and filing (`receive/`, `archive/`), the
 * GB/T 9704 renderer (`render/`) and the GB/T 38540 seal (`seal/`) live in this folder; other modules
 * use only what this file exports.
 */
export const documentsModule: PlatformModule = {
  name: 'documents',
  api: async (app, { ctx }) => {
    await app.register(documentsRoutes, { send: sendServiceOf(ctx) });
    await app.register(sealApiRoutes, { ctx });
    await app.register(receivingRoutes, { ctx });
    await app.register(documentSearchRoutes, { ctx });
  },
  // The public verification page for sealed documents (/verify/document).
  pages: async (app, { ctx }) => {
    await app.register(sealPages, { ctx });
  },
  jobs: (ctx) => ({ ...sendJobs(ctx), ...receivingJobs(ctx) }),
  // Sample documents of a development deployment seeded with the demo profile (seed/).
  seed: (ctx, options) => seedDemoDocuments(ctx, options, platformFinalCopy),
  nav: [
    { key: 'documents', label: '公文', icon: 'FileTextOutlined', order: 20, roles: ['clerk', 'leader', 'staff'] },
    // Receiving and filing (workbench areas src/workbench/inbox/, src/workbench/archive/).
    { key: 'inbox', label: '收文', icon: 'InboxOutlined', order: 22, roles: ['clerk', 'leader', 'staff'] },
    { key: 'reminders', label: '催办', icon: 'FieldTimeOutlined', order: 23, roles: ['clerk', 'leader', 'staff'] },
    { key: 'archive', label: '归档', icon: 'ContainerOutlined', order: 24, roles: ['clerk', 'leader'] },
    { key: 'documents-stats', label: '公文统计', icon: 'BarChartOutlined', order: 25, roles: ['clerk', 'leader'] },
  ],
};
