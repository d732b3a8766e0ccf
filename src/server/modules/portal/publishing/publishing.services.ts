import { createFileStore } from '../../../platform/files/index.js';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { articleFileService } from './article-files.service.js';
import { articleQueryService } from './article-query.service.js';
import { articleService } from './article.service.js';
import { columnService } from './column.service.js';
import type { PublishingDeps } from './publishing.deps.js';
import { siteService } from './site.service.js';
import { workflowService } from './workflow.service.js';

/** Picture size limit (cover, pictures in the body). */
const imageMaxBytes = 10 * 1024 * 1024;

/** Publishing as one service: sites, columns, articles, files, the workflow and the lists. */
export function createPublishingService(ctx: AppContext) {
  const deps: PublishingDeps = {
    db: ctx.db,
    clock: ctx.clock,
    audit: ctx.audit,
    orgs: createOrgService(ctx),
    files: createFileStore(ctx.config, ctx.clock),
    ctx,
    attachmentMaxBytes: ctx.config.uploadLimitMb * 1024 * 1024,
    imageMaxBytes: Math.min(imageMaxBytes, ctx.config.uploadLimitMb * 1024 * 1024),
  };
  const articles = articleService(deps);
  return {
    sites: siteService(deps),
    columns: columnService(deps),
    articles,
    files: articleFileService(deps),
    workflow: workflowService(deps),
    query: articleQueryService(deps, articles),
  };
}

export type PublishingServices = ReturnType<typeof createPublishingService>;
