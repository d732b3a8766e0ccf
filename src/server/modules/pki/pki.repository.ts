import type { DbOrTrx } from '../../db/database.js';
import type { CaProfile } from './pki.keys.js';
import type { CaRootRow, CertificateKind, CertificateRow, CertificateStatus, CrlRow, NewCertificateRow } from './pki.table.js';
import type { RevocationReason } from './pki.x509.js';

export interface CertificateFilter {
  readonly kind?: CertificateKind | undefined;
  readonly status?: CertificateStatus | undefined;
  readonly orgId?: string | undefined;
  /** An actor's scope: certificates of these organisations or of none. */
  readonly orgIdsOrNone?: readonly string[] | undefined;
  readonly username?: string | undefined;
}

/** All SQL on ca_roots, certificates and crl_numbers. */
export const pkiRepository = {
  async findRoot(db: DbOrTrx, profile: CaProfile): Promise<CaRootRow | undefined> {
    return db.selectFrom('ca_roots').selectAll().where('profile', '=', profile).executeTakeFirst();
  },

  async allRoots(db: DbOrTrx): Promise<CaRootRow[]> {
    return db.selectFrom('ca_roots').selectAll().orderBy('created_at').execute();
  },

  async insertRoot(db: DbOrTrx, row: CaRootRow): Promise<void> {
    await db.insertInto('ca_roots').values(row).execute();
  },

  async insertCertificate(db: DbOrTrx, row: NewCertificateRow): Promise<void> {
    await db.insertInto('certificates').values(row).execute();
  },

  async findCertificate(db: DbOrTrx, serial: string): Promise<CertificateRow | undefined> {
    return db.selectFrom('certificates').selectAll().where('serial', '=', serial).executeTakeFirst();
  },

  async listCertificates(
    db: DbOrTrx,
    filter: CertificateFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: CertificateRow[]; total: number }> {
    let query = db.selectFrom('certificates');
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
    const scope = filter.orgIdsOrNone;
    if (scope) query = query.where((eb) => (scope.length ? eb.or([eb('org_id', 'in', scope), eb('org_id', 'is', null)]) : eb('org_id', 'is', null)));
    if (filter.username) query = query.where('username', '=', filter.username);
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('created_at', 'desc').orderBy('serial').offset(page.offset).limit(page.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** An organisation's valid SM2 seal certificates in force at `at` whose key the CA keeps, newest first. */
  async sealCertificatesOf(db: DbOrTrx, orgId: string, at: string): Promise<CertificateRow[]> {
    return db
      .selectFrom('certificates')
      .selectAll()
      .where('kind', '=', 'seal')
      .where('org_id', '=', orgId)
      .where('status', '=', 'valid')
      .where('profile', '=', 'sm2')
      .where('sealed_private_key', 'is not', null)
      .where('not_before', '<=', at)
      .where('not_after', '>=', at)
      .orderBy('not_before', 'desc')
      .orderBy('serial')
      .execute();
  },

  /** Marks a valid certificate revoked; false when it was not valid (already revoked or missing). */
  async revoke(db: DbOrTrx, serial: string, at: string, reason: RevocationReason): Promise<boolean> {
    const result = await db
      .updateTable('certificates')
      .set({ status: 'revoked', revoked_at: at, revocation_reason: reason })
      .where('serial', '=', serial)
      .where('status', '=', 'valid')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async revokedUnder(db: DbOrTrx, rootId: string): Promise<Pick<CertificateRow, 'serial' | 'revoked_at' | 'revocation_reason'>[]> {
    return db
      .selectFrom('certificates')
      .select(['serial', 'revoked_at', 'revocation_reason'])
      .where('root_id', '=', rootId)
      .where('status', '=', 'revoked')
      .orderBy('revoked_at')
      .orderBy('serial')
      .execute();
  },

  async latestCrl(db: DbOrTrx, rootId: string): Promise<CrlRow | undefined> {
    return db
      .selectFrom('crl_numbers')
      .selectAll()
      .where('root_id', '=', rootId)
      .orderBy('number', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  async insertCrl(db: DbOrTrx, row: CrlRow): Promise<void> {
    await db.insertInto('crl_numbers').values(row).execute();
  },
};
