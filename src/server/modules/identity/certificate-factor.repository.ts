import type { DbOrTrx } from '../../db/database.js';
import type { CertificateFactorNonceTable, UserCertificateFactorRow, UserCertificateFactorTable } from './certificate-factor.table.js';

export const certificateFactorRepository = {
  findByUser(db: DbOrTrx, userId: string): Promise<UserCertificateFactorRow | undefined> {
    return db.selectFrom('user_certificate_factors').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },

  findBySerial(db: DbOrTrx, serial: string): Promise<UserCertificateFactorRow | undefined> {
    return db.selectFrom('user_certificate_factors').selectAll().where('serial', '=', serial).executeTakeFirst();
  },

  /** Binds a certificate to the account, replacing the one bound before. */
  async save(db: DbOrTrx, row: UserCertificateFactorTable): Promise<void> {
    const { user_id: _userId, ...changes } = row;
    await db
      .insertInto('user_certificate_factors')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
      .execute();
  },

  async remove(db: DbOrTrx, userId: string): Promise<number> {
    return Number((await db.deleteFrom('user_certificate_factors').where('user_id', '=', userId).executeTakeFirst()).numDeletedRows);
  },

  async markUsed(db: DbOrTrx, userId: string, serial: string, at: string): Promise<void> {
    await db.updateTable('user_certificate_factors').set({ last_used_at: at }).where('user_id', '=', userId).where('serial', '=', serial).execute();
  },

  /** Starts a new enrolment nonce for the user; earlier and expired ones are dropped. */
  async replaceNonce(db: DbOrTrx, row: CertificateFactorNonceTable): Promise<void> {
    await db
      .deleteFrom('certificate_factor_nonces')
      .where((eb) => eb.or([eb('user_id', '=', row.user_id), eb('expires_at', '<=', row.created_at)]))
      .execute();
    await db.insertInto('certificate_factor_nonces').values(row).execute();
  },

  /** Uses a nonce up: true when it was the user's and still live; a second call for it is false. */
  async claimNonce(db: DbOrTrx, userId: string, nonce: string, now: string): Promise<boolean> {
    const result = await db
      .deleteFrom('certificate_factor_nonces')
      .where('nonce', '=', nonce)
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  },
};
