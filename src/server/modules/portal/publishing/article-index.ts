import type { DbOrTrx } from '../../../db/database.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { FileStore } from '../../../platform/files/index.js';
import { fileText, searchOfDialect, warmFileText, type Search } from '../../../platform/search/index.js';
import type { PortalArticleRow, PortalColumnRow, PortalSiteRow } from '../portal.table.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalSearchKey } from '../portal-search.js';
import { bodyPlainText } from './article-body.js';
import { articlePagePath } from './public-paths.js';

/** The platform search over the portal's database (the engine follows the dialect). */
export const publishingSearch = (db: DbOrTrx): Search => searchOfDialect(db);

/** An attachment as the index reads it: its title and its stored file's text. */
export interface IndexedAttachment {
  readonly title: string;
  readonly file_id: string;
}

/**
 * Reads the attachments' text (PDF, Word, text…) into the platform's cache before a write
 * transaction, so that indexing inside it does not parse files while holding the write lock.
 */
export async function warmAttachmentTexts(db: DbOrTrx, files: FileStore, attachments: readonly IndexedAttachment[]): Promise<void> {
  for (const attachment of attachments) await warmFileText(db, files, attachment.file_id);
}

/**
 * Puts a published article into the portal's public search (scope `portal`, tag `public`, the fields
 * of `portal-search.ts`), in the caller's transaction; its attachments' titles and text are indexed
 * with less weight than the title and body.
 */
export async function indexArticle(
  trx: DbOrTrx,
  files: FileStore,
  article: PortalArticleRow,
  place: { site: PortalSiteRow; column: PortalColumnRow },
  attachments: readonly IndexedAttachment[],
): Promise<void> {
  const { site, column } = place;
  const extra: string[] = [];
  for (const attachment of attachments) extra.push(attachment.title, await fileText(trx, files, attachment.file_id));
  await publishingSearch(trx).index(trx, {
    scope: PORTAL_SEARCH_SCOPE,
    key: portalSearchKey('article', article.id),
    title: article.subtitle ? `${article.title} ${article.subtitle}` : article.title,
    body: [article.summary ?? '', bodyPlainText(article.body_html)].filter(Boolean).join('\n'),
    extra: extra.filter(Boolean).join('\n'),
    fields: {
      site: site.id,
      column: column.id,
      type: 'article',
      date: toBusinessDate(new Date(article.published_at ?? article.updated_at)),
      lang: article.lang,
    },
    shown: { url: articlePagePath(site.path_prefix, column.path, Number(article.serial)), siteName: site.name_zh },
    visibility: [PUBLIC_TAG],
  });
}

/** Takes an article out of the public search (withdrawn). */
export async function unindexArticle(trx: DbOrTrx, articleId: string): Promise<void> {
  await publishingSearch(trx).remove(trx, PORTAL_SEARCH_SCOPE, portalSearchKey('article', articleId));
}
