import { PostgresAdapter } from 'kysely';
import type { DbOrTrx, Dialect } from '../../../db/database.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import { createSearch, type Search } from '../../../platform/search/index.js';
import type { PortalArticleRow, PortalColumnRow, PortalSiteRow } from '../portal.table.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalSearchKey } from '../portal-search.js';
import { bodyPlainText } from './article-body.js';
import { articlePagePath } from './public-paths.js';

const dialectOf = (db: DbOrTrx): Dialect => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');
const searches = new Map<Dialect, Search>();

/** The platform search over the portal's database (the engine follows the dialect). */
export function publishingSearch(db: DbOrTrx): Search {
  const dialect = dialectOf(db);
  let search = searches.get(dialect);
  if (!search) searches.set(dialect, (search = createSearch({ db, dialect })));
  return search;
}

/**
 * Puts a published article into the portal's public search (scope `portal`, tag `public`, the fields
 * of `portal-search.ts`), in the caller's transaction; `attachmentTitles` are indexed with less weight.
 */
export async function indexArticle(
  trx: DbOrTrx,
  article: PortalArticleRow,
  place: { site: PortalSiteRow; column: PortalColumnRow },
  attachmentTitles: readonly string[],
): Promise<void> {
  const { site, column } = place;
  await publishingSearch(trx).index(trx, {
    scope: PORTAL_SEARCH_SCOPE,
    key: portalSearchKey('article', article.id),
    title: article.subtitle ? `${article.title} ${article.subtitle}` : article.title,
    body: [article.summary ?? '', bodyPlainText(article.body_html)].filter(Boolean).join('\n'),
    extra: attachmentTitles.join('\n'),
    fields: {
      site: site.id,
      column: column.id,
      type: 'article',
      date: toBusinessDate(new Date(article.published_at ?? article.updated_at)),
      lang: article.lang,
      url: articlePagePath(site.path_prefix, column.path, Number(article.serial)),
      siteName: site.name_zh,
    },
    visibility: [PUBLIC_TAG],
  });
}

/** Takes an article out of the public search (withdrawn). */
export async function unindexArticle(trx: DbOrTrx, articleId: string): Promise<void> {
  await publishingSearch(trx).remove(trx, PORTAL_SEARCH_SCOPE, portalSearchKey('article', articleId));
}
