/** The CA's audit events, each written in the transaction that makes the change. */
declare module '../../platform/audit/index.js' {
  interface AuditEvents {
    'pki.root_create': { profile: string; commonName: string };
    'pki.issue': { kind: 'seal' | 'personal'; profile: string; commonName: string; orgId: string | null; generatedKey: boolean };
    'pki.revoke': { reason: string; crlNumber: number };
  }
}

export {};
