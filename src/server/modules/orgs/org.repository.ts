import type { DbOrTrx } from '../../db/database.js';
import type { OrgKind } from '../../../shared/orgs.js';
import type { NewOrgRow, OrgRow, OrgRowUpdate } from './org.table.js';

/** All SQL on the orgs table. Functions return rows; the service turns them into Orgs. */
export const orgRepository = {
  async findById(db: DbOrTrx, id: string): Promise<OrgRow | undefined> {
    return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByRef(db: DbOrTrx, ref: string): Promise<OrgRow | undefined> {
    return db.selectFrom('orgs').selectAll().where('ref', '=', ref).executeTakeFirst();
  },

  async findByCode(db: DbOrTrx, code: string): Promise<OrgRow | undefined> {
    return db.selectFrom('orgs').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async findByIds(db: DbOrTrx, ids: readonly string[]): Promise<OrgRow[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('orgs').selectAll().where('id', 'in', ids).execute();
  },

  /** The children of several organisations, in tree order. */
  async findByParents(db: DbOrTrx, parentIds: readonly string[]): Promise<OrgRow[]> {
    if (parentIds.length === 0) return [];
    return db.selectFrom('orgs').selectAll().where('parent_id', 'in', parentIds).orderBy('depth').orderBy('sort_order').orderBy('id').execute();
  },

  async findAllRefs(db: DbOrTrx): Promise<Pick<OrgRow, 'id' | 'ref' | 'code' | 'path' | 'depth' | 'credit_code' | 'name_zh'>[]> {
    return db.selectFrom('orgs').select(['id', 'ref', 'code', 'path', 'depth', 'credit_code', 'name_zh']).execute();
  },

  async list(
    db: DbOrTrx,
    filter: { parentId?: string | undefined; kinds?: readonly OrgKind[] | undefined },
    page: { offset: number; limit: number },
  ): Promise<{ rows: OrgRow[]; total: number }> {
    let query = db.selectFrom('orgs');
    if (filter.parentId !== undefined) query = query.where('parent_id', '=', filter.parentId);
    if (filter.kinds?.length) query = query.where('kind', 'in', filter.kinds);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('depth').orderBy('sort_order').orderBy('id').offset(page.offset).limit(page.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** The org at `path` and everything below it, at most `maxDepth` levels down. */
  async subtree(db: DbOrTrx, path: string, maxDepth: number): Promise<OrgRow[]> {
    return db
      .selectFrom('orgs')
      .selectAll()
      .where('path', 'like', `${path}%`)
      .where('depth', '<=', maxDepth)
      .orderBy('depth')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  },

  async roots(db: DbOrTrx): Promise<OrgRow[]> {
    return db.selectFrom('orgs').selectAll().where('parent_id', 'is', null).orderBy('sort_order').execute();
  },

  async countChildren(db: DbOrTrx, id: string): Promise<number> {
    const row = await db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Name, short name, Latin name or code matches; exact and prefix matches rank first. */
  async search(db: DbOrTrx, q: string, kinds: readonly OrgKind[] | undefined, limit: number): Promise<OrgRow[]> {
    // LIKE wildcards carry no meaning in organisation names; dropping them avoids dialect-specific escaping.
    const safe = q.replace(/[\\%_]/g, '');
    const pattern = `%${safe}%`;
    let query = db
      .selectFrom('orgs')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('name_zh', 'like', eb.val(pattern)),
          eb('short_name', 'like', eb.val(pattern)),
          eb(eb.fn('lower', ['name_latin']), 'like', pattern.toLowerCase()),
          eb('code', 'like', `${safe}%`),
        ]),
      );
    if (kinds?.length) query = query.where('kind', 'in', kinds);
    const rows = await query.orderBy('depth').orderBy('sort_order').limit(500).execute();
    const rank = (row: OrgRow) =>
      row.name_zh === q || row.short_name === q || row.code === q
        ? 0
        : row.name_zh.startsWith(q) || row.short_name?.startsWith(q)
          ? 1
          : 2;
    return rows.sort((a, b) => rank(a) - rank(b) || a.depth - b.depth).slice(0, limit);
  },

  /** Inserts in batches; parents must come before their children. */
  async insertMany(db: DbOrTrx, rows: readonly NewOrgRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 400) {
      await db.insertInto('orgs').values(rows.slice(i, i + 400)).execute();
    }
  },

  async update(db: DbOrTrx, id: string, changes: OrgRowUpdate): Promise<void> {
    await db.updateTable('orgs').set(changes).where('id', '=', id).execute();
  },

  async count(db: DbOrTrx): Promise<number> {
    const row = await db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async countByKind(db: DbOrTrx): Promise<Record<string, number>> {
    const rows = await db
      .selectFrom('orgs')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
  },
};
