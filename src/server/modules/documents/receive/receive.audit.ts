/** Audit events of receiving (收文) and filing (归档), each written in the transaction that makes the change. */
declare module '../../../platform/audit/index.js' {
  interface AuditEvents {
    'documents.incoming_sign': { documentId: string; orgId: string };
    'documents.incoming_paper': { orgId: string; title: string; senderName: string; scanFileId: string; receiptNumber: string };
    'documents.incoming_scan_upload': { fileId: string; mediaType: string; size: number };
    'documents.incoming_register': { receiptNumber: string; year: number; serial: number };
    'documents.incoming_review': { accepted: boolean; reason: string | null };
    'documents.incoming_propose': { opinion: string };
    'documents.incoming_instruct': { leadOrgId: string | null; coOrgIds: string[]; deadline: string | null; workingDays: number | null };
    'documents.incoming_handle': { orgId: string; role: 'lead' | 'co' };
    'documents.incoming_circulate': { userIds: string[]; added: number };
    'documents.incoming_read': { comment: boolean };
    'documents.incoming_remind': { kind: string; deadline: string; sequence: number };
    'documents.incoming_complete': { replyDocumentId: string | null };
    'documents.archive_file': { archivalCode: string; source: string; retention: string; pages: number };
    'documents.archive_fonds_update': { fondsCode: string; unitCode: string; unitName: string };
    'documents.archive_export': { year: number; items: number };
  }
}

export {};
