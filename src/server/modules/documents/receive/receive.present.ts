import type { Actor } from '../../../platform/actor.js';
import { allowedActions } from '../../../platform/policy/index.js';
import type { IncomingEventAction } from '../../../../shared/documents-receiving.js';
import type { OrgLookup } from './org-lookup.js';
import { incomingPolicy, type IncomingScope } from './receive.policy.js';
import type { InboxRow } from './inbox.repository.js';
import type { InboxItem, IncomingView } from './receive.schema.js';
import type { IncomingCirculationRow, IncomingEventRow, IncomingReminderRow, IncomingRow, IncomingUnitRow } from './receive.table.js';
import type { LoadedItem } from './receive.scope.js';

const iso = (value: string | null): string | null => (value === null ? null : new Date(value).toISOString());
const handling = new Set(['instructed', 'handling']);

/** Whether an item is past its deadline on business date `today`. */
export const isOverdue = (step: string, deadline: string | null, today: string): boolean => deadline !== null && handling.has(step) && deadline < today;

/** One inbox line with what the actor may do. */
export function inboxItem(row: InboxRow, senderName: string, today: string, actor: Actor, scope: IncomingScope): InboxItem {
  return {
    id: row.id,
    orgId: row.org_id,
    step: row.step,
    source: row.source,
    title: row.title,
    senderName,
    senderNumber: row.sender_number,
    receiptNumber: row.receipt_number,
    kind: row.kind,
    secrecy: row.secrecy,
    urgency: row.urgency,
    recipientRole: (row.recipient_role as InboxItem['recipientRole']) ?? null,
    receivedAt: iso(row.received_at)!,
    deadline: row.deadline,
    overdue: isOverdue(row.step, row.deadline, today),
    assignedAs: row.assigned_as,
    actions: allowedActions(actor, incomingPolicy, scope),
  };
}

/** An inbox row of a stored item, as the list query returns it. */
export function rowToInbox(row: IncomingRow, assignedAs: InboxRow['assigned_as'] = null): InboxRow {
  return {
    id: row.id,
    org_id: row.org_id,
    step: row.step,
    source: row.source,
    title: row.title,
    sender_org_id: row.sender_org_id,
    sender_name: row.sender_name,
    sender_number: row.sender_number,
    receipt_number: row.receipt_number,
    kind: row.kind,
    secrecy: row.secrecy,
    urgency: row.urgency,
    recipient_role: row.recipient_role,
    received_at: row.received_at,
    deadline: row.deadline,
    assigned_as: assignedAs,
  };
}

export interface DetailParts {
  readonly events: readonly IncomingEventRow[];
  readonly reminders: readonly IncomingReminderRow[];
  readonly replies: readonly { id: string; title: string; doc_number: string | null; issued_at: string | null }[];
  readonly archive: { id: string; archivalCode: string } | null;
}

const parseDetails = (json: string | null): Record<string, unknown> | null => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

/** The whole item: particulars, processing record, circulation, reminders and the actor's actions. */
export async function incomingView(
  item: LoadedItem,
  graph: OrgLookup,
  actor: Actor,
  scope: IncomingScope,
  today: string,
  parts: DetailParts,
): Promise<IncomingView> {
  const r = item.row;
  const unitIds = (units: IncomingUnitRow[]) => units.map((u) => u.org_id);
  const nodes = await graph.nodes([r.org_id, ...unitIds(item.units), ...(r.sender_name === null && r.sender_org_id ? [r.sender_org_id] : [])]);
  const ref = (orgId: string) => ({ orgId, name: nodes.get(orgId)?.nameZh ?? '' });
  const lead = item.units.find((u) => u.role === 'lead');
  const docRef = (d: DetailParts['replies'][number]) => ({ id: d.id, title: d.title, docNumber: d.doc_number, issuedAt: iso(d.issued_at) });
  const reply = r.reply_document_id ? parts.replies.find((d) => d.id === r.reply_document_id) : undefined;
  return {
    ...inboxItem(rowToInbox(r), r.sender_name ?? nodes.get(r.sender_org_id ?? '')?.nameZh ?? '', today, actor, scope),
    orgName: nodes.get(r.org_id)?.nameZh ?? '',
    senderOrgId: r.sender_org_id,
    documentId: r.document_id,
    documentDate: r.document_date,
    pages: r.pages,
    hasFile: r.file_id !== null,
    signedAt: iso(r.signed_at),
    signedByName: r.signed_by_name,
    registeredAt: iso(r.registered_at),
    proposal: r.proposal,
    instruction: r.instruction,
    instructedAt: iso(r.instructed_at),
    instructedByName: r.instructed_by_name,
    leadUnit: lead ? ref(lead.org_id) : null,
    coUnits: item.units.filter((u) => u.role === 'co').map((u) => ref(u.org_id)),
    completedAt: iso(r.completed_at),
    completedByName: r.completed_by_name,
    result: r.result,
    replyDocument: reply ? docRef(reply) : null,
    replies: parts.replies.map(docRef),
    returnedAt: iso(r.returned_at),
    returnReason: r.return_reason,
    reminderCount: r.reminders,
    lastRemindedAt: iso(r.last_reminded_at),
    events: parts.events.map((e) => ({
      action: e.action as IncomingEventAction,
      orgId: e.org_id,
      actorName: e.actor_name,
      opinion: e.opinion,
      details: parseDetails(e.details),
      at: iso(e.at)!,
    })),
    circulation: item.circulation.map(circulationEntry),
    reminders: parts.reminders.map((m) => ({ kind: m.kind, deadline: m.deadline, sequence: m.sequence, message: m.message, byName: m.by_name, at: iso(m.at)! })),
    archive: parts.archive,
  };
}

const circulationEntry = (c: IncomingCirculationRow) => ({
  userId: c.user_id,
  userName: c.user_name,
  sentByName: c.sent_by_name,
  sentAt: iso(c.sent_at)!,
  readAt: iso(c.read_at),
  comment: c.comment,
});
