import { definePolicy, holdsRole } from '../policy/index.js';

/**
 * The audit log: only the 审计管理员 searches, exports and verifies it; the system and security
 * administrators are refused (三员分立). What an auditor reads is narrowed to the organisations his
 * grants cover (the routes' `scope`); a grant over the whole deployment reads every event.
 */
export const auditLogPolicy = definePolicy('audit-log', {
  search: (actor, _log: void) => holdsRole(actor, 'auditor'),
  export: (actor, _log: void) => holdsRole(actor, 'auditor'),
  verify: (actor, _log: void) => holdsRole(actor, 'auditor'),
});
