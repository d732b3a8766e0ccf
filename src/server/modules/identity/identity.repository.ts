import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.js';
import type {
  NewUser,
  SecurityPolicyTable,
  SessionRow,
  SessionTable,
  SignInChallengeRow,
  SignInChallengeTable,
  SignInFailureTable,
  UserRoleTable,
  UserRow,
  UserUpdate,
  UserTotpRow,
  UserTotpTable,
} from './identity.table.js';

export const identityRepository = {
  findUserByUsername(db: DbOrTrx, username: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },

  findUserById(db: DbOrTrx, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  },

  rolesOf(db: DbOrTrx, userId: string): Promise<UserRoleTable[]> {
    return db.selectFrom('user_roles').selectAll().where('user_id', '=', userId).orderBy('role').orderBy('org_id').execute();
  },

  rolesOfUsers(db: DbOrTrx, userIds: readonly string[]): Promise<UserRoleTable[]> {
    if (!userIds.length) return Promise.resolve([]);
    return db.selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).orderBy('role').execute();
  },

  /** Active users holding one of `roles` in one of `orgIds`: one row per grant, by display name. */
  activeUsersWithRoles(db: DbOrTrx, orgIds: readonly string[], roles: readonly string[]): Promise<{ id: string; display_name: string; role: string }[]> {
    if (!orgIds.length || !roles.length) return Promise.resolve([]);
    return db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id', 'u.display_name', 'r.role'])
      .where('r.org_id', 'in', [...orgIds])
      .where('r.role', 'in', [...roles])
      .where('u.status', '=', 'active')
      .orderBy('u.display_name')
      .orderBy('u.id')
      .execute();
  },

  async insertUser(db: DbOrTrx, user: NewUser, roles: readonly Omit<UserRoleTable, 'user_id'>[]): Promise<void> {
    await db.insertInto('users').values(user).execute();
    if (roles.length) {
      await db.insertInto('user_roles').values(roles.map((r) => ({ ...r, user_id: user.id }))).execute();
    }
  },

  async updateUser(db: DbOrTrx, id: string, changes: Omit<UserUpdate, 'id'>): Promise<void> {
    await db.updateTable('users').set(changes).where('id', '=', id).execute();
  },

  async countUsers(db: DbOrTrx): Promise<number> {
    const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Users whose user name or display name contains `q`, optionally of one organisation, by user name. */
  async listUsers(
    db: DbOrTrx,
    filter: {
      q?: string;
      orgId?: string;
      orgIds?: readonly string[];
      /** An exact match on a blind index (personal data) instead of the text match. */
      personal?: { column: 'id_number_index' | 'phone_index'; values: readonly string[] };
    },
    page: { offset: number; limit: number },
  ): Promise<{ rows: UserRow[]; total: number }> {
    let query = db.selectFrom('users');
    if (filter.personal) query = query.where(filter.personal.column, 'in', filter.personal.values);
    if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
    // An actor's scope: an empty list matches nobody.
    if (filter.orgIds) query = filter.orgIds.length ? query.where('org_id', 'in', filter.orgIds) : query.where(sql<boolean>`1 = 0`);
    if (filter.q && !filter.personal) {
      // Wildcards are dropped rather than escaped: SQLite and PostgreSQL escape LIKE differently.
      const like = `%${filter.q.replace(/[\\%_]/g, '')}%`;
      query = query.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
    }
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('username').offset(page.offset).limit(page.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  async insertRole(db: DbOrTrx, grant: UserRoleTable): Promise<void> {
    await db.insertInto('user_roles').values(grant).onConflict((oc) => oc.columns(['user_id', 'role', 'org_id']).doUpdateSet({ scope: grant.scope })).execute();
  },

  async deleteRole(db: DbOrTrx, userId: string, role: string, orgId: string): Promise<number> {
    const result = await db
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', '=', role)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async insertSession(db: DbOrTrx, session: SessionTable): Promise<void> {
    await db.insertInto('sessions').values(session).execute();
  },

  findSessionByTokenHash(db: DbOrTrx, tokenHash: string): Promise<SessionRow | undefined> {
    return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },

  sessionsOf(db: DbOrTrx, userId: string): Promise<SessionRow[]> {
    return db.selectFrom('sessions').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  },

  async touchSession(db: DbOrTrx, id: string, lastSeenAt: string): Promise<void> {
    await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  },

  findSessionById(db: DbOrTrx, id: string): Promise<SessionRow | undefined> {
    return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async deleteSession(db: DbOrTrx, id: string, userId?: string): Promise<number> {
    let query = db.deleteFrom('sessions').where('id', '=', id);
    if (userId) query = query.where('user_id', '=', userId);
    return Number((await query.executeTakeFirst()).numDeletedRows);
  },

  async deleteSessionByTokenHash(db: DbOrTrx, tokenHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  },

  /** Ends every session of a user, except `keepId` when given; returns how many ended. */
  async deleteSessionsOf(db: DbOrTrx, userId: string, keepId?: string): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepId) query = query.where('id', '!=', keepId);
    return Number((await query.executeTakeFirst()).numDeletedRows);
  },

  findPolicy(db: DbOrTrx): Promise<Pick<SecurityPolicyTable, 'settings'> | undefined> {
    return db.selectFrom('security_policy').select('settings').where('id', '=', 1).executeTakeFirst();
  },

  async savePolicy(db: DbOrTrx, values: Omit<SecurityPolicyTable, 'id'>): Promise<void> {
    await db
      .insertInto('security_policy')
      .values({ id: 1, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values))
      .execute();
  },

  findFailure(db: DbOrTrx, key: string): Promise<SignInFailureTable | undefined> {
    return db.selectFrom('sign_in_failures').selectAll().where('key', '=', key).executeTakeFirst();
  },

  async saveFailure(db: DbOrTrx, row: SignInFailureTable): Promise<void> {
    const { key: _key, ...changes } = row;
    await db
      .insertInto('sign_in_failures')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet(changes))
      .execute();
  },

  async clearFailures(db: DbOrTrx, key: string): Promise<void> {
    await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
  },

  async insertChallenge(db: DbOrTrx, challenge: SignInChallengeTable): Promise<void> {
    await db.insertInto('sign_in_challenges').values(challenge).execute();
  },

  findChallenge(db: DbOrTrx, idHash: string): Promise<SignInChallengeRow | undefined> {
    return db.selectFrom('sign_in_challenges').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  },

  /** Deletes a challenge; 1 when this call used it up, 0 when another request already had. */
  async deleteChallenge(db: DbOrTrx, idHash: string): Promise<number> {
    return Number((await db.deleteFrom('sign_in_challenges').where('id_hash', '=', idHash).executeTakeFirst()).numDeletedRows);
  },

  async deleteExpiredChallenges(db: DbOrTrx, now: string): Promise<void> {
    await db.deleteFrom('sign_in_challenges').where('expires_at', '<=', now).execute();
  },

  findTotp(db: DbOrTrx, userId: string): Promise<UserTotpRow | undefined> {
    return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
  },

  async saveTotp(db: DbOrTrx, row: UserTotpTable): Promise<void> {
    const { user_id: _userId, ...changes } = row;
    await db
      .insertInto('user_totp')
      .values(row)
      .onConflict((oc) => oc.column('user_id').doUpdateSet(changes))
      .execute();
  },

  /**
   * Moves the last used step forward only if it is still below `step`; false when a concurrent
   * request (or an earlier sign-in) already used this step or a later one — a replay.
   */
  async claimTotpStep(db: DbOrTrx, userId: string, step: number, now: string): Promise<boolean> {
    const result = await db
      .updateTable('user_totp')
      .set({ last_step: step, updated_at: now })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },
};
