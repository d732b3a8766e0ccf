import type { DbOrTrx } from '../../../db/database.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { DocumentScope, TaskScope } from '../documents.policy.js';
import type { DocumentRecipientRow, DocumentRow, DocumentTaskRow } from '../documents.table.js';
import { documentRepository } from './document.repository.js';
import { flowRepository } from './flow.repository.js';
import type { OrgGraph } from './org-graph.js';

/** A document with what belongs to it, read in one go (in a transaction, or not). */
export interface LoadedDocument {
  readonly row: DocumentRow;
  readonly recipients: readonly DocumentRecipientRow[];
  readonly coIssuers: readonly string[];
  readonly openTasks: readonly DocumentTaskRow[];
}

export async function loadDocument(db: DbOrTrx, id: string): Promise<LoadedDocument> {
  const row = await documentRepository.findById(db, id);
  if (!row) throw new AppError('documents.not_found');
  const [recipients, coIssuers, openTasks] = await Promise.all([
    documentRepository.recipients(db, id),
    documentRepository.coIssuers(db, id),
    flowRepository.openTasks(db, id),
  ]);
  return { row, recipients, coIssuers, openTasks };
}

export const mainIdsOf = (doc: LoadedDocument) => doc.recipients.filter((r) => r.role === 'main').map((r) => r.org_id);
export const copyIdsOf = (doc: LoadedDocument) => doc.recipients.filter((r) => r.role === 'copy').map((r) => r.org_id);

/**
 * The organisations the policy needs: issuer, drafting unit, co-issuers and those of open tasks. Not
 * the recipients, which may be a thousand and matter only to the rules and the presentation.
 */
export const scopeOrgIdsOf = (doc: LoadedDocument): string[] => [
  doc.row.org_id,
  doc.row.drafting_org_id,
  ...doc.coIssuers,
  ...doc.openTasks.flatMap((t) => [t.org_id, ...(t.alt_org_id ? [t.alt_org_id] : [])]),
];

/** Loads the organisations the policy needs (and the issuer's 办公室) into the graph. */
export async function preloadOrgs(graph: OrgGraph, doc: LoadedDocument): Promise<void> {
  await graph.nodes(scopeOrgIdsOf(doc));
  await graph.officeOf(doc.row.org_id);
}

const pathOf = async (graph: OrgGraph, id: string | null): Promise<string | null> => (id ? ((await graph.node(id))?.path ?? null) : null);

/** A task as the policy judges it. */
export async function taskScope(graph: OrgGraph, task: DocumentTaskRow): Promise<TaskScope> {
  const paths = [await pathOf(graph, task.org_id), await pathOf(graph, task.alt_org_id)].filter((p): p is string => p !== null);
  return { step: task.step, orgId: task.org_id, role: task.role, userId: task.user_id, paths };
}

/** The document as the policy judges it. Call `preloadOrgs` first when the graph is to be frozen. */
export async function scopeOf(graph: OrgGraph, doc: LoadedDocument): Promise<DocumentScope> {
  const office = await graph.officeOf(doc.row.org_id);
  const issuerPath = await pathOf(graph, doc.row.org_id);
  return {
    status: doc.row.status,
    currentStep: doc.row.current_step,
    draftedBy: doc.row.drafted_by,
    issuerPaths: [issuerPath, office?.path ?? null].filter((p): p is string => p !== null),
    draftingPath: await pathOf(graph, doc.row.drafting_org_id),
    coIssuerPaths: (await Promise.all(doc.coIssuers.map((id) => pathOf(graph, id)))).filter((p): p is string => p !== null),
    openTasks: await Promise.all(doc.openTasks.map((t) => taskScope(graph, t))),
  };
}
