import { sql, type Insertable } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { Database } from '../../../db/schema.js';
import type { PortalColumnRow, PortalSiteRow } from '../portal.table.js';

/** Bound values per statement: under SQLite's 32,766 (PostgreSQL allows 65,535). */
const MAX_VALUES = 30_000;

type BulkTable = 'portal_articles' | 'portal_article_versions';

/** The reads and multi-row writes of the bulk articles (`hinggan seed --articles N`). */
export const bulkArticlesRepository = {
  async insert<T extends BulkTable>(db: DbOrTrx, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
    if (rows.length === 0) return;
    const chunk = Math.max(1, Math.floor(MAX_VALUES / Object.keys(rows[0]!).length));
    for (let i = 0; i < rows.length; i += chunk) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one multi-row insert for both tables
      await db.insertInto(table).values(rows.slice(i, i + chunk) as any).execute();
    }
  },

  sites: (db: DbOrTrx): Promise<PortalSiteRow[]> => db.selectFrom('portal_sites').selectAll().orderBy('position').orderBy('code').execute(),

  columns: (db: DbOrTrx): Promise<PortalColumnRow[]> =>
    db.selectFrom('portal_columns').selectAll().orderBy('site_id').orderBy('path').execute(),

  /** The last serial given out per site: the counter, or the highest serial written, whichever is larger. */
  async lastSerials(db: DbOrTrx): Promise<Map<string, number>> {
    const counters = await db.selectFrom('portal_article_serials').selectAll().execute();
    const written = await db
      .selectFrom('portal_articles')
      .select(['site_id', (eb) => eb.fn.max('serial').as('last')])
      .groupBy('site_id')
      .execute();
    const last = new Map<string, number>();
    for (const row of [...counters.map((c) => ({ site_id: c.site_id, last: c.last_serial })), ...written]) {
      last.set(row.site_id, Math.max(last.get(row.site_id) ?? 0, Number(row.last ?? 0)));
    }
    return last;
  },

  /** Moves the per-site counters on to the serials taken (never back). */
  async saveSerials(db: DbOrTrx, serials: ReadonlyMap<string, number>): Promise<void> {
    const rows = [...serials].map(([site_id, last_serial]) => ({ site_id, last_serial }));
    if (rows.length === 0) return;
    await db
      .insertInto('portal_article_serials')
      .values(rows)
      .onConflict((oc) =>
        oc
          .column('site_id')
          .doUpdateSet({ last_serial: (eb) => eb.ref('excluded.last_serial') })
          .where((eb) => eb('portal_article_serials.last_serial', '<', eb.ref('excluded.last_serial'))),
      )
      .execute();
  },

  /** PostgreSQL: fresh statistics for the planner and no dead tuples after a bulk load. */
  async vacuum(db: DbOrTrx): Promise<void> {
    for (const table of ['portal_articles', 'portal_article_versions', 'portal_article_serials', 'search_entries']) {
      await sql.raw(`vacuum (analyze) ${table}`).execute(db);
    }
  },
};
