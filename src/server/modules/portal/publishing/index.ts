import type { JobHandler } from '../../../platform/jobs/index.js';
import type { AppContext, ModulePlugin } from '../../../platform/module.js';
import { articleRoutes } from './article.routes.js';
import './publishing.audit.js';
import './publishing.errors.js';
import { createPublishingService, type PublishingServices } from './publishing.services.js';
import { siteRoutes } from './site.routes.js';
import { publishDueHandler, publishDueQueue } from './workflow.service.js';

export { createPublishingService, type PublishingServices } from './publishing.services.js';
export type { Acting } from './publishing.deps.js';
export { publishingErrors } from './publishing.errors.js';
export { articlePolicy, sitePolicy } from './publishing.policy.js';
export { portalFilePath, sanitizeArticleBody } from './article-body.js';
export { articleChangePaths, articlePagePath, columnPagePath } from './public-paths.js';
export { publishDueQueue } from './workflow.service.js';

const services = new WeakMap<AppContext, PublishingServices>();
/** One publishing service per application. */
export function publishingServiceOf(ctx: AppContext): PublishingServices {
  let service = services.get(ctx);
  if (!service) services.set(ctx, (service = createPublishingService(ctx)));
  return service;
}

/** Sites, columns and articles with their review workflow (the editors' and reviewers' API). */
export const publishingApi: ModulePlugin = async (app, { ctx }) => {
  const services = publishingServiceOf(ctx);
  await app.register(siteRoutes, { services });
  await app.register(articleRoutes, { services });
};

/** The scheduled-publication job (`portal.publishDue`). */
export function publishingJobs(ctx: AppContext): Record<string, JobHandler> {
  return { [publishDueQueue]: publishDueHandler(() => publishingServiceOf(ctx).workflow) };
}
