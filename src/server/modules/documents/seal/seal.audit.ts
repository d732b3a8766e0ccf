/** The seal registry's audit events, each written in the transaction that makes the change. */
declare module '../../../platform/audit/index.js' {
  interface AuditEvents {
    'documents.seal_make': { orgId: string; name: string; certificateSerial: string; makerSerial: string; validTo: string };
    'documents.seal_maker_register': { orgId: string; certificateSerial: string };
  }
}

export {};
