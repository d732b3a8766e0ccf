/**
 * The public pages of every site of the group: routing by host name and path, templates, the page
 * cache, feeds. Other portal areas render their public pages through this front door:
 *
 * ```ts
 * import { registerSiteSection, renderSitePage } from '../site/index.js';
 * // in disclosurePages (a ModulePlugin receiving { ctx }):
 * registerSiteSection(ctx, 'disclosure', async (at, request, reply) => {
 *   // at.site (PublicSite: id, orgId, names…), at.locale, at.elder, at.base, at.rest ('/disclosure/…')
 *   const html = renderSitePage(at, { title: '政府信息公开', section: 'disclosure', columnName: '政府信息公开', body: <…/> });
 *   return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
 * });
 * ```
 * Links inside a site are `siteHref(at, '/disclosure/apply')` (the prefix, or nothing on the site's
 * own host). The site router has already refused unknown hosts and traversal, and answers 404 for
 * a section that does not exist. GET, HEAD and POST reach a section handler; a POST needs a body
 * parser for its content type (e.g. application/x-www-form-urlencoded) registered by the section.
 */
import type { AppContext } from '../../../platform/module.js';
import { siteState, type SiteSectionHandler } from './site-state.js';

export { sitePages } from './site.routes.js';
export { siteFastPath } from './site-fast-path.js';
export { renderSitePage, siteHref, columnHref, localName, localNameText, type SiteRequest, type SitePageInput, type SiteSection } from './site-page.js';
export type { PublicSite, PublicColumn } from './site.types.js';
export type { SiteSectionHandler } from './site-state.js';
export { siteErrors } from './site.errors.js';

/** Reserved first segments of a site's paths: no column may use them as its slug. */
export const reservedSiteSegments = ['search', 'services', 'disclosure', 'interaction', 'files', 'sitemap.xml', 'elder', 'lang', 'assets', 'api', 'workbench'] as const;

/**
 * Registers the handler of `/{prefix}/{name}` and everything below it on every site (and at `/{name}`
 * on a site's own host). Call it from the area's `pages` plugin; a second registration of a name throws.
 */
export function registerSiteSection(ctx: AppContext, name: 'disclosure' | 'interaction' | (string & {}), handler: SiteSectionHandler): void {
  const sections = siteState(ctx).sections;
  if (sections.has(name)) throw new Error(`site section ${name} is registered twice`);
  sections.set(name, handler);
}

/** Drops every cached public page (all sites); e.g. after an organisation's name changed. */
export function invalidateAllSitePages(ctx: AppContext): void {
  siteState(ctx).cache.clear();
}
