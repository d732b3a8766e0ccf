import type { Insertable } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';

/** Bound values per statement: under SQLite's 32,766 (PostgreSQL allows 65,535). */
const MAX_VALUES = 30_000;

async function insertChunked<T extends keyof Database & string>(db: DbOrTrx, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length;
  const chunk = Math.max(1, Math.floor(MAX_VALUES / columns));
  for (let i = 0; i < rows.length; i += chunk) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one generic multi-row insert for every table
    await db.insertInto(table).values(rows.slice(i, i + chunk) as any).execute();
  }
}

/** The multi-row writes and counter reads of the bulk documents. */
export const bulkRepository = {
  insert: insertChunked,

  /** Drops the 待签收 items the delivery trigger wrote for these deliveries (they are replaced at their step). */
  async deletePending(db: DbOrTrx, ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) {
      await db.deleteFrom('incoming_documents').where('id', 'in', ids.slice(i, i + 1000)).where('step', '=', 'pending').execute();
    }
  },

  async documentCounters(db: DbOrTrx): Promise<Map<string, number>> {
    const rows = await db.selectFrom('document_number_counters').selectAll().execute();
    return new Map(rows.map((r) => [`${r.prefix}|${r.year}`, Number(r.last_serial)]));
  },

  async receiptCounters(db: DbOrTrx): Promise<Map<string, number>> {
    const rows = await db.selectFrom('incoming_number_counters').selectAll().execute();
    return new Map(rows.map((r) => [`${r.org_id}|${r.year}`, Number(r.last_serial)]));
  },

  /** Moves the counters on to the serials taken (never back), so later registrations continue after them. */
  async saveCounters(db: DbOrTrx, counters: { docSerials: ReadonlyMap<string, number>; receiptSerials: ReadonlyMap<string, number> }): Promise<void> {
    const documents = [...counters.docSerials].map(([key, last]) => {
      const [prefix, year] = key.split('|') as [string, string];
      return { prefix, year: Number(year), last_serial: last };
    });
    const receipts = [...counters.receiptSerials].map(([key, last]) => {
      const [orgId, year] = key.split('|') as [string, string];
      return { org_id: orgId, year: Number(year), last_serial: last };
    });
    for (let i = 0; i < documents.length; i += 5000) {
      await db
        .insertInto('document_number_counters')
        .values(documents.slice(i, i + 5000))
        .onConflict((oc) =>
          oc
            .columns(['prefix', 'year'])
            .doUpdateSet({ last_serial: (eb) => eb.ref('excluded.last_serial') })
            .where((eb) => eb('document_number_counters.last_serial', '<', eb.ref('excluded.last_serial'))),
        )
        .execute();
    }
    for (let i = 0; i < receipts.length; i += 5000) {
      await db
        .insertInto('incoming_number_counters')
        .values(receipts.slice(i, i + 5000))
        .onConflict((oc) =>
          oc
            .columns(['org_id', 'year'])
            .doUpdateSet({ last_serial: (eb) => eb.ref('excluded.last_serial') })
            .where((eb) => eb('incoming_number_counters.last_serial', '<', eb.ref('excluded.last_serial'))),
        )
        .execute();
    }
  },
};
