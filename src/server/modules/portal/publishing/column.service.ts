import { reservedSiteSegments } from '../site/index.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, can } from '../../../platform/policy/index.js';
import type { Trx } from '../../../db/database.js';
import type { FileStore } from '../../../platform/files/index.js';
import type { PortalColumnRow, PortalSiteRow } from '../portal.table.js';
import { indexArticle } from './article-index.js';
import { articleRepository as articles } from './article.repository.js';
import { portalEvents } from '../portal-events.js';
import type { Acting, PublishingDeps } from './publishing.deps.js';
import { sitePolicy } from './publishing.policy.js';
import { articlePagePath, columnFeedPath, columnPagePath, siteHomePath, sitemapPath } from './public-paths.js';
import type { ColumnView, CreateColumnInput, MoveColumnInput, UpdateColumnInput } from './site.schema.js';
import { siteRepository as sites } from './site.repository.js';
import { loadSite, presentSite, siteScope, type LoadedSite } from './site.service.js';

export function presentColumn(prefix: string, row: PortalColumnRow): ColumnView {
  return {
    id: row.id,
    siteId: row.site_id,
    parentId: row.parent_id,
    slug: row.slug,
    path: row.path,
    url: columnPagePath(prefix, row.path),
    nameZh: row.name_zh,
    nameMn: row.name_mn,
    category: row.category,
    position: Number(row.position),
    description: row.description,
  };
}

/** The columns in tree order (pre-order, siblings by position). */
export function treeOrder(rows: readonly PortalColumnRow[]): PortalColumnRow[] {
  const children = new Map<string | null, PortalColumnRow[]>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  for (const list of children.values()) list.sort((a, b) => Number(a.position) - Number(b.position) || a.slug.localeCompare(b.slug));
  const out: PortalColumnRow[] = [];
  const walk = (parent: string | null) => {
    for (const row of children.get(parent) ?? []) {
      out.push(row);
      walk(row.id);
    }
  };
  walk(null);
  return out;
}

/** Indexes a column's published articles again (after its path changed), in the caller's transaction. */
async function reindexColumn(trx: Trx, files: FileStore, site: PortalSiteRow, column: PortalColumnRow): Promise<void> {
  const { rows } = await articles.list(trx, { siteIds: [site.id], columnId: column.id, statuses: ['published'] }, { offset: 0, limit: 100_000 });
  for (const article of rows) {
    const attachments = await articles.attachments(trx, article.id);
    await indexArticle(trx, files, article, { site, column }, attachments);
  }
}

/** The column tree of a site, kept by the owning organisation's editors. */
export function columnService(deps: PublishingDeps) {
  const { db, clock, audit } = deps;

  async function loadColumn(id: string): Promise<{ column: PortalColumnRow; site: LoadedSite }> {
    const column = await sites.findColumn(db, id);
    if (!column) throw new AppError('portal.column_not_found');
    return { column, site: await loadSite(deps, column.site_id) };
  }

  /** The column's site for an editor; anyone who may not even read the site is told the column does not exist. */
  async function manageable(actor: Actor, id: string) {
    const loaded = await loadColumn(id);
    if (!can(actor, sitePolicy, 'read', siteScope(loaded.site))) throw new AppError('portal.column_not_found');
    authorize(actor, sitePolicy, 'manageColumns', siteScope(loaded.site));
    return loaded;
  }

  const changed = (site: LoadedSite, paths: string[]) =>
    portalEvents(deps.ctx).siteChanged({ siteId: site.row.id, paths: [...new Set([...paths, siteHomePath(site.row.path_prefix), sitemapPath(site.row.path_prefix)])] });

  return {
    loadColumn,

    async tree(actor: Actor, siteId: string) {
      const site = await loadSite(deps, siteId);
      authorize(actor, sitePolicy, 'read', siteScope(site));
      const rows = treeOrder(await sites.columnsOf(db, siteId));
      return {
        site: presentSite(actor, site),
        columns: rows.map((r) => presentColumn(site.row.path_prefix, r)),
        canManage: can(actor, sitePolicy, 'manageColumns', siteScope(site)),
      };
    },

    async create(acting: Acting, siteId: string, input: CreateColumnInput): Promise<ColumnView> {
      const { actor, who } = acting;
      const site = await loadSite(deps, siteId);
      authorize(actor, sitePolicy, 'manageColumns', siteScope(site));
      const now = clock.now().toISOString();
      const row = await db.transaction().execute(async (trx) => {
        let path = input.slug;
        if (input.parentId) {
          const parent = await sites.findColumn(trx, input.parentId);
          if (!parent || parent.site_id !== siteId) throw new AppError('portal.column_parent_invalid');
          path = `${parent.path}/${input.slug}`;
        }
        if (!input.parentId) refuseReservedSlug(input.slug);
        if (await sites.findColumnByPath(trx, siteId, path)) throw new AppError('portal.column_path_taken');
        const row: PortalColumnRow = {
          id: newId(),
          site_id: siteId,
          parent_id: input.parentId,
          slug: input.slug,
          path,
          name_zh: input.nameZh,
          name_mn: input.nameMn || null,
          category: input.category,
          position: await sites.nextPosition(trx, siteId, input.parentId),
          description: input.description || null,
          created_at: now,
          updated_at: now,
        };
        await sites.insertColumn(trx, row);
        await audit.append(trx, { ...who, action: 'portal.column_create', object: { type: 'portal_column', id: row.id }, details: { siteId, path, category: row.category } });
        return row;
      });
      changed(site, [columnPagePath(site.row.path_prefix, row.path)]);
      return presentColumn(site.row.path_prefix, row);
    },

    async update(acting: Acting, id: string, input: UpdateColumnInput): Promise<ColumnView> {
      const { actor, who } = acting;
      const { column, site } = await manageable(actor, id);
      const changes = {
        ...(input.nameZh !== undefined ? { name_zh: input.nameZh } : {}),
        ...(input.nameMn !== undefined ? { name_mn: input.nameMn || null } : {}),
        ...(input.category !== undefined ? { category: input.category } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (trx) => {
        await sites.updateColumn(trx, id, changes);
        await audit.append(trx, { ...who, action: 'portal.column_update', object: { type: 'portal_column', id }, details: { fields: Object.keys(input) } });
      });
      // A renamed column shows in every page's navigation: the whole site.
      portalEvents(deps.ctx).siteChanged({ siteId: site.row.id });
      return presentColumn(site.row.path_prefix, { ...column, ...changes });
    },

    /**
     * Re-parents and/or reorders a column (optionally with a new slug). Its path and its descendants'
     * change, so each old column page and article page gets a permanent redirect to the new one.
     */
    async move(acting: Acting, id: string, input: MoveColumnInput) {
      const { actor, who } = acting;
      const { column, site } = await manageable(actor, id);
      const prefix = site.row.path_prefix;
      const now = clock.now().toISOString();
      const result = await db.transaction().execute(async (trx) => {
        const all = await sites.columnsOf(trx, column.site_id);
        const byId = new Map(all.map((c) => [c.id, c]));
        const descendants = all.filter((c) => c.path.startsWith(`${column.path}/`));
        let parentPath = '';
        if (input.parentId) {
          const parent = byId.get(input.parentId);
          if (!parent || parent.id === id || descendants.some((d) => d.id === parent.id)) throw new AppError('portal.column_parent_invalid');
          parentPath = `${parent.path}/`;
        }
        const slug = input.slug ?? column.slug;
        if (!input.parentId) refuseReservedSlug(slug);
        const newPath = `${parentPath}${slug}`;
        if (newPath !== column.path && (await sites.findColumnByPath(trx, column.site_id, newPath))) throw new AppError('portal.column_path_taken');
        // Reorder the new siblings: the column takes `position`, the others keep their order around it.
        const siblings = all
          .filter((c) => c.parent_id === input.parentId && c.id !== id)
          .sort((a, b) => Number(a.position) - Number(b.position));
        siblings.splice(Math.min(input.position, siblings.length), 0, { ...column, parent_id: input.parentId });
        for (const [i, sibling] of siblings.entries()) {
          if (sibling.id !== id && Number(sibling.position) !== i) await sites.updateColumn(trx, sibling.id, { position: i });
        }
        const moved = [column, ...descendants].map((c) => ({ row: c, to: newPath + c.path.slice(column.path.length) }));
        // Two passes so that no intermediate state breaks the (site, path) uniqueness.
        if (newPath !== column.path) {
          for (const m of moved) await sites.updateColumn(trx, m.row.id, { path: `~moving/${m.row.id}` });
        }
        for (const m of moved) {
          await sites.updateColumn(trx, m.row.id, {
            path: m.to,
            updated_at: now,
            ...(m.row.id === id ? { parent_id: input.parentId, slug, position: siblings.findIndex((s) => s.id === id) } : {}),
          });
        }
        const redirects: { from: string; to: string }[] = [];
        if (newPath !== column.path) {
          const newPathOf = new Map(moved.map((m) => [m.row.id, m.to]));
          for (const m of moved) redirects.push({ from: columnPagePath(prefix, m.row.path), to: columnPagePath(prefix, m.to) });
          for (const m of moved) redirects.push({ from: columnFeedPath(prefix, m.row.path), to: columnFeedPath(prefix, m.to) });
          for (const a of await sites.publicArticlesIn(trx, moved.map((m) => m.row.id))) {
            const before = byId.get(a.column_id)!.path;
            redirects.push({ from: articlePagePath(prefix, before, Number(a.serial)), to: articlePagePath(prefix, newPathOf.get(a.column_id)!, Number(a.serial)) });
          }
          await sites.addRedirects(trx, redirects, now);
          // The search entries of its published articles carry their address.
          for (const m of moved) await reindexColumn(trx, deps.files, site.row, { ...m.row, path: m.to });
        }
        await audit.append(trx, {
          ...who,
          action: 'portal.column_move',
          object: { type: 'portal_column', id },
          details: { from: column.path, to: newPath, redirects: redirects.length },
        });
        return { redirects, row: (await sites.findColumn(trx, id))! };
      });
      portalEvents(deps.ctx).siteChanged({ siteId: site.row.id });
      return { column: presentColumn(prefix, result.row), redirects: result.redirects };
    },

    /** Deletes a column that has no sub-column and no article (`portal.column_not_empty`). */
    async remove(acting: Acting, id: string): Promise<void> {
      const { actor, who } = acting;
      const { column, site } = await manageable(actor, id);
      await db.transaction().execute(async (trx) => {
        const usage = await sites.columnUsage(trx, id);
        if (usage.children || usage.articles) throw new AppError('portal.column_not_empty', { details: usage });
        await sites.deleteColumn(trx, id);
        await audit.append(trx, { ...who, action: 'portal.column_delete', object: { type: 'portal_column', id }, details: { siteId: column.site_id, path: column.path } });
      });
      changed(site, [columnPagePath(site.row.path_prefix, column.path)]);
    },
  };
}

export type ColumnService = ReturnType<typeof columnService>;

/** A top-level column may not take a path the public site uses for its own pages (search, disclosure, …). */
function refuseReservedSlug(slug: string): void {
  if ((reservedSiteSegments as readonly string[]).includes(slug)) throw new AppError('portal.column_slug_reserved', { details: { reserved: [...reservedSiteSegments] } });
}
