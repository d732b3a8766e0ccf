import type { Db } from '../../../db/database.js';
import type { AuditContext, AuditLog } from '../../../platform/audit/index.js';
import type { Actor } from '../../../platform/actor.js';
import type { Clock } from '../../../platform/clock.js';
import type { FileStore } from '../../../platform/files/index.js';
import type { OrgService } from '../../orgs/index.js';
import type { DeliveryChannel } from './delivery.js';
import type { FinalCopyMaker } from './final-copy.js';

/** What the sending services work with; made once per application in `send/index.ts`. */
export interface SendDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly orgs: OrgService;
  readonly files: FileStore;
  /** Size limit of one attachment, in bytes. */
  readonly attachmentMaxBytes: number;
  /** Delivery channels in the order they are asked; `local` last takes whatever no other reaches. */
  readonly channels: readonly DeliveryChannel[];
  readonly finalCopy: FinalCopyMaker;
}

/** Who acts, with the audit fields of the request. */
export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}
