import { createFileStore } from '../../../platform/files/index.js';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { contentService } from './content.service.js';
import { localChannel, type DeliveryChannel } from './delivery.js';
import { draftService } from './draft.service.js';
import { finalService } from './final.service.js';
import type { FinalCopyMaker } from './final-copy.js';
import { flowService } from './flow.service.js';
import { queryService } from './query.service.js';
import type { ReplyTargets, SendDeps } from './send.deps.js';
import { remindHandler, remindQueue } from './tasks.js';
import { workflowService } from './workflow.service.js';

export { localChannel, routeDeliveries, type DeliveryChannel, type DeliveryRecipient } from './delivery.js';
export type { FinalCopyMaker } from './final-copy.js';
export type { ReplyTargets } from './send.deps.js';
export { formatDocNumber } from './final.service.js';
export { remindQueue } from './tasks.js';

export interface SendOptions {
  readonly finalCopy: FinalCopyMaker;
  /** Channels before `local` (the exchange module's, when it exists). */
  readonly channels?: readonly DeliveryChannel[];
  /** Attachment size limit in bytes; default the configured upload limit. */
  readonly attachmentMaxBytes?: number;
  /** Checks `inReplyTo` at drafting (the receiving side's, wired by the module). */
  readonly replyTargets?: ReplyTargets;
}

/** The sending side (发文) as one service: drafting, content, flow, the final steps and the reads. */
export function createSendService(ctx: Pick<AppContext, 'db' | 'clock' | 'audit' | 'config'>, options: SendOptions) {
  const deps: SendDeps = {
    db: ctx.db,
    clock: ctx.clock,
    audit: ctx.audit,
    orgs: createOrgService(ctx),
    files: createFileStore(ctx.config, ctx.clock),
    attachmentMaxBytes: options.attachmentMaxBytes ?? ctx.config.uploadLimitMb * 1024 * 1024,
    channels: [...(options.channels ?? []), localChannel],
    finalCopy: options.finalCopy,
    replyTargets: options.replyTargets,
  };
  const drafts = draftService(deps);
  return {
    drafts,
    content: contentService(deps, drafts),
    flow: flowService(deps),
    final: finalService(deps),
    query: queryService(deps),
    workflow: workflowService(deps),
  };
}

export type SendService = ReturnType<typeof createSendService>;

/** The sending side's background jobs: 催办 reminders of open steps. */
export const sendJobs = (ctx: Pick<AppContext, 'db' | 'clock' | 'audit'>) => ({ [remindQueue]: remindHandler(ctx) });
