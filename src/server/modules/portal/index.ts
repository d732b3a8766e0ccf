import type { FastifyRequest } from 'fastify';
import type { AppError } from '../../platform/errors/app-error.js';
import type { Locale } from '../../platform/i18n/messages.js';
import type { AppContext, PlatformModule } from '../../platform/module.js';
import { createPageCache, type PageCache } from '../../platform/views/page-cache.js';
import { createOrgService } from '../orgs/index.js';
import { organisationHome, portalRoutes } from './portal.routes.js';
import { loadHomeData } from './portal.service.js';
import { portalLocaleOf, portalSite } from './portal.site.js';
import { renderErrorDocument } from './views/error.js';
import { renderHomePage, renderOrgSections } from './views/home.js';
import { disclosureApi, disclosureJobs, disclosurePages, disclosureSealedColumns } from './disclosure/index.js';
import { inspectionApi, inspectionJobs, scheduleInspections } from './inspection/index.js';
import { acceptPortalForms, interactionApi, interactionJobs, interactionPages, interactionSealedColumns } from './interaction/index.js';
import { publishingApi, publishingJobs } from './publishing/index.js';
import { seedPortalDemo } from './seed/index.js';
import { invalidateAllSitePages, siteFastPath, sitePages } from './site/index.js';
import './portal.table.js';

export { portalMessages } from './portal.messages.js';
export type * from './portal.table.js';
export { portalEvents, type SiteChange } from './portal-events.js';
export { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalSearchKey } from './portal-search.js';
export { provideServiceDirectory, serviceItemPath, serviceSitesOf, type PublicServiceItem, type ServiceDirectory } from './services-directory.js';
export { SERVICES_ON_ONE_PAGE } from './site/views/services-page.js';

/** What other modules may do to the portal's rendered pages. */
export interface PortalPages {
  /**
   * Drops every cached portal page so the next reader gets a fresh rendering. Publishing (the portal
   * content issue) calls this when an article, column or disclosure item goes live or is withdrawn,
   * and the orgs change path should call it when an organisation's name or place changes. Other
   * nodes pick the change up within `homeMaxAgeMs` (or, later, over LISTEN/NOTIFY).
   */
  invalidate(): void;
}

/** A page older than this is re-rendered in the background on its next request. */
const homeMaxAgeMs = 5 * 60 * 1000;

const pagesByApp = new WeakMap<AppContext, PortalPages>();

/** The portal pages of the application `ctx` belongs to; undefined before the portal is registered. */
export function portalPages(ctx: AppContext): PortalPages | undefined {
  return pagesByApp.get(ctx);
}

/** The portal's HTML page for an error on a non-API path (used by the platform error handler). */
export function renderErrorPage(error: AppError, request: FastifyRequest): string | undefined {
  try {
    return renderErrorDocument({
      error,
      locale: portalLocaleOf(request),
      path: request.url.split('?')[0] ?? '/',
      requestId: String(request.id),
    });
  } catch (cause) {
    request.log.error({ err: cause }, 'portal error page failed');
    return undefined;
  }
}

export const portalModule: PlatformModule = {
  name: 'portal',
  pages: async (app, { ctx }) => {
    const site = portalSite(ctx.config);
    const orgs = createOrgService(ctx);
    const home: PageCache<Locale> = createPageCache(
      async (locale) => renderHomePage(await loadHomeData(orgs, site.rootCode), locale, site),
      {
        now: () => ctx.clock.now().getTime(),
        maxAgeMs: homeMaxAgeMs,
        vary: 'Cookie',
        onError: (error) => app.log.error({ err: error }, 'portal home page refresh failed'),
      },
    );
    pagesByApp.set(ctx, {
      invalidate: () => {
        home.invalidate();
        invalidateAllSitePages(ctx);
      },
    });
    // Plain HTML form posts (mailbox, tracking, surveys, disclosure requests) reach every site section.
    acceptPortalForms(app);
    await app.register(portalRoutes, { secureCookies: ctx.config.env === 'production' });
    await app.register(sitePages, {
      ctx,
      fallbackHome: organisationHome(home),
      mainHomeExtra: async (locale) => renderOrgSections(await loadHomeData(orgs, site.rootCode), locale),
    });
    await app.register(disclosurePages, { ctx });
    await app.register(interactionPages, { ctx });
  },
  // The site group's API: publishing (sites, columns, articles), disclosure, interaction, self-inspection.
  api: async (app, { ctx }) => {
    await app.register(publishingApi, { ctx });
    await app.register(disclosureApi, { ctx });
    await app.register(interactionApi, { ctx });
    await app.register(inspectionApi, { ctx });
  },
  fastPath: siteFastPath,
  jobs: (ctx) => ({ ...publishingJobs(ctx), ...disclosureJobs(ctx), ...interactionJobs(ctx), ...inspectionJobs(ctx) }),
  // The hourly self-inspection of every site.
  schedule: (ctx) => scheduleInspections(ctx),
  // Applicants' ID numbers, phones, addresses and e-mails of disclosure requests (SM4, blind indexes).
  sealedColumns: [...disclosureSealedColumns, ...interactionSealedColumns],
  nav: [
    { key: 'portal', label: '网站管理', icon: 'GlobalOutlined', order: 44, roles: ['editor', 'reviewer', 'it_office'] },
    { key: 'disclosure', label: '信息公开', icon: 'ReadOutlined', order: 45, roles: ['editor', 'officer', 'it_office'] },
    { key: 'interaction', label: '互动交流', icon: 'MessageOutlined', order: 46, roles: ['editor', 'reviewer', 'officer', 'staff', 'it_office'] },
    { key: 'inspection', label: '网站自查', icon: 'SafetyCertificateOutlined', order: 47, roles: ['editor', 'reviewer', 'it_office'] },
  ],
  seed: (ctx, options) => seedPortalDemo(ctx, options),
};
