import { PostgresAdapter } from 'kysely';
import type { Locale } from '../../../platform/i18n/messages.js';
import type { AppContext } from '../../../platform/module.js';
import { createSearch, type Search } from '../../../platform/search/index.js';
import type { PortalLanguage } from '../../../../shared/portal.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalSearchTypes } from '../portal-search.js';
import type { Directory } from './site-directory.js';
import { siteHref, type SiteRequest } from './site-page.js';
import { siteRepository as repo, type ArticleListRow, type PublicArticleWithLinks } from './site.repository.js';
import { columnRss, siteSitemap } from './feeds.js';
import type { ArticlePageData, ArticleLink } from './views/article-page.js';
import type { HomeColumn } from './views/home-page.js';
import type { SearchForm, SearchHitView } from './views/search-page.js';
import { articleHref } from './views/parts.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import { serviceDirectoryOf, serviceItemPath, siteShowsItem } from '../services-directory.js';

export const columnPageSize = 20;
const homePerColumn = 6;
const rssItems = 30;
const sitemapLimit = 45_000;

/** In the Mongolian UI a list shows an article's Mongolian version (title and link) when it has one. */
async function localise(ctx: AppContext, rows: ArticleListRow[], locale: Locale): Promise<ArticleListRow[]> {
  if (locale !== 'mn-Mong' || !rows.length) return rows;
  const versions = await repo.translationsOf(ctx.db, rows.map((r) => r.id), 'mn-Mong' as PortalLanguage);
  const byOriginal = new Map(versions.map((v) => [v.translation_of, v]));
  return rows.map((row) => {
    const version = byOriginal.get(row.id);
    return version ? { ...(version as ArticleListRow), column_id: version.column_id } : row;
  });
}

/** The newest articles of each of `columns` (their subtrees). */
export async function latestPerColumn(ctx: AppContext, at: SiteRequest, columns: readonly { id: string }[], perColumn = homePerColumn): Promise<HomeColumn[]> {
  return Promise.all(
    columns.map(async ({ id }) => ({
      column: at.structure.byId.get(id)!,
      latest: await localise(ctx, await repo.latest(ctx.db, at.structure.subtreeIds(id), perColumn), at.locale),
    })),
  );
}

/** A column list page; `portal.site.page_out_of_range` past the last page. */
export async function columnPage(ctx: AppContext, at: SiteRequest, columnId: string, page: number) {
  const ids = at.structure.subtreeIds(columnId);
  const { rows, total } = await repo.listPublished(ctx.db, ids, (page - 1) * columnPageSize, columnPageSize);
  const pages = Math.max(1, Math.ceil(total / columnPageSize));
  if (page > pages) throw new AppError('portal.site.page_out_of_range');
  return { rows: await localise(ctx, rows, at.locale), total, pages };
}

/** Where another article lives, as a link from this request (its own site's base when on the same site). */
function linkTo(at: SiteRequest, directory: Directory, row: { site_id: string; serial: number; column_path: string; title: string; lang: string }): ArticleLink | undefined {
  const site = row.site_id === at.site.id ? undefined : directory.sites.find((s) => s.id === row.site_id);
  const base = row.site_id === at.site.id ? at.base : site?.pathPrefix;
  if (base === undefined) return undefined;
  return { href: articleHref({ base }, row.column_path, row.serial), title: row.title, lang: row.lang };
}

/**
 * Everything an article page shows besides the article itself. The article's row says whether it has
 * attachments and whether anything links to it; a plain article (the common case) needs no further query.
 */
export async function articleExtras(ctx: AppContext, at: SiteRequest, directory: Directory, article: PublicArticleWithLinks) {
  const originalId = article.translation_of ?? article.id;
  const needsRelated = article.has_links || article.translation_of !== null || article.interprets_id !== null;
  const [attachments, related] = await Promise.all([
    article.has_attachments ? repo.attachments(ctx.db, article.id) : [],
    needsRelated ? repo.related(ctx.db, article.id, originalId, article.interprets_id) : [],
  ]);
  const policy = article.interprets_id ? related.find((row) => row.id === article.interprets_id) : undefined;
  const versions: ArticlePageData['versions'] = {};
  for (const row of related) {
    const isVersion = row.id === originalId || row.translation_of === originalId;
    if (row.id === article.id || !isVersion || row.lang === article.lang) continue;
    const link = linkTo(at, directory, row);
    if (link) versions[row.lang as Locale] = link;
  }
  const interpretations = related
    .filter((row) => row.interprets_id === article.id)
    .map((row) => linkTo(at, directory, row))
    .filter((l): l is ArticleLink => l !== undefined);
  const fileHref = (fileId: string, name: string) => siteHref(at, `/files/${fileId}/${encodeURIComponent(name)}`);
  return {
    attachments: attachments.map((a) => ({ href: fileHref(a.file_id, a.safe_name), title: a.title, size: Number(a.size), mediaType: a.media_type })),
    coverHref: article.cover_file_id ? fileHref(article.cover_file_id, 'cover') : undefined,
    versions,
    policy: policy ? linkTo(at, directory, policy) : undefined,
    interpretations,
  };
}

export async function rssOf(ctx: AppContext, at: SiteRequest, columnId: string): Promise<string> {
  const column = at.structure.byId.get(columnId)!;
  const rows = await repo.latest(ctx.db, at.structure.subtreeIds(columnId), rssItems);
  const pathOf = (id: string) => at.structure.byId.get(id)?.path ?? column.path;
  return columnRss({
    site: at.site,
    column,
    origin: at.origin,
    columnPath: siteHref(at, `/${column.path}/`),
    items: rows.map((row) => ({ row, href: articleHref(at, pathOf(row.column_id), row.serial) })),
    now: ctx.clock.now(),
  });
}

export async function sitemapOf(ctx: AppContext, at: SiteRequest): Promise<string> {
  const rows = await repo.sitemap(ctx.db, at.site.id, sitemapLimit);
  const pathOf = (id: string) => at.structure.byId.get(id)?.path;
  const directory = serviceDirectoryOf(ctx);
  const items = directory ? (await directory.published()).filter((item) => siteShowsItem(at.site, item)) : [];
  const entries = [
    { loc: `${at.origin}${siteHref(at, '/')}` },
    ...at.structure.columns.map((c) => ({ loc: `${at.origin}${siteHref(at, `/${c.path}/`)}` })),
    // The 办事服务 entry and the guides of the items the site shows.
    ...(directory ? [{ loc: `${at.origin}${siteHref(at, '/services/')}` }] : []),
    ...items.map((item) => ({ loc: `${at.origin}${siteHref(at, serviceItemPath('', item.code))}`, lastmod: toBusinessDate(new Date(item.updatedAt)) })),
    ...rows.flatMap((row) => {
      const path = pathOf(row.column_id);
      return path ? [{ loc: `${at.origin}${articleHref(at, path, row.serial)}`, lastmod: String(row.modified_at ?? row.published_at).slice(0, 10) }] : [];
    }),
  ];
  return siteSitemap(entries);
}

const searches = new WeakMap<AppContext, Search>();

function searchOf(ctx: AppContext): Search {
  let search = searches.get(ctx);
  if (!search) {
    const dialect = ctx.db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
    searches.set(ctx, (search = createSearch({ db: ctx.db, dialect, clock: ctx.clock })));
  }
  return search;
}

export const searchPageSize = 10;

/** Runs the public search (scope `portal`, tag `public`) with the form's filters. */
export async function runSearch(ctx: AppContext, at: SiteRequest, directory: Directory, form: SearchForm) {
  const filters: Record<string, string> = {};
  if (form.scope === 'site') filters.site = at.site.id;
  if (form.column) filters.column = form.column;
  if (form.type) filters.type = form.type;
  if (form.from) filters.from = form.from;
  if (form.to) filters.to = form.to;
  const result = await searchOf(ctx).query({
    scopes: [PORTAL_SEARCH_SCOPE],
    text: form.q,
    tags: [PUBLIC_TAG],
    filters,
    page: form.page,
    pageSize: searchPageSize,
  });
  const hits: SearchHitView[] = result.hits.map((hit) => {
    const f = hit.fields;
    const url = typeof f.url === 'string' ? f.url : '/';
    const site = directory.sites.find((s) => s.id === f.site);
    // Paths are stored with the site's prefix; on a site's own host name its pages live at the root.
    const href = site && site.id === at.site.id && at.base === '' && site.pathPrefix && url.startsWith(`${site.pathPrefix}/`) ? url.slice(site.pathPrefix.length) : url;
    const type = typeof f.type === 'string' && f.type in portalSearchTypes ? portalSearchTypes[f.type as keyof typeof portalSearchTypes] : undefined;
    return {
      href,
      titleHtml: hit.titleHtml,
      snippet: hit.snippet,
      siteName: typeof f.siteName === 'string' ? f.siteName : site?.nameZh ?? '',
      date: typeof f.date === 'string' ? f.date : undefined,
      type,
    };
  });
  return { result, hits };
}
