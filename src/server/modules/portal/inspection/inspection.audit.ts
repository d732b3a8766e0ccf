/** Audit events of self-inspection: a re-run someone asked for (the hourly runs change no business data and are not audited). */
declare module '../../../platform/audit/index.js' {
  interface AuditEvents {
    'portal.inspection_run': { siteId: string; runId: string; vetoCount: number; findingCount: number };
  }
}

export {};
