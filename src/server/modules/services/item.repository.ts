import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import { parentLevels, type ServiceItemLevel, type ServiceItemStatus } from '../../../shared/services.js';
import type { NewServiceItemRow, ServiceItemRow, ServiceItemUpdate } from './services.table.js';

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface ItemFilter {
  readonly orgId: string;
  readonly status?: ServiceItemStatus | undefined;
  readonly kind?: string | undefined;
  /** Only the items an item of this level may belong to. */
  readonly parentsFor?: ServiceItemLevel | undefined;
  readonly q?: string | undefined;
}

/** All SQL of the service item catalogue. */
export const itemRepository = {
  async insert(db: DbOrTrx, row: NewServiceItemRow): Promise<void> {
    await db.insertInto('service_items').values(row).execute();
  },

  find(db: DbOrTrx, id: string): Promise<ServiceItemRow | undefined> {
    return db.selectFrom('service_items').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The row, locked until the transaction ends (PostgreSQL only: SQLite has no row locks). */
  findLocked(db: DbOrTrx, id: string, mode: 'share' | 'update'): Promise<ServiceItemRow | undefined> {
    const query = db.selectFrom('service_items').selectAll().where('id', '=', id);
    return (mode === 'share' ? query.forShare() : query.forUpdate()).executeTakeFirst();
  },

  /** The levels of an item's children. */
  async childLevels(db: DbOrTrx, id: string): Promise<ServiceItemLevel[]> {
    const rows = await db.selectFrom('service_items').select('level').distinct().where('parent_id', '=', id).execute();
    return rows.map((r) => r.level);
  },

  findByCode(db: DbOrTrx, code: string): Promise<ServiceItemRow | undefined> {
    return db.selectFrom('service_items').selectAll().where('code', '=', code).executeTakeFirst();
  },

  /** Updates the row only if it is still at `revision`; false when someone changed it meanwhile. */
  async update(db: DbOrTrx, id: string, revision: number, changes: ServiceItemUpdate): Promise<boolean> {
    const result = await db
      .updateTable('service_items')
      .set({ ...changes, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async list(db: DbOrTrx, filter: ItemFilter, page: number, pageSize: number): Promise<{ items: ServiceItemRow[]; total: number }> {
    let query = db.selectFrom('service_items').where('org_id', '=', filter.orgId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.kind) query = query.where('kind', '=', filter.kind as ServiceItemRow['kind']);
    if (filter.parentsFor) {
      const levels = parentLevels[filter.parentsFor];
      query = levels.length ? query.where('level', 'in', levels) : query.where(sql<boolean>`false`);
    }
    if (filter.q) {
      const pattern = `%${likeEscape(filter.q)}%`;
      // Codes are stored in capitals; PostgreSQL's like is case-sensitive, SQLite's is not.
      query = query.where((eb) => eb.or([eb('name', 'like', sql<string>`${pattern} escape '\\'`), eb('code', 'like', sql<string>`${pattern.toUpperCase()} escape '\\'`)]));
    }
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('code').limit(pageSize).offset((page - 1) * pageSize).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** The published items of these organisations. */
  async publishedOf(db: DbOrTrx, orgIds: readonly string[]): Promise<ServiceItemRow[]> {
    if (!orgIds.length) return [];
    return db.selectFrom('service_items').selectAll().where('org_id', 'in', orgIds).where('status', '=', 'published').execute();
  },

  async statusCounts(db: DbOrTrx, orgId: string): Promise<Record<string, number>> {
    const rows = await db.selectFrom('service_items').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('org_id', '=', orgId).groupBy('status').execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },

  async childCounts(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, { all: number; published: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('service_items')
      .select(['parent_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('parent_id', 'in', ids)
      .groupBy(['parent_id', 'status'])
      .execute();
    const counts = new Map<string, { all: number; published: number }>();
    for (const r of rows) {
      const c = counts.get(r.parent_id!) ?? { all: 0, published: 0 };
      c.all += Number(r.n);
      if (r.status === 'published') c.published += Number(r.n);
      counts.set(r.parent_id!, c);
    }
    return counts;
  },

  names(db: DbOrTrx, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('service_items').select(['id', 'name']).where('id', 'in', ids).execute();
  },

  /** Published items, optionally of some organisations only, by code. */
  published(db: DbOrTrx, orgIds?: readonly string[]): Promise<ServiceItemRow[]> {
    let query = db.selectFrom('service_items').selectAll().where('status', '=', 'published');
    if (orgIds) {
      if (orgIds.length === 0) return Promise.resolve([]);
      query = query.where('org_id', 'in', orgIds);
    }
    return query.orderBy('code').execute();
  },

  codes(db: DbOrTrx, ids: readonly string[]): Promise<{ id: string; code: string }[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('service_items').select(['id', 'code']).where('id', 'in', ids).execute();
  },

  publishedChildren(db: DbOrTrx, parentId: string): Promise<ServiceItemRow[]> {
    return db.selectFrom('service_items').selectAll().where('parent_id', '=', parentId).where('status', '=', 'published').orderBy('code').execute();
  },

  publishedByCode(db: DbOrTrx, code: string): Promise<ServiceItemRow | undefined> {
    return db.selectFrom('service_items').selectAll().where('code', '=', code).where('status', '=', 'published').executeTakeFirst();
  },

  countAll(db: DbOrTrx): Promise<number> {
    return db
      .selectFrom('service_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
};
