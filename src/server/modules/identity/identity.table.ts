import type { Selectable } from 'kysely';

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  password_hash: string;
  status: 'active' | 'disabled';
  /** 1 for the published demo accounts, which a production start refuses. */
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
  org_id: string;
  scope: 'org' | 'subtree';
}

export interface SessionTable {
  id: string;
  /** SHA-256 of the cookie token; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type UserRow = Selectable<UserTable>;
export type SessionRow = Selectable<SessionTable>;

declare module '../../db/schema.js' {
  interface Database {
    users: UserTable;
    user_roles: UserRoleTable;
    sessions: SessionTable;
  }
}
