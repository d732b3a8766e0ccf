import type { Db } from '../../../db/database.js';
import { newId } from '../../../platform/ids.js';
import type { ColumnCategory, PortalLanguage } from '../../../../shared/portal.js';
import type { NewPortalArticleRow } from '../portal.table.js';

/**
 * Test factories for the public site: rows written straight into the content tables, as the
 * publishing area would have left them (published articles have `status='published'` and
 * `published_at`). Only for tests: the site never writes content.
 */
export function siteFactory(db: Db, orgId: string) {
  const at = '2026-03-01T00:00:00.000Z';
  const serials = new Map<string, number>();
  return {
    async site(input: { code: string; prefix: string; nameZh?: string; nameMn?: string | null; hosts?: string[]; siteIdCode?: string }) {
      const id = newId();
      await db
        .insertInto('portal_sites')
        .values({
          id,
          code: input.code,
          org_id: orgId,
          parent_site_id: null,
          kind: input.prefix === '' ? 'portal' : 'department',
          name_zh: input.nameZh ?? `${input.code}网站`,
          name_mn: input.nameMn ?? null,
          path_prefix: input.prefix,
          site_id_code: input.siteIdCode ?? null,
          icp_number: '蒙ICP备00000001号',
          psb_number: '蒙公网安备 15220002000001号',
          languages: JSON.stringify(['zh-CN', 'mn-Mong']),
          theme: '{}',
          position: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (const host of input.hosts ?? []) await db.insertInto('portal_site_hosts').values({ host, site_id: id }).execute();
      return id;
    },

    async column(siteId: string, input: { slug: string; nameZh: string; nameMn?: string; parentId?: string; parentPath?: string; category?: ColumnCategory; position?: number }) {
      const id = newId();
      const path = input.parentPath ? `${input.parentPath}/${input.slug}` : input.slug;
      await db
        .insertInto('portal_columns')
        .values({
          id,
          site_id: siteId,
          parent_id: input.parentId ?? null,
          slug: input.slug,
          path,
          name_zh: input.nameZh,
          name_mn: input.nameMn ?? null,
          category: input.category ?? 'news',
          position: input.position ?? 0,
          description: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      return { id, path };
    },

    async article(siteId: string, columnId: string, input: Partial<NewPortalArticleRow> & { title: string; lang?: PortalLanguage }) {
      const id = newId();
      const serial = (serials.get(siteId) ?? 0) + 1;
      serials.set(siteId, serial);
      await db
        .insertInto('portal_articles')
        .values({
          id,
          site_id: siteId,
          column_id: columnId,
          serial,
          lang: input.lang ?? 'zh-CN',
          translation_of: null,
          subtitle: null,
          source: null,
          author: null,
          summary: null,
          body_html: '<p>正文</p>',
          cover_file_id: null,
          tags: '[]',
          interprets_id: null,
          status: 'published',
          validity: 'valid',
          published_at: '2026-03-02T02:30:00.000Z',
          version: 1,
          revision: 1,
          created_by: 'test',
          created_by_name: '测试',
          created_at: at,
          updated_at: at,
          ...input,
        })
        .execute();
      return { id, serial };
    },
  };
}
