import type { DbOrTrx } from '../../../db/database.js';
import type { RoleGrant } from '../../../platform/actor.js';

/** A demo account as the seed acts for it. */
export interface SeedAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: string;
  readonly roles: readonly RoleGrant[];
}

/** The reads the demo seed needs. */
export const seedRepository = {
  /** Whether any official document exists (sent or received): the demo seed then writes nothing. */
  async anyDocument(db: DbOrTrx): Promise<boolean> {
    const [sent, received] = await Promise.all([
      db.selectFrom('documents').select('id').limit(1).executeTakeFirst(),
      db.selectFrom('incoming_documents').select('id').limit(1).executeTakeFirst(),
    ]);
    return sent !== undefined || received !== undefined;
  },

  /**
   * Active accounts by username, with their grants. The identity module offers no user lookup
   * through its index.ts yet (see `receive/reader.repository.ts`); this read-only query over its
   * `users`/`user_roles` is the one place the seed reads them.
   */
  async accounts(db: DbOrTrx, usernames: readonly string[]): Promise<Map<string, SeedAccount>> {
    if (usernames.length === 0) return new Map();
    const rows = await db
      .selectFrom('users as u')
      .leftJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'r.role', 'r.org_id as role_org_id', 'r.scope'])
      .where('u.username', 'in', [...usernames])
      .where('u.status', '=', 'active')
      .execute();
    const accounts = new Map<string, SeedAccount & { roles: RoleGrant[] }>();
    for (const row of rows) {
      const account = accounts.get(row.username) ?? { id: row.id, username: row.username, displayName: row.display_name, orgId: row.org_id, roles: [] };
      if (row.role && row.role_org_id && row.scope) account.roles.push({ role: row.role, orgId: row.role_org_id, scope: row.scope });
      accounts.set(row.username, account);
    }
    return accounts;
  },

  /** How many inbox items there are (every organisation). */
  async countIncoming(db: DbOrTrx): Promise<number> {
    const row = await db.selectFrom('incoming_documents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The inbox item a local delivery of the document made for the organisation. */
  async incomingFor(db: DbOrTrx, documentId: string, orgId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('incoming_documents')
      .select('id')
      .where('document_id', '=', documentId)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return row?.id;
  },
};
