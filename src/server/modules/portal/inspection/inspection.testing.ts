import type { DbOrTrx } from '../../../db/database.js';
import { newId } from '../../../platform/ids.js';
import type { ArticleStatus, ColumnCategory, SiteKind } from '../../../../shared/portal.js';

/** Test factories: portal rows written directly (publishing's API is another area's), for the inspection tests. */
export const inspectionFactory = {
  async site(db: DbOrTrx, input: { orgId: string; code: string; at: string; kind?: SiteKind }): Promise<string> {
    const id = newId();
    await db
      .insertInto('portal_sites')
      .values({
        id,
        code: input.code,
        org_id: input.orgId,
        parent_site_id: null,
        kind: input.kind ?? 'department',
        name_zh: `自查测试网站${input.code}`,
        name_mn: null,
        path_prefix: `/${input.code}`,
        site_id_code: null,
        icp_number: null,
        psb_number: null,
        languages: '["zh-CN"]',
        theme: '{}',
        position: 0,
        created_at: input.at,
        updated_at: input.at,
      })
      .execute();
    return id;
  },

  async column(db: DbOrTrx, input: { siteId: string; slug: string; category: ColumnCategory; parent?: { id: string; path: string }; at: string }): Promise<{ id: string; path: string }> {
    const id = newId();
    const path = input.parent ? `${input.parent.path}/${input.slug}` : input.slug;
    await db
      .insertInto('portal_columns')
      .values({
        id,
        site_id: input.siteId,
        parent_id: input.parent?.id ?? null,
        slug: input.slug,
        path,
        name_zh: `栏目${input.slug}`,
        name_mn: null,
        category: input.category,
        position: 0,
        description: null,
        created_at: input.at,
        updated_at: input.at,
      })
      .execute();
    return { id, path };
  },

  async article(
    db: DbOrTrx,
    input: { siteId: string; columnId: string; publishedAt: string | null; status?: ArticleStatus; bodyHtml?: string; title?: string; at: string },
  ): Promise<{ id: string; serial: number }> {
    const id = newId();
    const last = await db.selectFrom('portal_articles').select((eb) => eb.fn.max('serial').as('m')).where('site_id', '=', input.siteId).executeTakeFirst();
    const serial = Number(last?.m ?? 0) + 1;
    await db
      .insertInto('portal_articles')
      .values({
        id,
        site_id: input.siteId,
        column_id: input.columnId,
        serial,
        lang: 'zh-CN',
        translation_of: null,
        title: input.title ?? `测试文章${serial}`,
        subtitle: null,
        source: null,
        author: null,
        summary: null,
        body_html: input.bodyHtml ?? '<p>正文</p>',
        cover_file_id: null,
        tags: '[]',
        interprets_id: null,
        status: input.status ?? 'published',
        validity: 'valid',
        validity_note: null,
        validity_changed_at: null,
        publish_at: null,
        published_at: input.publishedAt,
        withdrawn_at: input.status === 'withdrawn' ? input.at : null,
        withdraw_reason: input.status === 'withdrawn' ? '测试撤稿' : null,
        reject_reason: null,
        version: 1,
        revision: 1,
        created_by: 'test',
        created_by_name: '测试',
        submitted_by: null,
        submitted_at: null,
        reviewed_by: null,
        reviewed_by_name: null,
        reviewed_at: null,
        created_at: input.at,
        updated_at: input.at,
      })
      .execute();
    return { id, serial };
  },

  async attachment(db: DbOrTrx, input: { articleId: string; fileId: string; title: string; at: string }): Promise<string> {
    const id = newId();
    await db.insertInto('portal_article_attachments').values({ id, article_id: input.articleId, file_id: input.fileId, title: input.title, position: 0, created_at: input.at }).execute();
    return id;
  },
};
