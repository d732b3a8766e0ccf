import { sql } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { ArchiveSource, Retention } from '../../../../shared/documents-receiving.js';
import type { ArchiveFondsRow, ArchiveFondsTable, ArchiveItemRow, NewArchiveItemRow } from './archive.table.js';

export interface ArchiveFilter {
  readonly orgId: string;
  readonly year?: number | undefined;
  readonly retention?: Retention | undefined;
  readonly source?: ArchiveSource | undefined;
  readonly q?: string | undefined;
}

/** All SQL of filing: 全宗 settings, 件 and their 件号 counters, and what filing reads of the sending side. */
export const archiveRepository = {
  findFonds(db: DbOrTrx, orgId: string): Promise<ArchiveFondsRow | undefined> {
    return db.selectFrom('archive_fonds').selectAll().where('org_id', '=', orgId).executeTakeFirst();
  },

  findFondsByCode(db: DbOrTrx, code: string): Promise<ArchiveFondsRow | undefined> {
    return db.selectFrom('archive_fonds').selectAll().where('fonds_code', '=', code).executeTakeFirst();
  },

  async saveFonds(db: DbOrTrx, row: ArchiveFondsTable): Promise<void> {
    await db
      .insertInto('archive_fonds')
      .values(row)
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({
          fonds_code: row.fonds_code,
          fonds_name: row.fonds_name,
          unit_code: row.unit_code,
          unit_name: row.unit_name,
          updated_at: row.updated_at,
          updated_by_name: row.updated_by_name,
        }),
      )
      .execute();
  },

  /** The highest number among the automatically assigned 全宗号 (`Q0001`, `Q0002`, …). */
  async lastDefaultFondsNumber(db: DbOrTrx): Promise<number> {
    const rows = await db.selectFrom('archive_fonds').select('fonds_code').where('fonds_code', 'like', 'Q%').execute();
    return rows.reduce((max, r) => (/^Q\d{4,}$/.test(r.fonds_code) ? Math.max(max, Number(r.fonds_code.slice(1))) : max), 0);
  },

  async countItems(db: DbOrTrx, orgId: string): Promise<number> {
    const row = await db.selectFrom('archive_items').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * The next 件号 of an organisation, year, retention period and 机构: the counter row is taken by an
   * UPDATE … RETURNING under the caller's transaction, so numbers are consecutive and never repeated.
   */
  async nextItemNumber(db: DbOrTrx, key: { orgId: string; year: number; retention: Retention; unitCode: string }): Promise<number> {
    await db
      .insertInto('archive_counters')
      .values({ org_id: key.orgId, year: key.year, retention: key.retention, unit_code: key.unitCode, last_number: 0 })
      .onConflict((oc) => oc.columns(['org_id', 'year', 'retention', 'unit_code']).doNothing())
      .execute();
    const row = await db
      .updateTable('archive_counters')
      .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
      .where('org_id', '=', key.orgId)
      .where('year', '=', key.year)
      .where('retention', '=', key.retention)
      .where('unit_code', '=', key.unitCode)
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return Number(row.last_number);
  },

  /** The 件号 the next filing would take (for preparing its stamp before the transaction). */
  async peekItemNumber(db: DbOrTrx, key: { orgId: string; year: number; retention: Retention; unitCode: string }): Promise<number> {
    const row = await db
      .selectFrom('archive_counters')
      .select('last_number')
      .where('org_id', '=', key.orgId)
      .where('year', '=', key.year)
      .where('retention', '=', key.retention)
      .where('unit_code', '=', key.unitCode)
      .executeTakeFirst();
    return Number(row?.last_number ?? 0) + 1;
  },

  async insertItem(db: DbOrTrx, row: NewArchiveItemRow): Promise<void> {
    await db.insertInto('archive_items').values(row).execute();
  },

  findItem(db: DbOrTrx, id: string): Promise<ArchiveItemRow | undefined> {
    return db.selectFrom('archive_items').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findByIncoming(db: DbOrTrx, incomingId: string): Promise<ArchiveItemRow | undefined> {
    return db.selectFrom('archive_items').selectAll().where('incoming_id', '=', incomingId).executeTakeFirst();
  },

  findSent(db: DbOrTrx, orgId: string, documentId: string): Promise<ArchiveItemRow | undefined> {
    return db
      .selectFrom('archive_items')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('source', '=', 'sent')
      .where('document_id', '=', documentId)
      .executeTakeFirst();
  },

  async filedIncoming(db: DbOrTrx, incomingIds: readonly string[]): Promise<Set<string>> {
    if (incomingIds.length === 0) return new Set();
    const rows = await db.selectFrom('archive_items').select('incoming_id').where('incoming_id', 'in', [...incomingIds]).execute();
    return new Set(rows.map((r) => r.incoming_id!));
  },

  async list(db: DbOrTrx, filter: ArchiveFilter, page: { offset: number; limit: number }): Promise<{ rows: ArchiveItemRow[]; total: number }> {
    let query = db.selectFrom('archive_items').where('org_id', '=', filter.orgId);
    if (filter.year !== undefined) query = query.where('year', '=', filter.year);
    if (filter.retention) query = query.where('retention', '=', filter.retention);
    if (filter.source) query = query.where('source', '=', filter.source);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([sql<boolean>`title like ${like} escape '\\'`, sql<boolean>`archival_code like ${like} escape '\\'`, sql<boolean>`doc_number like ${like} escape '\\'`]));
    }
    const [rows, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('year', 'desc')
        .orderBy('retention')
        .orderBy('unit_code')
        .orderBy('item_number')
        .offset(page.offset)
        .limit(page.limit)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** Every 件 of an organisation and year, in 档号 order: an archival package. */
  itemsOfYear(db: DbOrTrx, orgId: string, year: number): Promise<ArchiveItemRow[]> {
    return db
      .selectFrom('archive_items')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('year', '=', year)
      .orderBy('retention')
      .orderBy('unit_code')
      .orderBy('item_number')
      .execute();
  },

  /** A sent document's flow history (the sending side's table; read-only here). */
  flowEvents(db: DbOrTrx, documentId: string) {
    return db.selectFrom('document_flow_events').selectAll().where('document_id', '=', documentId).orderBy('at').orderBy('id').execute();
  },

  /** Who a sent document reached at 核发 (主送 and 抄送), from the deliveries. */
  recipients(db: DbOrTrx, documentId: string) {
    return db.selectFrom('document_deliveries').select(['org_id', 'role']).where('document_id', '=', documentId).orderBy('id').execute();
  },
};
