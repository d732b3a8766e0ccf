import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditContext, AuditLog } from '../../../platform/audit/index.js';
import type { Clock } from '../../../platform/clock.js';
import type { FileStore } from '../../../platform/files/index.js';
import type { AppContext } from '../../../platform/module.js';
import type { OrgService } from '../../orgs/index.js';

/** What the publishing services work with; made once per application in `index.ts`. */
export interface PublishingDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly orgs: OrgService;
  readonly files: FileStore;
  /** The application context: the key of the portal's change feed (`portalEvents`). */
  readonly ctx: AppContext;
  /** Size limit of one attachment, in bytes. */
  readonly attachmentMaxBytes: number;
  /** Size limit of a picture (cover or picture in the body), in bytes. */
  readonly imageMaxBytes: number;
}

/** Who acts, with the audit fields of the request. */
export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}
