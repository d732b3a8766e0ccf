import { sql } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { PortalLanguage } from '../../../../shared/portal.js';
import type { PortalArticleRow } from '../portal.table.js';

/** What a public page shows of an article (never a draft's or reviewer's fields). */
export type PublicArticleRow = Pick<
  PortalArticleRow,
  | 'id'
  | 'site_id'
  | 'column_id'
  | 'serial'
  | 'lang'
  | 'translation_of'
  | 'title'
  | 'subtitle'
  | 'source'
  | 'author'
  | 'summary'
  | 'body_html'
  | 'cover_file_id'
  | 'tags'
  | 'interprets_id'
  | 'status'
  | 'validity'
  | 'validity_note'
  | 'validity_changed_at'
  | 'validity_on'
  | 'published_at'
  | 'withdrawn_at'
  | 'withdraw_reason'
>;

/** An article page's row, and whether anything else is to be fetched for it. */
export interface PublicArticleWithLinks extends PublicArticleRow {
  readonly has_attachments: boolean;
  /** Published language versions of it or 解读 of it exist. */
  readonly has_links: boolean;
}

/** A list entry: enough for a title link with its date. */
export interface ArticleListRow {
  readonly id: string;
  readonly column_id: string;
  readonly serial: number;
  readonly lang: PortalLanguage;
  readonly title: string;
  readonly published_at: string;
  readonly validity: PortalArticleRow['validity'];
}

const publicColumns = [
  'id',
  'site_id',
  'column_id',
  'serial',
  'lang',
  'translation_of',
  'title',
  'subtitle',
  'source',
  'author',
  'summary',
  'body_html',
  'cover_file_id',
  'tags',
  'interprets_id',
  'status',
  'validity',
  'validity_note',
  'validity_changed_at',
  'validity_on',
  'published_at',
  'withdrawn_at',
  'withdraw_reason',
] as const;

const listColumns = ['id', 'column_id', 'serial', 'lang', 'title', 'published_at', 'validity'] as const;

/**
 * Read-only queries of the public pages. Published (and withdrawn, for the notice) content only;
 * the publishing area owns every write to these tables.
 */
export const siteRepository = {
  sites(db: DbOrTrx) {
    return db
      .selectFrom('portal_sites as s')
      .innerJoin('orgs as o', 'o.id', 's.org_id')
      .select([
        's.id',
        's.code',
        's.org_id',
        's.kind',
        's.name_zh',
        's.name_mn',
        's.path_prefix',
        's.site_id_code',
        's.icp_number',
        's.psb_number',
        's.languages',
        's.position',
        'o.name_zh as org_name_zh',
      ])
      .orderBy('s.position')
      .orderBy('s.code')
      .execute();
  },

  hosts(db: DbOrTrx) {
    return db.selectFrom('portal_site_hosts').select(['host', 'site_id']).execute();
  },

  columns(db: DbOrTrx, siteId: string) {
    return db
      .selectFrom('portal_columns')
      .select(['id', 'site_id', 'parent_id', 'path', 'name_zh', 'name_mn', 'category', 'position', 'description'])
      .where('site_id', '=', siteId)
      .orderBy('position')
      .orderBy('path')
      .execute();
  },

  redirect(db: DbOrTrx, fromPath: string) {
    return db.selectFrom('portal_redirects').select('to_path').where('from_path', '=', fromPath).executeTakeFirst();
  },

  /** Published originals (not translations) in the given columns, newest first. */
  async listPublished(db: DbOrTrx, columnIds: readonly string[], offset: number, limit: number) {
    if (!columnIds.length) return { rows: [] as ArticleListRow[], total: 0 };
    const base = db
      .selectFrom('portal_articles')
      .where('column_id', 'in', columnIds)
      .where('status', '=', 'published')
      .where('translation_of', 'is', null);
    const [rows, count] = await Promise.all([
      base.select(listColumns).orderBy('published_at', 'desc').orderBy('serial', 'desc').offset(offset).limit(limit).execute(),
      base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as ArticleListRow[], total: Number(count.n) };
  },

  /** The newest published originals of one column (and its sub-columns), for the home page and RSS. */
  async latest(db: DbOrTrx, columnIds: readonly string[], limit: number): Promise<ArticleListRow[]> {
    if (!columnIds.length) return [];
    const rows = await db
      .selectFrom('portal_articles')
      .select(listColumns)
      .where('column_id', 'in', columnIds)
      .where('status', '=', 'published')
      .where('translation_of', 'is', null)
      .orderBy('published_at', 'desc')
      .orderBy('serial', 'desc')
      .limit(limit)
      .execute();
    return rows as ArticleListRow[];
  },

  /** Published versions in `lang` of the given originals. */
  translationsOf(db: DbOrTrx, originalIds: readonly string[], lang: PortalLanguage) {
    if (!originalIds.length) return Promise.resolve([]);
    return db
      .selectFrom('portal_articles')
      .select([...listColumns, 'translation_of'])
      .where('translation_of', 'in', originalIds)
      .where('lang', '=', lang)
      .where('status', '=', 'published')
      .execute();
  },

  /**
   * An article a reader may open: published, or withdrawn (its page then shows the notice), with
   * whether it has attachments and whether published articles link to it (language versions of it,
   * 解读 of it), so the page asks for those only when there are some.
   */
  async articleBySerial(db: DbOrTrx, siteId: string, serial: number): Promise<PublicArticleWithLinks | undefined> {
    const row = await db
      .selectFrom('portal_articles as a')
      .select(publicColumns.map((c) => `a.${c}` as const))
      .select((eb) => [
        eb.exists(eb.selectFrom('portal_article_attachments as t').select('t.id').whereRef('t.article_id', '=', 'a.id')).as('has_attachments'),
        eb
          .or([
            eb.exists(eb.selectFrom('portal_articles as v').select('v.id').whereRef('v.translation_of', '=', 'a.id').where('v.status', '=', 'published')),
            eb.exists(eb.selectFrom('portal_articles as i').select('i.id').whereRef('i.interprets_id', '=', 'a.id').where('i.status', '=', 'published')),
          ])
          .as('has_links'),
      ])
      .where('a.site_id', '=', siteId)
      .where('a.serial', '=', serial)
      .where('a.status', 'in', ['published', 'withdrawn'])
      .executeTakeFirst();
    if (!row) return undefined;
    // SQLite answers 0/1, PostgreSQL true/false.
    return { ...row, has_attachments: Boolean(row.has_attachments), has_links: Boolean(row.has_links) };
  },

  /**
   * In one query, the published articles an article's page links to: the language versions of
   * `originalId` (and the original), the 解读 of `articleId`, and the policy `interpretsId` when given.
   */
  related(db: DbOrTrx, articleId: string, originalId: string, interpretsId: string | null) {
    return db
      .selectFrom('portal_articles as a')
      .innerJoin('portal_columns as c', 'c.id', 'a.column_id')
      .select(['a.id', 'a.site_id', 'a.serial', 'a.lang', 'a.title', 'a.translation_of', 'a.interprets_id', 'c.path as column_path'])
      .where('a.status', '=', 'published')
      .where((eb) =>
        eb.or([
          eb('a.translation_of', '=', originalId),
          eb('a.id', '=', originalId),
          eb('a.interprets_id', '=', articleId),
          ...(interpretsId ? [eb('a.id', '=', interpretsId)] : []),
        ]),
      )
      .orderBy('a.published_at', 'desc')
      .execute();
  },

  attachments(db: DbOrTrx, articleId: string) {
    return db
      .selectFrom('portal_article_attachments as t')
      .innerJoin('files as f', 'f.id', 't.file_id')
      .select(['t.file_id', 't.title', 'f.size', 'f.media_type', 'f.safe_name'])
      .where('t.article_id', '=', articleId)
      .orderBy('t.position')
      .execute();
  },

  /** True when the file is a published article's attachment or cover on the site (so the public may fetch it). */
  async isPublicFile(db: DbOrTrx, siteId: string, fileId: string): Promise<boolean> {
    const row = await db
      .selectFrom('portal_articles as a')
      .leftJoin('portal_article_attachments as t', 't.article_id', 'a.id')
      .select('a.id')
      .where('a.site_id', '=', siteId)
      .where('a.status', '=', 'published')
      .where((eb) => eb.or([eb('t.file_id', '=', fileId), eb('a.cover_file_id', '=', fileId)]))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Every published article of a site, for sitemap.xml (newest first, bounded). */
  sitemap(db: DbOrTrx, siteId: string, limit: number) {
    return db
      .selectFrom('portal_articles')
      .select(['column_id', 'serial', sql<string>`coalesce(validity_changed_at, published_at)`.as('modified_at'), 'published_at'])
      .where('site_id', '=', siteId)
      .where('status', '=', 'published')
      .orderBy('published_at', 'desc')
      .limit(limit)
      .execute();
  },
};
