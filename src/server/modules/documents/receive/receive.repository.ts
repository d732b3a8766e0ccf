import type { DbOrTrx } from '../../../db/database.js';
import type { IncomingStep, UnitRole } from '../../../../shared/documents-receiving.js';
import type {
  DeliveryReceiptRow,
  IncomingCirculationRow,
  IncomingEventRow,
  IncomingReminderRow,
  IncomingRow,
  IncomingRowUpdate,
  IncomingUnitRow,
  NewIncomingRow,
} from './receive.table.js';

export { isUniqueViolation } from '../../../db/unique-violation.js';

/** All SQL of receiving: incoming items, 收文编号 counters, units, events, circulation, reminders, receipts. */
export const receiveRepository = {
  find(db: DbOrTrx, id: string): Promise<IncomingRow | undefined> {
    return db.selectFrom('incoming_documents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** The paper item registered with a scan, if any. */
  findByFile(db: DbOrTrx, fileId: string): Promise<{ id: string } | undefined> {
    return db.selectFrom('incoming_documents').select('id').where('file_id', '=', fileId).where('source', '=', 'paper').executeTakeFirst();
  },

  async insert(db: DbOrTrx, row: NewIncomingRow): Promise<void> {
    await db.insertInto('incoming_documents').values(row).execute();
  },

  /** Applies a step's changes if the item is still at `step` and `revision`; false when someone acted first. */
  async advance(db: DbOrTrx, id: string, expected: { step: readonly IncomingStep[]; revision: number }, changes: IncomingRowUpdate): Promise<boolean> {
    const result = await db
      .updateTable('incoming_documents')
      .set({ ...changes, revision: expected.revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', expected.revision)
      .where('step', 'in', [...expected.step])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /**
   * The next 收文编号 serial of an organisation and year. The counter row is created once and then
   * taken by an UPDATE … RETURNING, which holds its row lock (PostgreSQL) or the write lock (SQLite)
   * until the caller's transaction ends: serials are consecutive and never handed out twice.
   */
  async nextReceiptSerial(db: DbOrTrx, orgId: string, year: number): Promise<number> {
    await db
      .insertInto('incoming_number_counters')
      .values({ org_id: orgId, year, last_serial: 0 })
      .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
      .execute();
    const row = await db
      .updateTable('incoming_number_counters')
      .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('year', '=', year)
      .returning('last_serial')
      .executeTakeFirstOrThrow();
    return Number(row.last_serial);
  },

  async insertEvent(db: DbOrTrx, row: IncomingEventRow): Promise<void> {
    await db.insertInto('incoming_events').values(row).execute();
  },

  events(db: DbOrTrx, incomingId: string): Promise<IncomingEventRow[]> {
    return db.selectFrom('incoming_events').selectAll().where('incoming_id', '=', incomingId).orderBy('at').orderBy('id').execute();
  },

  /** The units of an item, written after its step changed (they copy its step and received time). */
  async replaceUnits(db: DbOrTrx, item: Pick<IncomingRow, 'id' | 'step' | 'received_at'>, units: readonly { orgId: string; role: UnitRole }[]): Promise<void> {
    await db.deleteFrom('incoming_units').where('incoming_id', '=', item.id).execute();
    if (units.length) {
      await db
        .insertInto('incoming_units')
        .values(units.map((u, position) => ({ incoming_id: item.id, org_id: u.orgId, role: u.role, position, step: item.step, received_at: item.received_at })))
        .execute();
    }
  },

  units(db: DbOrTrx, incomingIds: readonly string[]): Promise<IncomingUnitRow[]> {
    if (incomingIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('incoming_units').selectAll().where('incoming_id', 'in', [...incomingIds]).orderBy('incoming_id').orderBy('position').execute();
  },

  /** Adds readers to a circulation; those already on it keep their entry. Returns how many were added. */
  async addCirculation(db: DbOrTrx, rows: readonly IncomingCirculationRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await db
      .insertInto('incoming_circulations')
      .values([...rows])
      .onConflict((oc) => oc.columns(['incoming_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  },

  /** Marks one reader's copy read; false when it was read already (or never sent to him). */
  async markRead(db: DbOrTrx, incomingId: string, userId: string, at: string, comment: string | null): Promise<boolean> {
    const result = await db
      .updateTable('incoming_circulations')
      .set({ read_at: at, comment })
      .where('incoming_id', '=', incomingId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  circulation(db: DbOrTrx, incomingIds: readonly string[]): Promise<IncomingCirculationRow[]> {
    if (incomingIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('incoming_circulations').selectAll().where('incoming_id', 'in', [...incomingIds]).orderBy('sent_at').orderBy('user_name').execute();
  },

  /** Records a reminder once: false when the same one (item, kind, deadline, sequence) exists. */
  async insertReminder(db: DbOrTrx, row: IncomingReminderRow): Promise<boolean> {
    const result = await db
      .insertInto('incoming_reminders')
      .values(row)
      .onConflict((oc) => oc.columns(['incoming_id', 'kind', 'deadline', 'sequence']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  /** Counts a reminder on the item (without touching its revision: reminding is not a step). */
  async noteReminder(db: DbOrTrx, id: string, at: string): Promise<void> {
    await db
      .updateTable('incoming_documents')
      .set((eb) => ({ reminders: eb('reminders', '+', 1), last_reminded_at: at, updated_at: at }))
      .where('id', '=', id)
      .execute();
  },

  async countManualReminders(db: DbOrTrx, incomingId: string): Promise<number> {
    const row = await db
      .selectFrom('incoming_reminders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('incoming_id', '=', incomingId)
      .where('kind', '=', 'manual')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  reminders(db: DbOrTrx, incomingId: string): Promise<IncomingReminderRow[]> {
    return db.selectFrom('incoming_reminders').selectAll().where('incoming_id', '=', incomingId).orderBy('at').orderBy('id').execute();
  },

  async insertReceipt(db: DbOrTrx, row: DeliveryReceiptRow): Promise<void> {
    await db
      .insertInto('delivery_receipts')
      .values(row)
      .onConflict((oc) => oc.columns(['delivery_id', 'kind']).doNothing())
      .execute();
  },

  receiptsOfDocument(db: DbOrTrx, documentId: string): Promise<DeliveryReceiptRow[]> {
    return db.selectFrom('delivery_receipts').selectAll().where('document_id', '=', documentId).orderBy('at').orderBy('id').execute();
  },

  deliveriesOfDocument(db: DbOrTrx, documentId: string) {
    return db.selectFrom('document_deliveries').selectAll().where('document_id', '=', documentId).orderBy('delivered_at').orderBy('id').execute();
  },

  /** The columns of a document the receiving side reads (the seam). */
  findDocument(db: DbOrTrx, id: string) {
    return db
      .selectFrom('documents')
      .select(['id', 'org_id', 'kind', 'title', 'doc_number', 'secrecy', 'urgency', 'status', 'signer_name', 'issued_at', 'final_file_id', 'in_reply_to', 'document_date'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Issued documents answering an incoming item (复文). */
  repliesTo(db: DbOrTrx, incomingId: string) {
    return db
      .selectFrom('documents')
      .select(['id', 'org_id', 'title', 'doc_number', 'status', 'issued_at'])
      .where('in_reply_to', '=', incomingId)
      .orderBy('created_at')
      .execute();
  },

};
