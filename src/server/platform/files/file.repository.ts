import type { DbOrTrx } from '../../db/database.js';
import type { FileRow, NewFileRow } from './file.table.js';

export const fileRepository = {
  async insert(db: DbOrTrx, row: NewFileRow): Promise<void> {
    await db.insertInto('files').values(row).execute();
  },

  findById(db: DbOrTrx, id: string): Promise<FileRow | undefined> {
    return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** How many file rows point at a blob; a blob with none is garbage. */
  async countBySha256(db: DbOrTrx, sha256: string): Promise<number> {
    const row = await db
      .selectFrom('files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
