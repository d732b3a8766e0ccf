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
  /** Checks the incoming document a reply answers (`inReplyTo`); absent, the id is taken as given (seeds, benches). */
  readonly replyTargets?: ReplyTargets | undefined;
}

/**
 * The receiving side's answer to "may this person answer that incoming document?", given to the
 * sending side by the module's wiring (send/ knows nothing of receiving).
 */
export interface ReplyTargets {
  /** Resolves when the actor may read the incoming item; `documents.reply_target_invalid` otherwise. */
  assertAnswerable(actor: Actor, incomingId: string): Promise<void>;
}

/** Who acts, with the audit fields of the request. */
export interface Acting {
  readonly actor: Actor;
  readonly who: AuditContext;
}
