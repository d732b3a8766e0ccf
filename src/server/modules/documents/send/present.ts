import type { Actor } from '../../../platform/actor.js';
import { allowedActions } from '../../../platform/policy/index.js';
import { documentPolicy, type DocumentScope } from '../documents.policy.js';
import type { DocumentRow, DocumentTaskRow } from '../documents.table.js';
import { mainIdsOf, copyIdsOf, type LoadedDocument } from './load.js';
import type { OrgGraph } from './org-graph.js';
import type { SendStep } from '../../../../shared/documents.js';
import type { DocumentSummary, DocumentView } from './send.schema.js';

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

export interface AttachmentInfo {
  readonly id: string;
  readonly file_id: string;
  readonly title: string;
  readonly position: number;
  readonly media_type: string;
  readonly size: number;
  readonly safe_name: string;
  readonly created_at: string;
}

export async function presentTasks(graph: OrgGraph, tasks: readonly DocumentTaskRow[], today: string) {
  return Promise.all(
    tasks.map(async (t) => ({
      id: t.id,
      step: t.step,
      orgId: t.org_id,
      orgName: (await graph.node(t.org_id))?.nameZh ?? t.org_id,
      role: t.role,
      userId: t.user_id,
      dueOn: t.due_on,
      overdue: t.due_on !== null && t.due_on < today,
      reminders: Number(t.reminders),
    })),
  );
}

export function presentSummary(actor: Actor, row: DocumentRow, orgName: string, scope: DocumentScope): DocumentSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName,
    kind: row.kind,
    title: row.title,
    docNumber: row.doc_number,
    secrecy: row.secrecy,
    urgency: row.urgency,
    status: row.status,
    currentStep: row.current_step,
    draftedByName: row.drafted_by_name,
    issuedAt: iso(row.issued_at),
    updatedAt: iso(row.updated_at)!,
    actions: allowedActions(actor, documentPolicy, scope),
  };
}

/** The whole document as the API answers it, with what the caller may do. */
export async function presentDocument(
  actor: Actor,
  graph: OrgGraph,
  doc: LoadedDocument,
  scope: DocumentScope,
  attachments: readonly AttachmentInfo[],
  today: string,
  returnTargets: readonly SendStep[] = [],
): Promise<DocumentView> {
  const { row } = doc;
  // A document may have a thousand recipients: their names come in one batch.
  await graph.nodes([...doc.recipients.map((r) => r.org_id), ...doc.coIssuers, ...doc.openTasks.map((t) => t.org_id)]);
  const ref = async (id: string) => ({ orgId: id, name: (await graph.node(id))?.nameZh ?? id });
  const mains = mainIdsOf(doc);
  const actions = allowedActions(actor, documentPolicy, scope);
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: (await graph.node(row.org_id))?.nameZh ?? row.org_id,
    draftingOrgId: row.drafting_org_id,
    draftingOrgName: (await graph.node(row.drafting_org_id))?.nameZh ?? row.drafting_org_id,
    kind: row.kind,
    title: row.title,
    docNumber: row.doc_number,
    secrecy: row.secrecy,
    secrecyTerm: row.secrecy_term,
    urgency: row.urgency,
    status: row.status,
    currentStep: row.current_step,
    direction: mains.length ? await graph.direction(row.org_id, mains[0]!) : null,
    mainRecipients: await Promise.all(mains.map(ref)),
    copyRecipients: await Promise.all(copyIdsOf(doc).map(ref)),
    coIssuers: await Promise.all(doc.coIssuers.map(ref)),
    bodyHtml: row.body_html,
    bodyVersion: Number(row.body_version),
    note: row.note,
    signerName: row.signer_name,
    signedAt: iso(row.signed_at),
    documentDate: row.document_date,
    draftedBy: row.drafted_by,
    draftedByName: row.drafted_by_name,
    attachments: attachments.map((a) => ({
      id: a.id,
      fileId: a.file_id,
      title: a.title,
      position: Number(a.position),
      mediaType: a.media_type,
      size: Number(a.size),
      fileName: a.safe_name,
      createdAt: iso(a.created_at)!,
    })),
    openTasks: await presentTasks(graph, doc.openTasks, today),
    sealedAt: iso(row.sealed_at),
    issuedAt: iso(row.issued_at),
    finalFileId: row.final_file_id,
    inReplyTo: row.in_reply_to,
    revision: Number(row.revision),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    actions,
    returnTargets: actions.includes('return') ? [...returnTargets] : [],
  };
}
