import type { DbOrTrx } from '../../../db/database.js';
import type { ColumnCategory, SiteKind } from '../../../../shared/portal.js';
import type { ColumnActivity } from './inspection.rules.js';
import type { NewPortalInspectionRunRow, PortalInspectionRunRow } from './inspection.table.js';

export interface SiteRow {
  readonly id: string;
  readonly code: string;
  readonly orgId: string;
  readonly kind: SiteKind;
  readonly nameZh: string;
  readonly pathPrefix: string;
}

export interface PublishedBody {
  readonly id: string;
  readonly serial: number;
  readonly title: string;
  readonly columnId: string;
  readonly bodyHtml: string;
}

export interface AttachmentRow {
  readonly id: string;
  readonly title: string;
  readonly fileId: string;
  readonly articleId: string;
  readonly articleTitle: string;
  readonly serial: number;
  readonly columnId: string;
}

export interface ArticleRef {
  readonly id: string;
  readonly serial: number;
  readonly status: string;
  readonly columnId: string;
}

const siteColumns = ['id', 'code', 'org_id', 'kind', 'name_zh', 'path_prefix'] as const;
const toSite = (r: { id: string; code: string; org_id: string; kind: SiteKind; name_zh: string; path_prefix: string }): SiteRow => ({
  id: r.id,
  code: r.code,
  orgId: r.org_id,
  kind: r.kind,
  nameZh: r.name_zh,
  pathPrefix: r.path_prefix,
});

/**
 * All SQL of self-inspection. It reads the portal's content tables (sites, columns, published
 * articles and their attachments, redirects) and writes only its own runs.
 */
export const inspectionRepository = {
  async sites(db: DbOrTrx): Promise<SiteRow[]> {
    const rows = await db.selectFrom('portal_sites').select(siteColumns).orderBy('position').orderBy('code').execute();
    return rows.map(toSite);
  },

  async site(db: DbOrTrx, id: string): Promise<SiteRow | undefined> {
    const row = await db.selectFrom('portal_sites').select(siteColumns).where('id', '=', id).executeTakeFirst();
    return row && toSite(row);
  },

  /** Host name → site, for absolute links to our own hosts. */
  async hosts(db: DbOrTrx): Promise<Map<string, string>> {
    const rows = await db.selectFrom('portal_site_hosts').select(['host', 'site_id']).execute();
    return new Map(rows.map((r) => [r.host.toLowerCase(), r.site_id]));
  },

  /** Every column of the given sites as `site id → column path → column id`. */
  async columnPaths(db: DbOrTrx, siteIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
    const out = new Map<string, Map<string, string>>();
    if (siteIds.length === 0) return out;
    const rows = await db.selectFrom('portal_columns').select(['id', 'site_id', 'path']).where('site_id', 'in', siteIds).execute();
    for (const r of rows) {
      let paths = out.get(r.site_id);
      if (!paths) out.set(r.site_id, (paths = new Map()));
      paths.set(r.path, r.id);
    }
    return out;
  },

  /** Each column of the site with its published articles' count and newest publish time. */
  async columnActivity(db: DbOrTrx, siteId: string): Promise<ColumnActivity[]> {
    const columns = await db
      .selectFrom('portal_columns')
      .select(['id', 'parent_id', 'path', 'name_zh', 'category'])
      .where('site_id', '=', siteId)
      .orderBy('path')
      .execute();
    const stats = await db
      .selectFrom('portal_articles')
      .select((eb) => ['column_id', eb.fn.countAll<number>().as('n'), eb.fn.max('published_at').as('last')])
      .where('site_id', '=', siteId)
      .where('status', '=', 'published')
      .groupBy('column_id')
      .execute();
    const byColumn = new Map(stats.map((s) => [s.column_id, s]));
    return columns.map((c) => {
      const s = byColumn.get(c.id);
      return {
        id: c.id,
        parentId: c.parent_id,
        path: c.path,
        nameZh: c.name_zh,
        category: c.category as ColumnCategory,
        published: Number(s?.n ?? 0),
        lastPublishedAt: s?.last ? new Date(s.last).toISOString() : null,
      };
    });
  },

  /** The newest publish time of a published article on the site (null when none has one). */
  async lastPublished(db: DbOrTrx, siteId: string): Promise<string | null> {
    const row = await db
      .selectFrom('portal_articles')
      .select((eb) => eb.fn.max('published_at').as('last'))
      .where('site_id', '=', siteId)
      .where('status', '=', 'published')
      .executeTakeFirst();
    return row?.last ? new Date(row.last).toISOString() : null;
  },

  /** One page of the site's published articles' bodies, by id (keyset), for the link check. */
  async publishedBodies(db: DbOrTrx, siteId: string, afterId: string | null, limit: number): Promise<PublishedBody[]> {
    let query = db
      .selectFrom('portal_articles')
      .select(['id', 'serial', 'title', 'column_id', 'body_html'])
      .where('site_id', '=', siteId)
      .where('status', '=', 'published');
    if (afterId) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map((r) => ({ id: r.id, serial: Number(r.serial), title: r.title, columnId: r.column_id, bodyHtml: r.body_html }));
  },

  async articlesBySerial(db: DbOrTrx, siteId: string, serials: readonly number[]): Promise<ArticleRef[]> {
    if (serials.length === 0) return [];
    const rows = await db
      .selectFrom('portal_articles')
      .select(['id', 'serial', 'status', 'column_id'])
      .where('site_id', '=', siteId)
      .where('serial', 'in', serials)
      .execute();
    return rows.map((r) => ({ id: r.id, serial: Number(r.serial), status: r.status, columnId: r.column_id }));
  },

  async redirectSources(db: DbOrTrx, paths: readonly string[]): Promise<Set<string>> {
    if (paths.length === 0) return new Set();
    const rows = await db.selectFrom('portal_redirects').select('from_path').where('from_path', 'in', paths).execute();
    return new Set(rows.map((r) => r.from_path));
  },

  async publishedAttachments(db: DbOrTrx, siteId: string): Promise<AttachmentRow[]> {
    const rows = await db
      .selectFrom('portal_article_attachments as t')
      .innerJoin('portal_articles as a', 'a.id', 't.article_id')
      .select(['t.id', 't.title', 't.file_id', 'a.id as article_id', 'a.title as article_title', 'a.serial', 'a.column_id'])
      .where('a.site_id', '=', siteId)
      .where('a.status', '=', 'published')
      .orderBy('a.serial')
      .orderBy('t.position')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      fileId: r.file_id,
      articleId: r.article_id,
      articleTitle: r.article_title,
      serial: Number(r.serial),
      columnId: r.column_id,
    }));
  },

  /** The site's newest published article (the page the probe opens) with its column. */
  async newestArticle(db: DbOrTrx, siteId: string): Promise<{ serial: number; columnId: string } | undefined> {
    const row = await db
      .selectFrom('portal_articles')
      .select(['serial', 'column_id'])
      .where('site_id', '=', siteId)
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .orderBy('serial', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row && { serial: Number(row.serial), columnId: row.column_id };
  },

  async insertRun(db: DbOrTrx, row: NewPortalInspectionRunRow): Promise<void> {
    await db.insertInto('portal_inspection_runs').values(row).execute();
  },

  async latestRun(db: DbOrTrx, siteId: string): Promise<PortalInspectionRunRow | undefined> {
    return db
      .selectFrom('portal_inspection_runs')
      .selectAll()
      .where('site_id', '=', siteId)
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /** The site's last `limit` runs without their results, newest first. */
  async trend(db: DbOrTrx, siteId: string, limit: number): Promise<Omit<PortalInspectionRunRow, 'result'>[]> {
    return db
      .selectFrom('portal_inspection_runs')
      .select(['id', 'site_id', 'checked_at', 'trigger', 'triggered_by_name', 'veto_count', 'warning_count', 'finding_count', 'passed_count', 'applicable_count'])
      .where('site_id', '=', siteId)
      .orderBy('checked_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** The results of the site's runs since `since` (the reachability window). */
  async resultsSince(db: DbOrTrx, siteId: string, since: string): Promise<string[]> {
    const rows = await db.selectFrom('portal_inspection_runs').select('result').where('site_id', '=', siteId).where('checked_at', '>=', since).execute();
    return rows.map((r) => r.result);
  },

  /** The newest run of each of the sites. */
  async latestRuns(db: DbOrTrx, siteIds: readonly string[]): Promise<Map<string, PortalInspectionRunRow>> {
    const out = new Map<string, PortalInspectionRunRow>();
    if (siteIds.length === 0) return out;
    const rows = await db
      .selectFrom('portal_inspection_runs as r')
      .selectAll('r')
      .where('r.site_id', 'in', siteIds)
      .where((eb) =>
        eb(
          'r.checked_at',
          '=',
          eb.selectFrom('portal_inspection_runs as l').select((e) => e.fn.max('l.checked_at').as('m')).whereRef('l.site_id', '=', 'r.site_id'),
        ),
      )
      .orderBy('r.id', 'desc')
      .execute();
    for (const row of rows) if (!out.has(row.site_id)) out.set(row.site_id, row);
    return out;
  },

  /** Drops runs older than `before`; returns how many. */
  async pruneBefore(db: DbOrTrx, before: string): Promise<number> {
    const result = await db.deleteFrom('portal_inspection_runs').where('checked_at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
