import type { AppContext, ModulePlugin } from '../../../platform/module.js';
import type { JobHandler } from '../../../platform/jobs/index.js';
import { catalogueRoutes } from './catalogue.routes.js';
import { createCatalogueService } from './catalogue.service.js';
import { disclosureDeps } from './disclosure.deps.js';
import { disclosurePageRoutes } from './pages/disclosure.pages.js';
import { createPublicDisclosure } from './public.service.js';
import { createReportService } from './report.service.js';
import { disclosureReminderHandler, disclosureReminderQueue } from './request.reminders.js';
import { requestRoutes } from './request.routes.js';
import { createRequestService } from './request.service.js';
import './disclosure.table.js';

export { disclosureSealedColumns } from './request.personal.js';
export { disclosureErrors } from './disclosure.errors.js';

/** Public submissions and tracking look-ups per client and minute (API and form). */
const publicPerMinute = 20;

/** The services of an application (one set per context). */
export function disclosureServices(ctx: AppContext) {
  const deps = disclosureDeps(ctx);
  return { deps, catalogue: createCatalogueService(deps), requests: createRequestService(deps), reports: createReportService(deps) };
}

/** Government information disclosure (政府信息公开): catalogue, requests, annual reports. */
export const disclosureApi: ModulePlugin = async (app, { ctx }) => {
  const { catalogue, requests, reports } = disclosureServices(ctx);
  await app.register(catalogueRoutes, { catalogue, uploadLimitBytes: ctx.config.uploadLimitMb * 1024 * 1024 });
  await app.register(requestRoutes, { requests, reports, publicPerMinute });
};

/** The public disclosure platform of every site: /{prefix}/disclosure/…, the request form and tracking. */
export const disclosurePages: ModulePlugin = async (app, { ctx }) => {
  const { deps, requests } = disclosureServices(ctx);
  await app.register(disclosurePageRoutes, { ctx, publicView: createPublicDisclosure(deps), requests, publicPerMinute });
};

export function disclosureJobs(ctx: AppContext): Record<string, JobHandler> {
  return { [disclosureReminderQueue]: disclosureReminderHandler(ctx) };
}
