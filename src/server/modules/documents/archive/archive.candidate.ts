import type { Db } from '../../../db/database.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { authorize } from '../../../platform/policy/index.js';
import { type Acting, type IncomingRow, type OrgLookup, authorizeStep, incomingPolicy, loadItem, orgPathsOf, receiveRepository, scopeOf } from '../receive/index.js';
import { type ProcessEvent, receivedEvent, sentEvent } from './archive.metadata.js';
import { archivePolicy } from './archive.policy.js';
import { archiveRepository as repo } from './archive.repository.js';
import type { FileBody } from './archive.schema.js';
import './archive.errors.js';

/** What is being filed, gathered before the filing transaction. */
export interface Candidate {
  readonly orgId: string;
  readonly source: 'sent' | 'received';
  readonly documentId: string | null;
  readonly incoming: IncomingRow | null;
  readonly year: number;
  readonly title: string;
  readonly docNumber: string | null;
  readonly responsible: string;
  readonly documentDate: string | null;
  readonly kind: string | null;
  readonly secrecy: 'none' | 'secret';
  readonly urgency: 'normal' | 'urgent' | 'very_urgent';
  readonly mainRecipients: string[];
  readonly copyRecipients: string[];
  readonly receiptNumber: string | null;
  readonly fileId: string | null;
  readonly process: ProcessEvent[];
}

/**
 * Gathers what is being filed and authorises it: a received document finished (办结) by the
 * organisation, with its processing record; or a sent one issued (核发), with its flow history and
 * recipients. Another organisation's document is not found; one not finished is refused with a 409.
 */
export async function candidateOf(deps: { db: Db }, acting: Acting, g: OrgLookup, body: FileBody): Promise<Candidate> {
  const { db } = deps;
  if (body.source === 'received') {
    const item = await loadItem(db, body.incomingId, async (id) => (await repo.findByIncoming(db, id)) !== undefined);
    const scope = await scopeOf(g, item);
    authorize(acting.actor, incomingPolicy, 'read', scope);
    if (item.filed) throw new AppError('documents.archive_already_filed');
    try {
      authorizeStep(acting.actor, scope, 'file');
    } catch (error) {
      if (error instanceof AppError && error.code === 'documents.incoming_step_not_current') throw new AppError('documents.archive_not_finished', { details: error.details ?? {} });
      throw error;
    }
    const row = item.row;
    const events = await receiveRepository.events(db, row.id);
    const names = await g.nodes(events.flatMap((e) => (e.org_id ? [e.org_id] : [])));
    return {
      orgId: row.org_id,
      source: 'received',
      documentId: row.document_id,
      incoming: row,
      year: row.receipt_year ?? Number(toBusinessDate(new Date(row.received_at)).slice(0, 4)),
      title: row.title,
      docNumber: row.sender_number,
      responsible: row.sender_name ?? '',
      documentDate: row.document_date,
      kind: row.kind,
      secrecy: row.secrecy,
      urgency: row.urgency,
      mainRecipients: row.recipient_role === 'main' ? [(await g.node(row.org_id))?.nameZh ?? ''] : [],
      copyRecipients: row.recipient_role === 'copy' ? [(await g.node(row.org_id))?.nameZh ?? ''] : [],
      receiptNumber: row.receipt_number,
      fileId: row.file_id,
      process: events.map((e) => receivedEvent(e, e.org_id ? (names.get(e.org_id)?.nameZh ?? null) : null)),
    };
  }
  const doc = await receiveRepository.findDocument(db, body.documentId);
  if (!doc) throw new AppError('documents.not_found', { details: { id: body.documentId } });
  const scope = await orgPathsOf(g, doc.org_id).then(({ paths }) => ({ paths }), () => {
    throw new AppError('documents.not_found', { details: { id: body.documentId } });
  });
  if (!archivePolicy.rules.read(acting.actor, scope)) throw new AppError('documents.not_found', { details: { id: body.documentId } });
  authorize(acting.actor, archivePolicy, 'file', scope);
  if (await repo.findSent(db, doc.org_id, doc.id)) throw new AppError('documents.archive_already_filed');
  if (!doc.issued_at) throw new AppError('documents.archive_not_finished', { details: { status: doc.status } });
  const [events, recipients] = await Promise.all([repo.flowEvents(db, doc.id), repo.recipients(db, doc.id)]);
  const names = await g.nodes([doc.org_id, ...recipients.map((r) => r.org_id), ...events.flatMap((e) => (e.org_id ? [e.org_id] : []))]);
  const nameOf = (id: string) => names.get(id)?.nameZh ?? '';
  return {
    orgId: doc.org_id,
    source: 'sent',
    documentId: doc.id,
    incoming: null,
    year: Number(toBusinessDate(new Date(doc.issued_at)).slice(0, 4)),
    title: doc.title,
    docNumber: doc.doc_number,
    responsible: nameOf(doc.org_id),
    documentDate: doc.document_date,
    kind: doc.kind,
    secrecy: doc.secrecy,
    urgency: doc.urgency,
    mainRecipients: recipients.filter((r) => r.role === 'main').map((r) => nameOf(r.org_id)),
    copyRecipients: recipients.filter((r) => r.role === 'copy').map((r) => nameOf(r.org_id)),
    receiptNumber: null,
    fileId: doc.final_file_id,
    process: events.map((e) => sentEvent(e, e.org_id ? nameOf(e.org_id) : null)),
  };
}
