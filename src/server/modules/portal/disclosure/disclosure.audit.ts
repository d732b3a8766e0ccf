/** Audit events of government information disclosure, each written in the transaction that makes the change. */
declare module '../../../platform/audit/index.js' {
  interface AuditEvents {
    'disclosure.text_update': { orgId: string; kind: string; version: number };
    'disclosure.entry_create': { orgId: string; indexNumber: string; title: string; category: string };
    'disclosure.entry_update': { fields: string[] };
    'disclosure.entry_publish': { indexNumber: string; publishDate: string; late: boolean };
    'disclosure.entry_withdraw': { indexNumber: string; reason: string };
    'disclosure.entry_validity': { indexNumber: string; validity: string; note: string | null; date: string | null };
    'disclosure.entry_file': { fileId: string; name: string };
    'disclosure.request_submit': { orgId: string; trackingCode: string; applicantKind: string; deadline: string };
    'disclosure.request_step': { action: string; from: string; to: string; deadline: string | null; note: string | null };
    'disclosure.request_remind': { kind: string; deadline: string };
    'disclosure.report_save': { orgId: string; year: number; generated: boolean };
    'disclosure.report_publish': { orgId: string; year: number };
  }
}

export {};
