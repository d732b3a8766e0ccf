import type { DbOrTrx } from '../../../db/database.js';
import type { NewSealRow, SealMakerRow, SealRow } from './seal.table.js';

/** All SQL on seals and seal_makers. */
export const sealRepository = {
  async findByCertificate(db: DbOrTrx, serial: string): Promise<SealRow | undefined> {
    return db.selectFrom('seals').selectAll().where('certificate_serial', '=', serial).executeTakeFirst();
  },

  async findById(db: DbOrTrx, id: string): Promise<SealRow | undefined> {
    return db.selectFrom('seals').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** An organisation's seals, newest first. */
  async listByOrg(db: DbOrTrx, orgId: string): Promise<SealRow[]> {
    return db.selectFrom('seals').selectAll().where('org_id', '=', orgId).orderBy('created_at', 'desc').orderBy('id').execute();
  },

  /** Inserts a seal unless its certificate already has one; true when this call inserted it. */
  async insert(db: DbOrTrx, row: NewSealRow): Promise<boolean> {
    const result = await db.insertInto('seals').values(row).onConflict((oc) => oc.column('certificate_serial').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  /** An organisation's seal makers, oldest first: the oldest still valid one is used. */
  async makersOf(db: DbOrTrx, orgId: string): Promise<SealMakerRow[]> {
    return db.selectFrom('seal_makers').selectAll().where('org_id', '=', orgId).orderBy('created_at').orderBy('certificate_serial').execute();
  },

  async insertMaker(db: DbOrTrx, row: SealMakerRow): Promise<void> {
    await db.insertInto('seal_makers').values(row).execute();
  },
};
