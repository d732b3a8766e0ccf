import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { AppError } from '../../../platform/errors/app-error.js';
import type { AppContext } from '../../../platform/module.js';
import { portalSearchTypes } from '../portal-search.js';
import { portalLocaleOf } from '../portal.site.js';
import { safeNext } from '../portal.routes.js';
import { contentDisposition, createFileStore } from '../../../platform/files/index.js';
import { sendSitePage, type SitePage } from './site-cache.js';
import { elderCookie, rememberRouted } from './site-fast-path.js';
import type { Directory } from './site-directory.js';
import { siteHref, type SiteRequest } from './site-page.js';
import { hostNameOf, locate, safePath } from './site-routing.js';
import { siteState } from './site-state.js';
import { siteRepository as repo } from './site.repository.js';
import * as service from './site.service.js';
import { renderArticlePage } from './views/article-page.js';
import { renderColumnPage } from './views/column-page.js';
import { renderSiteHome } from './views/home-page.js';
import { renderSearchPage, type SearchForm } from './views/search-page.js';
import { audienceOfPath, renderServiceGuide, renderServicesPage } from './views/services-page.js';
import { serviceDirectoryOf, siteShowsItem, type PublicServiceItem } from '../services-directory.js';
import './site.errors.js';

export interface SitePagesOptions {
  readonly ctx: AppContext;
  /** What `/` shows while no main portal site (path prefix '') exists: the organisation home page. */
  readonly fallbackHome?: (request: FastifyRequest, reply: FastifyReply) => unknown;
  /** Extra sections of the main portal's home (its counties and departments). */
  readonly mainHomeExtra?: (locale: SiteRequest['locale']) => Promise<ComponentChildren>;
}

const yearSeconds = 365 * 24 * 3600;
const html = 'text/html; charset=utf-8';
const rssType = 'application/rss+xml; charset=utf-8';
const xmlType = 'application/xml; charset=utf-8';

/** Paths the site router leaves to others (their own 404 is JSON or the workbench's). */
const notSitePaths = /^\/(api|workbench|assets)(\/|$)/;

function parsePage(raw: unknown): number {
  if (raw === undefined || raw === '') return 1;
  if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw) || Number(raw) < 1) throw new AppError('portal.site.bad_query');
  return Number(raw);
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The published service items a site shows; undefined when no service catalogue is loaded. */
async function siteServiceItems(ctx: AppContext, at: SiteRequest): Promise<readonly PublicServiceItem[] | undefined> {
  const directory = serviceDirectoryOf(ctx);
  return directory && (await directory.published()).filter((item) => siteShowsItem(at.site, item));
}

function parseSearch(query: Record<string, unknown>, at: SiteRequest): SearchForm {
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new AppError('portal.site.bad_query');
    return value;
  };
  const q = (text('q') ?? '').trim();
  const scope = text('scope') ?? 'site';
  const column = text('column');
  const type = text('type');
  const from = text('from');
  const to = text('to');
  if (q.length > 100 || (scope !== 'site' && scope !== 'all')) throw new AppError('portal.site.bad_query');
  if (column !== undefined && !at.structure.byId.has(column)) throw new AppError('portal.site.bad_query');
  if (type !== undefined && !(type in portalSearchTypes)) throw new AppError('portal.site.bad_query');
  for (const date of [from, to]) if (date !== undefined && (!isoDate.test(date) || Number.isNaN(Date.parse(date)))) throw new AppError('portal.site.bad_query');
  const page = parsePage(query.page);
  if (page > 100) throw new AppError('portal.site.bad_query');
  return { q, scope, column, type: type as SearchForm['type'], from, to, page };
}

/** The public pages of every site: one router for host names and path prefixes (see site-routing.ts). */
export async function sitePages(app: FastifyInstance, options: SitePagesOptions): Promise<void> {
  const { ctx } = options;
  const state = siteState(ctx);
  const publicUrl = ctx.config.publicUrl ? new URL(ctx.config.publicUrl) : undefined;
  const files = createFileStore(ctx.config, ctx.clock);

  // 适老化 mode: a plain link sets or clears the cookie and comes back (no script, no pop-up).
  app.get<{ Params: { mode: string }; Querystring: { next?: string } }>('/elder/:mode', { schema: { hide: true } }, (request, reply) => {
    const mode = request.params.mode;
    if (mode !== 'on' && mode !== 'off') throw new AppError('route.not_found');
    reply.setCookie('elder', mode === 'on' ? '1' : '0', {
      path: '/',
      maxAge: mode === 'on' ? yearSeconds : 0,
      sameSite: 'lax',
      httpOnly: true,
      secure: ctx.config.env === 'production',
    });
    return reply.header('cache-control', 'no-store').redirect(safeNext(request.query.next), 303);
  });

  const handle = (request: FastifyRequest, reply: FastifyReply): unknown => {
    const path = safePath(request.raw.url ?? '/');
    if (notSitePaths.test(path)) throw new AppError('route.not_found');
    const directory = state.peekDirectory();
    if (!directory) return state.directory().then((loaded) => serve(request, reply, path, loaded));
    return serve(request, reply, path, directory);
  };

  function serve(request: FastifyRequest, reply: FastifyReply, path: string, directory: Directory): unknown {
    const hostHeader = request.headers.host ?? '';
    const location = locate(directory, hostNameOf(hostHeader), path, publicUrl?.hostname);
    if (!location) {
      if (path === '/' && options.fallbackHome && request.method === 'GET') return options.fallbackHome(request, reply);
      return redirectOrNotFound(request, reply, path);
    }
    const structure = directory.structure(location.site.id);
    if (!structure) throw new AppError('route.not_found');
    const at: SiteRequest = {
      ...location,
      structure,
      locale: portalLocaleOf(request),
      elder: elderCookie.test(request.headers.cookie ?? ''),
      path,
      origin: publicUrl && !location.site.hosts.includes(hostNameOf(hostHeader)) ? publicUrl.origin : `${request.protocol}://${hostHeader}`,
    };
    const first = at.rest.split('/')[1] ?? '';
    const section = state.sections.get(first);
    if (section) return section(at, request, reply);
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new AppError('route.not_found');
    if (first === 'search') return searchPage(request, reply, at, directory);
    if (first === 'files') return sendFile(request, reply, at);
    const query = request.query as Record<string, unknown>;
    const page = parsePage(query.page);
    // One cached entry per site, base, host, language, mode, path and list page; other query parameters are ignored.
    const key = `${at.site.id}|${at.base}|${hostHeader}|${at.locale}|${at.elder ? 1 : 0}|${at.rest}|${page}`;
    const cached = state.cache.peek(key);
    if (cached) {
      rememberRouted(ctx, request, key);
      return sendSitePage(request, reply, cached, state.cache);
    }
    return render(at, directory, page).then((rendered) => {
      if (!rendered) return redirectOrNotFound(request, reply, path);
      const stored: SitePage = state.cache.store(key, at.site.id, at.rest, rendered.text, rendered.type);
      rememberRouted(ctx, request, key);
      return sendSitePage(request, reply, stored, state.cache);
    });
  }

  /** The page at `at.rest`, or undefined when there is none. */
  async function render(at: SiteRequest, directory: Directory, page: number): Promise<{ text: string; type: string } | undefined> {
    const rest = at.rest;
    if (rest === '/') {
      if (page !== 1) return undefined;
      const top = at.structure.childrenOf(null).filter((c) => c.category !== 'service');
      const columns = await service.latestPerColumn(ctx, at, top);
      const otherSites = at.site.pathPrefix === '' && at.base === '' ? directory.sites.filter((s) => s.id !== at.site.id).map((site) => ({ site, href: `${site.pathPrefix}/` })) : [];
      const extra = at.site.pathPrefix === '' && options.mainHomeExtra ? await options.mainHomeExtra(at.locale) : undefined;
      return { text: renderSiteHome(at, { columns, otherSites, extra }), type: html };
    }
    const audience = audienceOfPath(rest);
    if (audience) {
      if (page !== 1) return undefined;
      const columns = audience === 'all' ? at.structure.columns.filter((c) => c.category === 'service') : [];
      const items = await siteServiceItems(ctx, at);
      return { text: renderServicesPage(at, { items, audience, columns: await service.latestPerColumn(ctx, at, columns, 10) }), type: html };
    }
    const orgServices = /^\/services\/orgs\/([0-9a-f-]{36})\/?$/.exec(rest);
    if (orgServices) {
      if (page !== 1) return undefined;
      const items = await siteServiceItems(ctx, at);
      if (!items?.some((item) => item.orgId === orgServices[1])) return undefined;
      return { text: renderServicesPage(at, { items, audience: 'all', columns: [], org: orgServices[1]! }), type: html };
    }
    const guide = /^\/services\/items\/([0-9A-Z-]{8,40})$/.exec(rest);
    if (guide) {
      const found = await serviceDirectoryOf(ctx)?.guide(guide[1]!);
      if (!found || !siteShowsItem(at.site, found.item)) return undefined;
      return { text: renderServiceGuide(at, found), type: html };
    }
    if (rest === '/sitemap.xml') return { text: await service.sitemapOf(ctx, at), type: xmlType };
    const article = /^\/(.+)\/(\d{1,9})\.html$/.exec(rest);
    if (article) {
      const row = await repo.articleBySerial(ctx.db, at.site.id, Number(article[2]));
      const column = row ? at.structure.byId.get(row.column_id) : undefined;
      if (!row || !column) return undefined;
      // The column moved: the article's URL follows it (answered by the caller as a redirect).
      if (column.path !== article[1]) throw new MovedTo(siteHref(at, `/${column.path}/${row.serial}.html`));
      const extras = await service.articleExtras(ctx, at, directory, row);
      return { text: renderArticlePage(at, { article: row, column, ...extras }), type: html };
    }
    const rss = /^\/(.+)\/rss\.xml$/.exec(rest);
    if (rss) {
      const column = at.structure.byPath.get(rss[1]!);
      return column ? { text: await service.rssOf(ctx, at, column.id), type: rssType } : undefined;
    }
    const columnPath = rest.replace(/^\/+|\/+$/g, '');
    const column = at.structure.byPath.get(columnPath);
    if (!column) return undefined;
    const list = await service.columnPage(ctx, at, column.id, page);
    return { text: renderColumnPage(at, { column, rows: list.rows, page, pages: list.pages, total: list.total }), type: html };
  }

  async function redirectOrNotFound(request: FastifyRequest, reply: FastifyReply, path: string): Promise<unknown> {
    const candidates = path.endsWith('/') ? [path, path.slice(0, -1)] : [path, `${path}/`];
    for (const candidate of candidates.filter(Boolean)) {
      const target = await repo.redirect(ctx.db, candidate);
      if (target) return reply.header('cache-control', 'public, max-age=3600').redirect(safeNext(target.to_path), 301);
    }
    throw new AppError('route.not_found');
  }

  async function searchPage(request: FastifyRequest, reply: FastifyReply, at: SiteRequest, directory: Directory): Promise<unknown> {
    const form = parseSearch(request.query as Record<string, unknown>, at);
    const found = form.q ? await service.runSearch(ctx, at, directory, form) : undefined;
    return reply
      .type(html)
      .header('cache-control', 'no-store')
      .send(renderSearchPage(at, form, found?.result, found?.hits ?? []));
  }

  async function sendFile(request: FastifyRequest, reply: FastifyReply, at: SiteRequest): Promise<unknown> {
    const match = /^\/files\/([0-9a-f-]{36})\/[^/]+$/.exec(at.rest);
    if (!match || !(await repo.isPublicFile(ctx.db, at.site.id, match[1]!))) throw new AppError('route.not_found');
    const { file, stream } = await files.get(ctx.db, match[1]!);
    return reply
      .type(file.mediaType)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.safeName, file.mediaType.startsWith('image/') ? 'inline' : 'attachment'))
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(stream);
  }

  const guarded = (request: FastifyRequest, reply: FastifyReply): unknown => {
    try {
      const result = handle(request, reply);
      return result instanceof Promise ? result.catch((error: unknown) => moved(error, reply)) : result;
    } catch (error) {
      return moved(error, reply);
    }
  };

  app.route({ method: ['GET', 'POST'], url: '/', schema: { hide: true }, handler: guarded });
  app.route({ method: ['GET', 'POST'], url: '/*', schema: { hide: true }, handler: guarded });
}

/** Thrown by a renderer when the page lives at another path now. */
class MovedTo extends Error {
  constructor(readonly location: string) {
    super('moved');
  }
}

function moved(error: unknown, reply: FastifyReply): unknown {
  if (error instanceof MovedTo) return reply.redirect(error.location, 301);
  throw error;
}
