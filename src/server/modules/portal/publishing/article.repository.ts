import type { DbOrTrx } from '../../../db/database.js';
import type { ArticleStatus } from '../../../../shared/portal.js';
import type {
  NewPortalArticleRow,
  PortalArticleEventRow,
  PortalArticleRow,
  PortalArticleUpdate,
  PortalArticleVersionRow,
} from '../portal.table.js';

export interface ArticleListFilter {
  readonly siteIds: readonly string[];
  readonly columnId?: string | undefined;
  readonly statuses?: readonly ArticleStatus[] | undefined;
  readonly createdBy?: string | undefined;
  /** Leave out articles any of these people wrote a version of (the review queue). */
  readonly notAuthoredBy?: string | undefined;
  /** Part of the title. */
  readonly q?: string | undefined;
}

export interface AttachmentRow {
  readonly id: string;
  readonly article_id: string;
  readonly file_id: string;
  readonly title: string;
  readonly position: number;
  readonly created_at: string;
  readonly media_type: string;
  readonly size: number;
}

/** All SQL on articles and what belongs to one: versions, attachments, history, the per-site serial. */
export const articleRepository = {
  /** The next per-site serial (never reused), taken under the row lock of the serial counter. */
  async nextSerial(db: DbOrTrx, siteId: string): Promise<number> {
    const bumped = await db
      .updateTable('portal_article_serials')
      .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
      .where('site_id', '=', siteId)
      .returning('last_serial')
      .executeTakeFirst();
    if (bumped) return Number(bumped.last_serial);
    await db
      .insertInto('portal_article_serials')
      .values({ site_id: siteId, last_serial: 1 })
      .onConflict((oc) => oc.column('site_id').doUpdateSet((eb) => ({ last_serial: eb('portal_article_serials.last_serial', '+', 1) })))
      .execute();
    const row = await db.selectFrom('portal_article_serials').select('last_serial').where('site_id', '=', siteId).executeTakeFirstOrThrow();
    return Number(row.last_serial);
  },

  async insert(db: DbOrTrx, row: NewPortalArticleRow): Promise<void> {
    await db.insertInto('portal_articles').values(row).execute();
  },

  findById(db: DbOrTrx, id: string): Promise<PortalArticleRow | undefined> {
    return db.selectFrom('portal_articles').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByIds(db: DbOrTrx, ids: readonly string[]): Promise<PortalArticleRow[]> {
    return ids.length ? db.selectFrom('portal_articles').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  },

  /** Updates the article only at the revision the caller read, bumping it; false when it moved meanwhile. */
  async updateAtRevision(db: DbOrTrx, id: string, revision: number, changes: PortalArticleUpdate): Promise<boolean> {
    const result = await db
      .updateTable('portal_articles')
      .set({ ...changes, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Scheduled articles whose time has come, oldest first. */
  dueScheduled(db: DbOrTrx, now: string, limit: number): Promise<PortalArticleRow[]> {
    return db
      .selectFrom('portal_articles')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('publish_at', '<=', now)
      .orderBy('publish_at')
      .limit(limit)
      .execute();
  },

  async list(db: DbOrTrx, filter: ArticleListFilter, page: { offset: number; limit: number }): Promise<{ rows: PortalArticleRow[]; total: number }> {
    if (!filter.siteIds.length) return { rows: [], total: 0 };
    let query = db.selectFrom('portal_articles').where('site_id', 'in', filter.siteIds);
    if (filter.columnId) query = query.where('column_id', '=', filter.columnId);
    if (filter.statuses?.length) query = query.where('status', 'in', filter.statuses);
    if (filter.createdBy) query = query.where('created_by', '=', filter.createdBy);
    if (filter.notAuthoredBy) {
      const me = filter.notAuthoredBy;
      query = query.where('created_by', '<>', me).where('id', 'not in', (eb) => eb.selectFrom('portal_article_versions').select('article_id').where('created_by', '=', me));
    }
    if (filter.q) query = query.where('title', 'like', `%${filter.q.replace(/[\\%_]/g, '')}%`);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  async insertVersion(db: DbOrTrx, row: PortalArticleVersionRow): Promise<void> {
    await db.insertInto('portal_article_versions').values(row).execute();
  },

  versions(db: DbOrTrx, articleId: string): Promise<PortalArticleVersionRow[]> {
    return db.selectFrom('portal_article_versions').selectAll().where('article_id', '=', articleId).orderBy('number').execute();
  },

  version(db: DbOrTrx, articleId: string, number: number): Promise<PortalArticleVersionRow | undefined> {
    return db.selectFrom('portal_article_versions').selectAll().where('article_id', '=', articleId).where('number', '=', number).executeTakeFirst();
  },

  /** Everyone who wrote a version of each article. */
  async authorsOf(db: DbOrTrx, articleIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = articleIds.length
      ? await db.selectFrom('portal_article_versions').select(['article_id', 'created_by']).distinct().where('article_id', 'in', articleIds).execute()
      : [];
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.article_id, [...(map.get(row.article_id) ?? []), row.created_by]);
    return map;
  },

  async insertEvent(db: DbOrTrx, row: PortalArticleEventRow): Promise<void> {
    await db.insertInto('portal_article_events').values(row).execute();
  },

  events(db: DbOrTrx, articleId: string): Promise<PortalArticleEventRow[]> {
    return db.selectFrom('portal_article_events').selectAll().where('article_id', '=', articleId).orderBy('at').orderBy('id').execute();
  },

  attachments(db: DbOrTrx, articleId: string): Promise<AttachmentRow[]> {
    return db
      .selectFrom('portal_article_attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .select(['a.id', 'a.article_id', 'a.file_id', 'a.title', 'a.position', 'a.created_at', 'f.media_type', 'f.size'])
      .where('a.article_id', '=', articleId)
      .orderBy('a.position')
      .execute() as Promise<AttachmentRow[]>;
  },

  async insertAttachment(db: DbOrTrx, row: { id: string; article_id: string; file_id: string; title: string; created_at: string }): Promise<void> {
    const last = await db
      .selectFrom('portal_article_attachments')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('article_id', '=', row.article_id)
      .executeTakeFirst();
    const position = last?.p === null || last?.p === undefined ? 1 : Number(last.p) + 1;
    await db.insertInto('portal_article_attachments').values({ ...row, position }).execute();
  },

  async deleteAttachment(db: DbOrTrx, articleId: string, attachmentId: string): Promise<string | undefined> {
    const row = await db.selectFrom('portal_article_attachments').select('file_id').where('id', '=', attachmentId).where('article_id', '=', articleId).executeTakeFirst();
    if (!row) return undefined;
    await db.deleteFrom('portal_article_attachments').where('id', '=', attachmentId).execute();
    return row.file_id;
  },

  /** Whether a file is the cover or an attachment of a published article (anyone may then fetch it). */
  async isPublicFile(db: DbOrTrx, fileId: string): Promise<boolean> {
    const cover = await db.selectFrom('portal_articles').select('id').where('cover_file_id', '=', fileId).where('status', '=', 'published').executeTakeFirst();
    if (cover) return true;
    const attached = await db
      .selectFrom('portal_article_attachments as a')
      .innerJoin('portal_articles as p', 'p.id', 'a.article_id')
      .select('a.id')
      .where('a.file_id', '=', fileId)
      .where('p.status', '=', 'published')
      .executeTakeFirst();
    return Boolean(attached);
  },

  /** Whether a file is the cover or an attachment of this article. */
  async fileOfArticle(db: DbOrTrx, articleId: string, fileId: string): Promise<boolean> {
    const cover = await db.selectFrom('portal_articles').select('id').where('id', '=', articleId).where('cover_file_id', '=', fileId).executeTakeFirst();
    if (cover) return true;
    return Boolean(
      await db.selectFrom('portal_article_attachments').select('id').where('article_id', '=', articleId).where('file_id', '=', fileId).executeTakeFirst(),
    );
  },
};
