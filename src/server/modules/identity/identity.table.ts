import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  password_hash: string;
  status: 'active' | 'disabled';
  /** 1 for the published demo accounts, which a production start refuses. */
  is_demo: number;
  /** 1 when the next sign-in must set a new password before a session is given. */
  must_change_password: Generated<number>;
  /** 1 when the next sign-in must enrol a second factor before a session is given. */
  must_enrol_second_factor: Generated<number>;
  password_changed_at: string | null;
  /** 身份证号 in an SM4 envelope (context `identity.users.id_number:<id>`), and its blind index. */
  id_number_sealed: string | null;
  id_number_index: string | null;
  /** Mobile phone in an SM4 envelope (context `identity.users.phone:<id>`), and its blind index. */
  phone_sealed: string | null;
  phone_index: string | null;
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
  /** SM3 of the cookie token (hex); the token itself is never stored. */
  token_hash: string;
  user_id: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SecurityPolicyTable {
  /** Always 1: the table holds one row. */
  id: number;
  /** The policy as JSON, parsed through `securityPolicySchema` (missing keys take defaults). */
  settings: string;
  updated_at: string;
  updated_by: string | null;
}

export interface SignInFailureTable {
  /** `user:<id>` or `ip:<address>`. */
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export type SignInStage = 'second_factor' | 'change_password' | 'enrol_second_factor';

export interface SignInChallengeTable {
  /** SM3 of the challenge id handed to the client. */
  id_hash: string;
  user_id: string;
  stage: SignInStage;
  created_at: string;
  expires_at: string;
  /** The nonce an SM2 certificate holder signs at this step (base64url, 256 bits); null when not offered. */
  nonce: string | null;
}

export interface UserTotpTable {
  user_id: string;
  /** Confirmed secret: base64 of an SM4 envelope (platform data key). */
  secret: string | null;
  /** Secret handed out at enrolment, until a code confirms it. */
  pending_secret: string | null;
  confirmed_at: string | null;
  /** The last RFC 6238 time step accepted; a code of this step or earlier is a replay. */
  last_step: number | null;
  updated_at: string;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type SignInChallengeRow = Selectable<SignInChallengeTable>;
export type UserTotpRow = Selectable<UserTotpTable>;

declare module '../../db/schema.js' {
  interface Database {
    users: UserTable;
    user_roles: UserRoleTable;
    sessions: SessionTable;
    security_policy: SecurityPolicyTable;
    sign_in_failures: SignInFailureTable;
    sign_in_challenges: SignInChallengeTable;
    user_totp: UserTotpTable;
  }
}
