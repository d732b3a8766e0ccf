import type { DbOrTrx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { can } from '../../../platform/policy/index.js';
import type { ArticleAction } from '../../../../shared/portal.js';
import type { PortalArticleRow, PortalColumnRow } from '../portal.table.js';
import { articleRepository as articles } from './article.repository.js';
import type { PublishingDeps } from './publishing.deps.js';
import { articlePolicy, type ArticleScope } from './publishing.policy.js';
import { siteRepository as sites } from './site.repository.js';
import { loadSite, type LoadedSite } from './site.service.js';
import { articlePagePath } from './public-paths.js';

/** An article with what the policy and the answers need. */
export interface LoadedArticle {
  readonly row: PortalArticleRow;
  readonly site: LoadedSite;
  readonly column: PortalColumnRow;
  readonly authors: readonly string[];
  readonly scope: ArticleScope;
  readonly url: string;
}

export async function loadArticle(deps: PublishingDeps, id: string, db: DbOrTrx = deps.db): Promise<LoadedArticle> {
  const row = await articles.findById(db, id);
  if (!row) throw new AppError('portal.article_not_found');
  const [site, column, authors] = await Promise.all([loadSite(deps, row.site_id, db), sites.findColumn(db, row.column_id), articles.authorsOf(db, [id])]);
  const ids = [...new Set([row.created_by, ...(authors.get(id) ?? [])])];
  return {
    row,
    site,
    column: column!,
    authors: ids,
    scope: { orgPath: site.orgPath, status: row.status, authors: ids, category: column!.category },
    url: articlePagePath(site.row.path_prefix, column!.path, Number(row.serial)),
  };
}

/** Loads an article the actor may at least read; others are told it does not exist. */
export async function readable(deps: PublishingDeps, actor: Actor, id: string): Promise<LoadedArticle> {
  const loaded = await loadArticle(deps, id);
  if (!can(actor, articlePolicy, 'read', loaded.scope)) throw new AppError('portal.article_not_found');
  return loaded;
}

/** One line of the article's history, in the caller's transaction. */
export async function recordEvent(
  trx: DbOrTrx,
  at: string,
  article: { id: string; version: number },
  action: ArticleAction,
  actor: Actor | null,
  reason: string | null = null,
): Promise<void> {
  await articles.insertEvent(trx, {
    id: newId(),
    article_id: article.id,
    action,
    actor_id: actor?.userId ?? null,
    actor_name: actor?.displayName ?? '系统',
    reason,
    version: article.version,
    at,
  });
}

/** The revision the caller read must still be the article's (`portal.changed_concurrently`). */
export function checkRevision(row: PortalArticleRow, revision: number): void {
  if (Number(row.revision) !== revision) throw new AppError('portal.changed_concurrently', { details: { revision: Number(row.revision) } });
}
