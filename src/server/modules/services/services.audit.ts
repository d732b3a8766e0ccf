/** Audit events of the service item catalogue, each written in the transaction that makes the change. */
declare module '../../platform/audit/index.js' {
  interface AuditEvents {
    'services.item_create': { orgId: string; code: string; name: string; kind: string };
    'services.item_update': { code: string; fields: string[] };
    'services.item_publish': { code: string; name: string };
    'services.item_withdraw': { code: string; reason: string };
  }
}

export {};
