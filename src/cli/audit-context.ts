import { userInfo } from 'node:os';
import type { AuditContext } from '../server/platform/audit/index.js';

/** Audit fields for a command run at the console: the operating-system user, no request. */
export function cliAuditContext(): AuditContext {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // Some containers have no passwd entry for the uid.
  }
  return { actorId: null, actorName: `cli:${user}`, orgId: null, ip: null, requestId: null };
}
