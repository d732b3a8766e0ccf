import type { Kysely } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type { SealedColumn } from './sealed-column.js';

export interface SealedRow {
  readonly key: string;
  readonly sealed: string;
  readonly index: string | null;
}

/**
 * The tables are the modules' (declared in code, never input); the platform cannot name their
 * types, so it queries them untyped.
 */
type Untyped = Kysely<Record<string, Record<string, string | number | null>>>;

/**
 * Reads and rewrites the sealed columns modules declare. Table and column names come from the
 * modules' declarations (code, never input), so they are safe as identifiers.
 */
export const sealedDataRepository = {
  /** The next `limit` rows after `after` (by key) whose envelope is set. */
  async page(db: DbOrTrx, column: SealedColumn, after: string | null, limit: number): Promise<SealedRow[]> {
    const any = db as unknown as Untyped;
    let query = any
      .selectFrom(column.table)
      .select([`${column.key} as key`, `${column.column} as sealed`])
      .where(column.column, 'is not', null)
      .orderBy(column.key)
      .limit(limit);
    if (column.index) query = query.select(`${column.index.column} as index`);
    if (after !== null) query = query.where(column.key, '>', after);
    const rows = (await query.execute()) as { key: string | number; sealed: string; index?: string | null }[];
    return rows.map((r) => ({ key: String(r.key), sealed: r.sealed, index: r.index ?? null }));
  },

  /**
   * Replaces one envelope (and its index) only if the row still holds the envelope that was read,
   * so a value a user changed meanwhile is never overwritten with the old one. True when written.
   */
  async replace(db: DbOrTrx, column: SealedColumn, row: SealedRow, sealed: string, index: string | null): Promise<boolean> {
    const any = db as unknown as Untyped;
    const values: Record<string, string | null> = { [column.column]: sealed };
    if (column.index) values[column.index.column] = index;
    const result = await any
      .updateTable(column.table)
      .set(values)
      .where(column.key, '=', row.key)
      .where(column.column, '=', row.sealed)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
