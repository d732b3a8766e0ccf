import type { DbOrTrx } from '../../../db/database.js';
import type { NewPortalColumnRow, NewPortalSiteRow, PortalColumnRow, PortalSiteRow, PortalSiteUpdate } from '../portal.table.js';

/** All SQL on sites, their host names, columns and redirects. */
export const siteRepository = {
  async insertSite(db: DbOrTrx, row: NewPortalSiteRow): Promise<void> {
    await db.insertInto('portal_sites').values(row).execute();
  },

  findSite(db: DbOrTrx, id: string): Promise<PortalSiteRow | undefined> {
    return db.selectFrom('portal_sites').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findSiteBy(db: DbOrTrx, field: 'code' | 'path_prefix', value: string): Promise<PortalSiteRow | undefined> {
    return db.selectFrom('portal_sites').selectAll().where(field, '=', value).executeTakeFirst();
  },

  listSites(db: DbOrTrx): Promise<PortalSiteRow[]> {
    return db.selectFrom('portal_sites').selectAll().orderBy('position').orderBy('code').execute();
  },

  async countSites(db: DbOrTrx): Promise<number> {
    const row = await db.selectFrom('portal_sites').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async updateSite(db: DbOrTrx, id: string, changes: PortalSiteUpdate): Promise<void> {
    await db.updateTable('portal_sites').set(changes).where('id', '=', id).execute();
  },

  async hostsOf(db: DbOrTrx, siteIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = siteIds.length
      ? await db.selectFrom('portal_site_hosts').selectAll().where('site_id', 'in', siteIds).orderBy('host').execute()
      : [];
    const map = new Map<string, string[]>();
    for (const row of rows) map.set(row.site_id, [...(map.get(row.site_id) ?? []), row.host]);
    return map;
  },

  /** Host names among `hosts` that belong to a site other than `siteId`. */
  async hostsTaken(db: DbOrTrx, hosts: readonly string[], siteId: string | null): Promise<string[]> {
    if (!hosts.length) return [];
    let query = db.selectFrom('portal_site_hosts').select('host').where('host', 'in', hosts);
    if (siteId) query = query.where('site_id', '<>', siteId);
    return (await query.execute()).map((r) => r.host);
  },

  async replaceHosts(db: DbOrTrx, siteId: string, hosts: readonly string[]): Promise<void> {
    await db.deleteFrom('portal_site_hosts').where('site_id', '=', siteId).execute();
    if (hosts.length) await db.insertInto('portal_site_hosts').values(hosts.map((host) => ({ host, site_id: siteId }))).execute();
  },

  async insertColumn(db: DbOrTrx, row: NewPortalColumnRow): Promise<void> {
    await db.insertInto('portal_columns').values(row).execute();
  },

  findColumn(db: DbOrTrx, id: string): Promise<PortalColumnRow | undefined> {
    return db.selectFrom('portal_columns').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findColumnsByIds(db: DbOrTrx, ids: readonly string[]): Promise<PortalColumnRow[]> {
    return ids.length ? db.selectFrom('portal_columns').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
  },

  findColumnByPath(db: DbOrTrx, siteId: string, path: string): Promise<PortalColumnRow | undefined> {
    return db.selectFrom('portal_columns').selectAll().where('site_id', '=', siteId).where('path', '=', path).executeTakeFirst();
  },

  columnsOf(db: DbOrTrx, siteId: string): Promise<PortalColumnRow[]> {
    return db.selectFrom('portal_columns').selectAll().where('site_id', '=', siteId).orderBy('position').orderBy('path').execute();
  },

  async updateColumn(db: DbOrTrx, id: string, changes: Partial<Omit<PortalColumnRow, 'id'>>): Promise<void> {
    await db.updateTable('portal_columns').set(changes).where('id', '=', id).execute();
  },

  async deleteColumn(db: DbOrTrx, id: string): Promise<void> {
    await db.deleteFrom('portal_columns').where('id', '=', id).execute();
  },

  async nextPosition(db: DbOrTrx, siteId: string, parentId: string | null): Promise<number> {
    const row = await db
      .selectFrom('portal_columns')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('site_id', '=', siteId)
      .where('parent_id', parentId === null ? 'is' : '=', parentId)
      .executeTakeFirst();
    return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
  },

  async columnUsage(db: DbOrTrx, columnId: string): Promise<{ children: number; articles: number }> {
    const [children, articles] = await Promise.all([
      db.selectFrom('portal_columns').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', columnId).executeTakeFirstOrThrow(),
      db.selectFrom('portal_articles').select((eb) => eb.fn.countAll<number>().as('n')).where('column_id', '=', columnId).executeTakeFirstOrThrow(),
    ]);
    return { children: Number(children.n), articles: Number(articles.n) };
  },

  /** Published or withdrawn articles (those with a public page) in the given columns: their serials. */
  publicArticlesIn(db: DbOrTrx, columnIds: readonly string[]): Promise<{ column_id: string; serial: number }[]> {
    if (!columnIds.length) return Promise.resolve([]);
    return db
      .selectFrom('portal_articles')
      .select(['column_id', 'serial'])
      .where('column_id', 'in', columnIds)
      .where('status', 'in', ['published', 'withdrawn'])
      .execute();
  },

  /**
   * Records permanent redirects old path → new path. Redirects that led to an old path now lead to
   * the new one (no chains), and a path that is live again stops being redirected.
   */
  async addRedirects(db: DbOrTrx, moves: readonly { from: string; to: string }[], now: string): Promise<number> {
    const real = moves.filter((m) => m.from !== m.to);
    if (!real.length) return 0;
    const news = real.map((m) => m.to);
    for (let i = 0; i < news.length; i += 500) await db.deleteFrom('portal_redirects').where('from_path', 'in', news.slice(i, i + 500)).execute();
    for (const move of real) await db.updateTable('portal_redirects').set({ to_path: move.to }).where('to_path', '=', move.from).execute();
    for (let i = 0; i < real.length; i += 500) {
      await db
        .insertInto('portal_redirects')
        .values(real.slice(i, i + 500).map((m) => ({ from_path: m.from, to_path: m.to, created_at: now })))
        .onConflict((oc) => oc.column('from_path').doUpdateSet((eb) => ({ to_path: eb.ref('excluded.to_path'), created_at: eb.ref('excluded.created_at') })))
        .execute();
    }
    return real.length;
  },

  redirectsTo(db: DbOrTrx, prefix: string): Promise<{ from_path: string; to_path: string }[]> {
    return db.selectFrom('portal_redirects').select(['from_path', 'to_path']).where('to_path', 'like', `${prefix}%`).orderBy('from_path').execute();
  },
};
