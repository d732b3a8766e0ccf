import type { DbOrTrx } from '../../../db/database.js';
import type { RoleGrant } from '../../../platform/actor.js';
import type { ColumnCategory } from '../../../../shared/portal.js';

/** A demo account as the seed acts for it. */
export interface DemoAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: string;
  readonly roles: readonly RoleGrant[];
}

export interface DemoColumn {
  readonly id: string;
  readonly siteCode: string;
  readonly nameZh: string;
  readonly category: ColumnCategory;
}

/** The reads of the demo articles' seed. */
export const demoRepository = {
  /**
   * Active accounts by username, with their grants. The identity module offers no user lookup
   * through its index.ts yet; like the documents' demo seed, this read-only query over its
   * `users`/`user_roles` is the one place the portal seed reads them.
   */
  async accounts(db: DbOrTrx, usernames: readonly string[]): Promise<Map<string, DemoAccount>> {
    const rows = await db
      .selectFrom('users as u')
      .leftJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'r.role', 'r.org_id as role_org_id', 'r.scope'])
      .where('u.username', 'in', [...usernames])
      .where('u.status', '=', 'active')
      .execute();
    const accounts = new Map<string, DemoAccount & { roles: RoleGrant[] }>();
    for (const row of rows) {
      const account = accounts.get(row.username) ?? { id: row.id, username: row.username, displayName: row.display_name, orgId: row.org_id, roles: [] };
      if (row.role && row.role_org_id) account.roles.push({ role: row.role, orgId: row.role_org_id, scope: row.scope === 'subtree' ? 'subtree' : 'org' });
      accounts.set(row.username, account);
    }
    return accounts;
  },

  /** The columns of the demo sites, in tree order. */
  async columns(db: DbOrTrx, siteCodes: readonly string[]): Promise<DemoColumn[]> {
    const rows = await db
      .selectFrom('portal_columns as c')
      .innerJoin('portal_sites as s', 's.id', 'c.site_id')
      .select(['c.id', 's.code', 'c.name_zh', 'c.category'])
      .where('s.code', 'in', [...siteCodes])
      .orderBy('s.code')
      .orderBy('c.path')
      .execute();
    return rows.map((r) => ({ id: r.id, siteCode: r.code, nameZh: r.name_zh, category: r.category }));
  },

  /** Articles already there, by site code, language and title: what the seed wrote before. */
  async existing(db: DbOrTrx, siteCodes: readonly string[]): Promise<Map<string, { id: string; status: string }>> {
    const rows = await db
      .selectFrom('portal_articles as a')
      .innerJoin('portal_sites as s', 's.id', 'a.site_id')
      .select(['a.id', 'a.title', 'a.lang', 'a.status', 's.code'])
      .where('s.code', 'in', [...siteCodes])
      .execute();
    return new Map(rows.map((r) => [articleKey(r.code, r.lang, r.title), { id: r.id, status: r.status }]));
  },

  async revision(db: DbOrTrx, articleId: string): Promise<number> {
    const row = await db.selectFrom('portal_articles').select('revision').where('id', '=', articleId).executeTakeFirstOrThrow();
    return Number(row.revision);
  },
};

export const articleKey = (siteCode: string, lang: string, title: string): string => `${siteCode}|${lang}|${title}`;
