import type { DbOrTrx } from '../../../db/database.js';
import { unansweredValidMessages } from '../interaction/index.js';

/** Valid messages of a site received in the past year and unanswered since before `olderThan`. */
export interface UnansweredMessages {
  readonly count: number;
  readonly ids: readonly string[];
}

/** How self-inspection learns about unanswered messages (a seam, so tests can give their own). */
export type UnansweredMessagesSource = (db: DbOrTrx, options: { siteId: string; olderThan: Date; now: Date }) => Promise<UnansweredMessages>;

/**
 * Interaction's `unansweredValidMessages` (互动交流: valid messages received in the past year and
 * unanswered for more than 3 months). Self-inspection never reads interaction's tables.
 */
export const interactionMessagesSource = (): UnansweredMessagesSource => unansweredValidMessages;
