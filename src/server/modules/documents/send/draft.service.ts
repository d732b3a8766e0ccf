import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, can } from '../../../platform/policy/index.js';
import { documentPolicy, draftingPolicy } from '../documents.policy.js';
import { indexDocument } from '../search/document-index.js';
import type { DocumentRow, DocumentRowUpdate } from '../documents.table.js';
import { auditingDenials, prepare, type Prepared } from './access.js';
import { sanitizeBody } from './body.js';
import { documentRepository as docs } from './document.repository.js';
import { flowRepository as flow } from './flow.repository.js';
import { copyIdsOf, loadDocument, mainIdsOf } from './load.js';
import { OrgGraph } from './org-graph.js';
import { checkParticulars, checkSecrecy, type Particulars } from './particulars.js';
import type { CreateDocumentInput, UpdateDocumentInput } from './send.schema.js';
import type { Acting, SendDeps } from './send.deps.js';
import { openStep } from './tasks.js';
import { defaultWorkflow } from './workflow.js';

/** Refuses an edit with the most telling code: cancelled, past the editable steps, or not the actor's step. */
export function refuseEdit(prepared: Prepared): AppError {
  const { row } = prepared.doc;
  if (row.status === 'cancelled') return new AppError('documents.cancelled');
  if (row.status === 'issued' || !['draft', 'department_review', 'office_review', 'sign_off'].includes(row.current_step ?? '')) {
    return new AppError('documents.not_editable', { details: { step: row.current_step } });
  }
  return new AppError('documents.not_your_step', { details: { step: row.current_step } });
}

/** Drafting (拟稿) and editing: a document's particulars, body versions (痕迹保留). */
export function draftService(deps: SendDeps) {
  const { db, clock, audit } = deps;

  /** Loads a document the actor may edit now, else refuses (audited when it is not his step). */
  async function editable(acting: Acting, id: string, path: string): Promise<Prepared> {
    return auditingDenials(deps, acting.who, { method: 'PATCH', path }, async () => {
      const prepared = await prepare(deps, acting.actor, id);
      if (!can(acting.actor, documentPolicy, 'edit', prepared.scope)) throw refuseEdit(prepared);
      return prepared;
    });
  }

  return {
    editable,

    /** Starts a draft: the particulars are checked against the registry and the 行文规则 as saved. */
    async create(acting: Acting, input: CreateDocumentInput): Promise<string> {
      const { actor, who } = acting;
      checkSecrecy(input.secrecy, input.secrecyTerm);
      const graph = new OrgGraph(deps.orgs);
      const issuer = await graph.node(input.orgId);
      if (!issuer) throw new AppError('orgs.not_found', { details: { key: input.orgId } });
      const office = await graph.officeOf(issuer.id);
      // A drafting unit is the issuer or one of its internal units (offices all the way down), never a
      // department or a body under it, which are organisations of their own.
      const isUnitOf = async (unitId: string) => {
        const unit = await graph.node(unitId);
        if (!unit?.path.startsWith(issuer.path)) return undefined;
        const between = unit.path.slice(issuer.path.length).split('/').filter(Boolean);
        const nodes = await graph.nodes(between);
        return between.every((id) => nodes.get(id)?.kind === 'office') ? unit : undefined;
      };
      const drafting = input.draftingOrgId ? await isUnitOf(input.draftingOrgId) : ((await isUnitOf(actor.orgId)) ?? issuer);
      if (!drafting) throw new AppError('documents.drafting_unit_invalid');
      authorize(actor, draftingPolicy, 'create', { draftingPath: drafting.path, issuerPaths: [issuer.path, ...(office ? [office.path] : [])] });
      // A reply names an inbox item its drafter may read; anything else could list it under another organisation's item.
      if (input.inReplyTo) await deps.replyTargets?.assertAnswerable(actor, input.inReplyTo);
      const bodyHtml = sanitizeBody(input.bodyHtml);
      const particulars: Particulars = {
        issuerId: issuer.id,
        kind: input.kind,
        title: input.title,
        bodyHtml,
        mainIds: input.mainRecipientIds,
        copyIds: input.copyRecipientIds,
        coIssuerIds: input.coIssuerIds,
        secrecy: input.secrecy,
        secrecyTerm: input.secrecyTerm ?? null,
      };
      await checkParticulars(graph, particulars, 'save');
      const now = clock.now().toISOString();
      const row: DocumentRow = {
        id: newId(),
        org_id: issuer.id,
        drafting_org_id: drafting.id,
        kind: input.kind,
        title: input.title,
        doc_number: null,
        doc_prefix: null,
        doc_year: null,
        doc_serial: null,
        secrecy: input.secrecy as DocumentRow['secrecy'],
        secrecy_term: input.secrecyTerm ?? null,
        urgency: input.urgency,
        status: 'draft',
        current_step: 'draft',
        revision: 0,
        body_html: bodyHtml,
        body_version: 1,
        note: input.note ?? null,
        signer_name: null,
        signer_id: null,
        signed_at: null,
        document_date: null,
        drafted_by: actor.userId,
        drafted_by_name: actor.displayName,
        sealed_at: null,
        issued_at: null,
        final_file_id: null,
        in_reply_to: input.inReplyTo ?? null,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (trx) => {
        await docs.insert(trx, row);
        await docs.replaceRecipients(trx, row.id, [
          ...input.mainRecipientIds.map((orgId) => ({ orgId, role: 'main' as const })),
          ...input.copyRecipientIds.map((orgId) => ({ orgId, role: 'copy' as const })),
        ]);
        await docs.replaceCoIssuers(trx, row.id, input.coIssuerIds);
        await docs.insertVersion(trx, {
          id: newId(),
          document_id: row.id,
          number: 1,
          title: row.title,
          body_html: bodyHtml,
          step: 'draft',
          created_at: now,
          created_by: actor.userId,
          created_by_name: actor.displayName,
        });
        await flow.insertEvent(trx, {
          id: newId(),
          document_id: row.id,
          step: 'draft',
          action: 'create',
          org_id: drafting.id,
          actor_id: actor.userId,
          actor_name: actor.displayName,
          opinion: null,
          to_step: null,
          at: now,
        });
        await openStep(trx, clock, { row, coIssuers: input.coIssuerIds, officeId: office?.id ?? null }, { ...defaultWorkflow.draft, customised: false });
        await indexDocument(trx, deps.files, row.id);
        await audit.append(trx, {
          ...who,
          action: 'documents.create',
          object: { type: 'document', id: row.id },
          details: { kind: row.kind, title: row.title, orgId: row.org_id },
        });
      });
      return row.id;
    },

    /**
     * Saves changes while the document is at an editable step, by whoever the step waits for. A
     * changed body or title is a new version (who, when, at which step); the rules are checked again.
     */
    async update(acting: Acting, id: string, input: UpdateDocumentInput): Promise<void> {
      const { actor, who } = acting;
      const prepared = await editable(acting, id, `/api/v1/documents/${id}`);
      const { doc, graph } = prepared;
      const { row } = doc;
      if (input.revision !== undefined && input.revision !== Number(row.revision)) {
        throw new AppError('documents.changed_concurrently', { details: { revision: row.revision } });
      }
      const bodyHtml = input.bodyHtml === undefined ? row.body_html : sanitizeBody(input.bodyHtml);
      const next: Particulars = {
        issuerId: row.org_id,
        kind: input.kind ?? row.kind,
        title: input.title ?? row.title,
        bodyHtml,
        mainIds: input.mainRecipientIds ?? mainIdsOf(doc),
        copyIds: input.copyRecipientIds ?? copyIdsOf(doc),
        coIssuerIds: input.coIssuerIds ?? doc.coIssuers,
        secrecy: input.secrecy ?? row.secrecy,
        secrecyTerm: input.secrecyTerm === undefined ? row.secrecy_term : input.secrecyTerm,
      };
      await checkParticulars(graph, next, 'save');
      const fields = Object.keys(input).filter((k) => k !== 'revision');
      const newVersion = bodyHtml !== row.body_html || next.title !== row.title;
      const now = clock.now().toISOString();
      const changes: DocumentRowUpdate = {
        kind: next.kind,
        title: next.title,
        body_html: bodyHtml,
        secrecy: next.secrecy as DocumentRow['secrecy'],
        secrecy_term: next.secrecyTerm,
        urgency: input.urgency ?? row.urgency,
        note: input.note === undefined ? row.note : input.note,
        body_version: newVersion ? Number(row.body_version) + 1 : Number(row.body_version),
        updated_at: now,
      };
      graph.freeze();
      await db.transaction().execute(async (trx) => {
        if (!(await docs.updateAtRevision(trx, id, Number(row.revision), changes))) {
          throw new AppError('documents.changed_concurrently');
        }
        if (input.mainRecipientIds || input.copyRecipientIds) {
          await docs.replaceRecipients(trx, id, [
            ...next.mainIds.map((orgId) => ({ orgId, role: 'main' as const })),
            ...next.copyIds.map((orgId) => ({ orgId, role: 'copy' as const })),
          ]);
        }
        if (input.coIssuerIds) await docs.replaceCoIssuers(trx, id, next.coIssuerIds);
        if (newVersion) {
          await docs.insertVersion(trx, {
            id: newId(),
            document_id: id,
            number: changes.body_version as number,
            title: next.title,
            body_html: bodyHtml,
            step: row.current_step!,
            created_at: now,
            created_by: actor.userId,
            created_by_name: actor.displayName,
          });
        }
        await indexDocument(trx, deps.files, id);
        await audit.append(trx, {
          ...who,
          action: 'documents.update',
          object: { type: 'document', id },
          details: { fields, version: newVersion ? (changes.body_version as number) : null },
        });
      });
    },

    /** Reads a document again after a write, for the answer. */
    reload: (id: string) => loadDocument(db, id),
  };
}

export type DraftService = ReturnType<typeof draftService>;
