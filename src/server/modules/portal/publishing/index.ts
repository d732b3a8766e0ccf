import type { AppContext, ModulePlugin } from '../../../platform/module.js';
import type { JobHandler } from '../../../platform/jobs/index.js';

/** Sites, columns and articles with their review workflow (the editors' and reviewers' API). */
export const publishingApi: ModulePlugin = async () => {};

export function publishingJobs(_ctx: AppContext): Record<string, JobHandler> {
  return {};
}
