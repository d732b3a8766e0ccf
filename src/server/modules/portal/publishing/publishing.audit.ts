/** Publishing's audit events, each written in the transaction that makes the change. */
declare module '../../../platform/audit/index.js' {
  interface AuditEvents {
    'portal.site_create': { code: string; orgId: string; pathPrefix: string; hosts: string[] };
    'portal.site_update': { fields: string[]; redirects: number };
    'portal.column_create': { siteId: string; path: string; category: string };
    'portal.column_update': { fields: string[] };
    'portal.column_move': { from: string; to: string; redirects: number };
    'portal.column_delete': { siteId: string; path: string };
    'portal.article_create': { siteId: string; columnId: string; title: string; lang: string };
    'portal.article_update': { fields: string[]; version: number };
    'portal.article_file': { kind: 'cover' | 'attachment'; change: 'add' | 'remove'; fileId: string; mediaType?: string; size?: number };
    'portal.article_submit': { version: number };
    'portal.article_approve': { version: number; publishAt: string | null };
    'portal.article_reject': { reason: string; from: string };
    'portal.article_publish': { publishedAt: string; url: string; scheduled: boolean };
    'portal.article_withdraw': { reason: string; url: string };
    'portal.article_validity': { validity: string; note: string | null; validityOn: string | null };
  }
}

export {};
