import type { DbOrTrx } from '../../../db/database.js';
import { usersWithRoles } from '../../identity/index.js';

/** A person a document may be circulated to (传阅). */
export interface Reader {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

const readerRoles = ['leader', 'staff', 'clerk'];

/**
 * Who may be given a document to read: active accounts holding a leader, staff or clerk role in the
 * receiving organisation or its 办公室, through identity's user lookup.
 */
export const readerRepository = {
  async candidates(db: DbOrTrx, orgIds: readonly string[]): Promise<Reader[]> {
    const users = await usersWithRoles(db, { orgIds, roles: readerRoles });
    // Leaders first: circulation is mostly 领导传阅 (a stable sort keeps the display-name order).
    return [...users].sort((a, b) => Number(b.roles.includes('leader')) - Number(a.roles.includes('leader')));
  },
};
