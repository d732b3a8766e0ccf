/** The interaction area's audit events, each written in the transaction that makes the change. */
declare module '../../../platform/audit/index.js' {
  interface AuditEvents {
    'portal.message_receive': { siteId: string; mailbox: string; consent: boolean };
    'portal.message_accept': { note: string | null };
    'portal.message_invalid': { reason: string; note: string | null };
    'portal.message_route': { unitOrgId: string; note: string | null };
    'portal.message_send_back': { reason: string };
    'portal.message_draft': { length: number };
    'portal.message_approve': { note: string | null };
    'portal.message_reject': { reason: string };
    'portal.message_publish': { siteId: string };
    /** The writer's full phone number was shown to the actor (to call back). */
    'portal.message_contact': { state: string };
    'portal.message_remind': { kind: string; dueOn: string };
    'portal.survey_create': { siteId: string; kind: string; title: string };
    'portal.survey_update': { title: string };
    'portal.survey_submit': Record<string, never>;
    'portal.survey_approve': Record<string, never>;
    'portal.survey_reject': { reason: string };
    'portal.survey_feedback': { length: number };
    'portal.survey_moderate': { answerId: string; approved: boolean };
  }
}

export {};
