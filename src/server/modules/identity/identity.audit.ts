/** The identity module's audit events: account administration, own-account changes, the security policy. */
declare module '../../platform/audit/index.js' {
  interface AuditEvents {
    'identity.user_create': { username: string; orgId: string };
    'identity.user_update': {
      username: string;
      changes: { displayName?: string; orgId?: string; status?: string; idNumber?: string; phone?: string };
    };
    'identity.personal_data_read': { username: string; fields: string[] };
    'identity.role_grant': { username: string; role: string; orgId: string; scope: 'org' | 'subtree' };
    'identity.role_revoke': { username: string; role: string; orgId: string };
    'identity.sessions_end': { username: string; endedSessions: number };
    'account.password_change': { endedSessions: number };
    'account.totp_enrol': Record<string, never>;
    'account.totp_confirm': Record<string, never>;
    'account.session_end': { sessionId: string };
    'security.policy_update': { changed: Record<string, unknown> };
  }
}

export {};
