import type { Trx } from '../../../db/database.js';
import { newId } from '../../../platform/ids.js';
import type { DeliveryChannelName, RecipientRole } from '../../../../shared/documents.js';
import type { DocumentDeliveryRow, DocumentRow } from '../documents.table.js';
import { flowRepository } from './flow.repository.js';

export interface DeliveryRecipient {
  readonly orgId: string;
  readonly role: RecipientRole;
}

/**
 * How a document reaches its recipients at 核发. The sending side asks each channel in turn which
 * recipients it reaches (before the transaction: a channel may look things up), then has each deliver
 * its share inside the 核发 transaction. `local` reaches every organisation of this deployment: its
 * `document_deliveries` row is the recipient's inbox item. The exchange module will add a channel for
 * organisations of other deployments (signed envelopes and receipts); it records its rows with
 * channel `exchange` and queues the transfer in the same transaction.
 */
export interface DeliveryChannel {
  readonly name: DeliveryChannelName;
  /** The recipients this channel carries the document to (a subset of `recipients`). */
  reaches(recipients: readonly DeliveryRecipient[]): Promise<readonly DeliveryRecipient[]>;
  /** Records the deliveries in the 核发 transaction and returns the rows written. */
  deliver(trx: Trx, document: DocumentRow, recipients: readonly DeliveryRecipient[], at: string): Promise<DocumentDeliveryRow[]>;
}

/** Delivery inside this deployment: one bulk insert of `document_deliveries` rows. */
export const localChannel: DeliveryChannel = {
  name: 'local',
  reaches: async (recipients) => recipients,
  async deliver(trx, document, recipients, at) {
    const rows: DocumentDeliveryRow[] = recipients.map((r) => ({
      id: newId(),
      document_id: document.id,
      org_id: r.orgId,
      role: r.role,
      channel: 'local',
      delivered_at: at,
    }));
    await flowRepository.insertDeliveries(trx, rows);
    return rows;
  },
};

/** Splits the recipients among the channels: each takes what it reaches of what the earlier ones left. */
export async function routeDeliveries(
  channels: readonly DeliveryChannel[],
  recipients: readonly DeliveryRecipient[],
): Promise<{ channel: DeliveryChannel; recipients: readonly DeliveryRecipient[] }[]> {
  let left = recipients;
  const routes: { channel: DeliveryChannel; recipients: readonly DeliveryRecipient[] }[] = [];
  for (const channel of channels) {
    if (left.length === 0) break;
    const taken = await channel.reaches(left);
    if (taken.length) routes.push({ channel, recipients: taken });
    const ids = new Set(taken.map((r) => r.orgId));
    left = left.filter((r) => !ids.has(r.orgId));
  }
  return left.length ? [...routes, { channel: unreachable, recipients: left }] : routes;
}

/** Marks recipients no channel reaches: 核发 refuses with `documents.delivery_channel_unavailable`. */
export const unreachable: DeliveryChannel = {
  name: 'exchange',
  reaches: async () => [],
  deliver: async () => [],
};
