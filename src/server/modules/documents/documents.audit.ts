/** The documents module's audit events (sending side), each written in the transaction that makes the change. */
declare module '../../platform/audit/index.js' {
  interface AuditEvents {
    'documents.create': { kind: string; title: string; orgId: string };
    'documents.update': { fields: string[]; version: number | null };
    'documents.attachment_add': { attachmentId: string; fileId: string; title: string; mediaType: string; size: number };
    'documents.attachment_remove': { attachmentId: string; fileId: string };
    'documents.submit': { step: string; nextStep: string };
    'documents.approve': { step: string; nextStep: string | null; opinion: string | null };
    'documents.countersign': { orgId: string; opinion: string | null; complete: boolean };
    'documents.sign_off': { signer: string; opinion: string | null; documentDate: string };
    'documents.return': { fromStep: string; toStep: string; reason: string };
    'documents.register': { docNumber: string; prefix: string; year: number; serial: number };
    'documents.seal': { fileId: string; sha256: string; sealed: boolean };
    'documents.issue': { deliveries: number; local: number; exchange: number };
    'documents.cancel': { reason: string; step: string };
    'documents.remind': { taskId: string; step: string; kind: 'due_soon' | 'overdue' };
    'documents.workflow_update': { orgId: string; steps: Record<string, unknown>[] };
  }
}

export {};
