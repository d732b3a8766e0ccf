import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { can } from '../../../platform/policy/index.js';
import type { ArticleStatus } from '../../../../shared/portal.js';
import { articleRepository as articles } from './article.repository.js';
import type { ArticleListQuery } from './article.schema.js';
import type { ArticleService } from './article.service.js';
import type { PublishingDeps } from './publishing.deps.js';
import { siteRepository as sites } from './site.repository.js';
import { loadSites, siteScope } from './site.service.js';
import { sitePolicy } from './publishing.policy.js';
import { holdsRole } from '../../../platform/policy/index.js';
import { articlePagePath } from './public-paths.js';

const views: Record<ArticleListQuery['view'], readonly ArticleStatus[] | undefined> = {
  mine: ['draft', 'rejected', 'submitted'],
  review: ['submitted'],
  published: ['published'],
  all: undefined,
};

/** The workbench's lists: my drafts, waiting for my review, published, all — within the sites the actor works on. */
export function articleQueryService(deps: PublishingDeps, content: ArticleService) {
  const { db } = deps;
  return {
    async list(actor: Actor, query: ArticleListQuery) {
      if (!actor.roles.some((g) => g.role === 'editor' || g.role === 'reviewer')) throw new AppError('auth.forbidden', { details: { resource: 'portal-article', action: 'list' } });
      const loaded = (await loadSites(deps, await sites.listSites(db))).filter((s) => can(actor, sitePolicy, 'read', siteScope(s)));
      const visible = loaded.filter((s) => (query.view === 'review' ? holdsRole(actor, 'reviewer', s.orgPath) : holdsRole(actor, 'editor', s.orgPath) || holdsRole(actor, 'reviewer', s.orgPath)));
      const siteIds = visible.map((s) => s.row.id).filter((id) => !query.siteId || id === query.siteId);
      const statuses = query.status ? [query.status] : views[query.view];
      const { rows, total } = await articles.list(
        db,
        {
          siteIds,
          columnId: query.columnId,
          statuses,
          createdBy: query.view === 'mine' ? actor.userId : undefined,
          notAuthoredBy: query.view === 'review' ? actor.userId : undefined,
          q: query.q,
        },
        { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      );
      const columns = new Map((await sites.findColumnsByIds(db, [...new Set(rows.map((r) => r.column_id))])).map((c) => [c.id, c]));
      const siteOf = new Map(visible.map((s) => [s.row.id, s]));
      const items = rows.map((row) => {
        const site = siteOf.get(row.site_id)!;
        const column = columns.get(row.column_id)!;
        return content.summary({
          row,
          site,
          column,
          authors: [],
          scope: { orgPath: site.orgPath, status: row.status, authors: [], category: column.category },
          url: articlePagePath(site.row.path_prefix, column.path, Number(row.serial)),
        });
      });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  };
}
