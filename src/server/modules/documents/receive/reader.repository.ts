import type { DbOrTrx } from '../../../db/database.js';

/** A person a document may be circulated to (传阅). */
export interface Reader {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

const readerRoles = ['leader', 'staff', 'clerk'];

/**
 * Who may be given a document to read: active accounts holding a leader, staff or clerk role in the
 * receiving organisation or its 办公室.
 *
 * The identity module does not yet offer a user lookup through its index.ts; until it does, this one
 * read-only query over its `users`/`user_roles` is kept here, in one place, so that the switch is a
 * one-file change.
 */
export const readerRepository = {
  async candidates(db: DbOrTrx, orgIds: readonly string[]): Promise<Reader[]> {
    if (orgIds.length === 0) return [];
    const rows = await db
      .selectFrom('users as u')
      .innerJoin('user_roles as r', 'r.user_id', 'u.id')
      .select(['u.id', 'u.display_name', 'r.role'])
      .where('r.org_id', 'in', [...orgIds])
      .where('r.role', 'in', readerRoles)
      .where('u.status', '=', 'active')
      .orderBy('u.display_name')
      .orderBy('u.id')
      .execute();
    const byId = new Map<string, { id: string; displayName: string; roles: string[] }>();
    for (const row of rows) {
      const reader = byId.get(row.id) ?? { id: row.id, displayName: row.display_name, roles: [] };
      if (!reader.roles.includes(row.role)) reader.roles.push(row.role);
      byId.set(row.id, reader);
    }
    // Leaders first: circulation is mostly 领导传阅.
    return [...byId.values()].sort((a, b) => Number(b.roles.includes('leader')) - Number(a.roles.includes('leader')));
  },
};
