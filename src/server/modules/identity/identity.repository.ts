import type { DbOrTrx } from '../../db/database.js';
import type { UserRoleTable, UserRow, UserTable, SessionRow, SessionTable } from './identity.table.js';

export const identityRepository = {
  findUserByUsername(db: DbOrTrx, username: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },

  findUserById(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  rolesOf(db: DbOrTrx, userId: string): Promise<UserRoleTable[]> {
    return db.selectFrom('user_roles').selectAll().where('user_id', '=', userId).orderBy('role').execute();
  },

  async insertUser(db: DbOrTrx, user: UserTable, roles: readonly Omit<UserRoleTable, 'user_id'>[]): Promise<void> {
    await db.insertInto('users').values(user).execute();
    if (roles.length) {
      await db.insertInto('user_roles').values(roles.map((r) => ({ ...r, user_id: user.id }))).execute();
    }
  },

  async countUsers(db: DbOrTrx): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async insertSession(db: DbOrTrx, session: SessionTable): Promise<void> {
    await db.insertInto('sessions').values(session).execute();
  },

  findSessionByTokenHash(db: DbOrTrx, tokenHash: string): Promise<SessionRow | undefined> {
    return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },

  async touchSession(db: DbOrTrx, id: string, lastSeenAt: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  },

  async deleteSession(db: DbOrTrx, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },
};
