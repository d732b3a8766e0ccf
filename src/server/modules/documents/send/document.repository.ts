import type { DbOrTrx } from '../../../db/database.js';
import type { DocumentStatus, RecipientRole, SendStep } from '../../../../shared/documents.js';
import type {
  DocumentAttachmentRow,
  DocumentRecipientRow,
  DocumentRow,
  DocumentRowUpdate,
  DocumentVersionRow,
  NewDocumentRow,
} from '../documents.table.js';

export interface DocumentListFilter {
  /** Documents issued by these organisations… */
  readonly issuerIds: readonly string[];
  /** …or drafted by these units… */
  readonly draftingIds: readonly string[];
  /** …or co-issued by these… */
  readonly coIssuerIds: readonly string[];
  /** …or drafted by this person. */
  readonly draftedBy: string;
  readonly status?: DocumentStatus | undefined;
  readonly step?: SendStep | undefined;
  readonly kind?: string | undefined;
  readonly orgId?: string | undefined;
  /** Part of the title or of the 发文字号. */
  readonly q?: string | undefined;
  /** The year of the 发文字号, or for a document without one the year it was drafted (Asia/Shanghai). */
  readonly year?: number | undefined;
  /** Only what this person drafted (我的草稿 with `status: draft`). */
  readonly mine?: boolean | undefined;
}

/** All SQL on documents and what belongs to one: recipients, co-issuers, versions, attachments. */
export const documentRepository = {
  async insert(db: DbOrTrx, row: NewDocumentRow): Promise<void> {
    await db.insertInto('documents').values(row).execute();
  },

  findById(db: DbOrTrx, id: string): Promise<DocumentRow | undefined> {
    return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Updates a document only if it still has the revision the caller read, bumping it: two actions
   * racing on one document cannot both succeed (on PostgreSQL the second waits for the first's row
   * lock, then finds the revision moved). Returns whether the row was updated.
   */
  async updateAtRevision(db: DbOrTrx, id: string, revision: number, changes: DocumentRowUpdate): Promise<boolean> {
    const result = await db
      .updateTable('documents')
      .set({ ...changes, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async list(db: DbOrTrx, filter: DocumentListFilter, page: { offset: number; limit: number }): Promise<{ rows: DocumentRow[]; total: number }> {
    let query = db.selectFrom('documents').where((eb) => {
      const scopes = [eb('drafted_by', '=', filter.draftedBy)];
      if (filter.issuerIds.length) scopes.push(eb('org_id', 'in', filter.issuerIds));
      if (filter.draftingIds.length) scopes.push(eb('drafting_org_id', 'in', filter.draftingIds));
      if (filter.coIssuerIds.length) {
        scopes.push(
          eb('id', 'in', eb.selectFrom('document_co_issuers').select('document_id').where('org_id', 'in', filter.coIssuerIds)),
        );
      }
      return eb.or(scopes);
    });
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.step) query = query.where('current_step', '=', filter.step);
    if (filter.kind) query = query.where('kind', '=', filter.kind as DocumentRow['kind']);
    if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
    if (filter.mine) query = query.where('drafted_by', '=', filter.draftedBy);
    if (filter.year !== undefined) {
      const year = filter.year;
      const start = new Date(`${year}-01-01T00:00:00+08:00`).toISOString();
      const end = new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString();
      query = query.where((eb) =>
        eb.or([eb('doc_year', '=', year), eb.and([eb('doc_year', 'is', null), eb('created_at', '>=', start), eb('created_at', '<', end)])]),
      );
    }
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, '')}%`;
      query = query.where((eb) => eb.or([eb('title', 'like', pattern), eb('doc_number', 'like', pattern)]));
    }
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc').offset(page.offset).limit(page.limit).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  recipients(db: DbOrTrx, documentId: string): Promise<DocumentRecipientRow[]> {
    return db.selectFrom('document_recipients').selectAll().where('document_id', '=', documentId).orderBy('role').orderBy('position').execute();
  },

  async replaceRecipients(db: DbOrTrx, documentId: string, recipients: readonly { orgId: string; role: RecipientRole }[]): Promise<void> {
    await db.deleteFrom('document_recipients').where('document_id', '=', documentId).execute();
    if (recipients.length === 0) return;
    await db
      .insertInto('document_recipients')
      .values(recipients.map((r, position) => ({ document_id: documentId, org_id: r.orgId, role: r.role, position })))
      .execute();
  },

  async coIssuers(db: DbOrTrx, documentId: string): Promise<string[]> {
    const rows = await db.selectFrom('document_co_issuers').select('org_id').where('document_id', '=', documentId).orderBy('position').execute();
    return rows.map((r) => r.org_id);
  },

  /** Co-issuers of many documents at once (for lists). */
  coIssuersOf(db: DbOrTrx, documentIds: readonly string[]): Promise<{ document_id: string; org_id: string }[]> {
    if (documentIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('document_co_issuers')
      .select(['document_id', 'org_id'])
      .where('document_id', 'in', documentIds)
      .orderBy('document_id')
      .orderBy('position')
      .execute();
  },

  async replaceCoIssuers(db: DbOrTrx, documentId: string, orgIds: readonly string[]): Promise<void> {
    await db.deleteFrom('document_co_issuers').where('document_id', '=', documentId).execute();
    if (orgIds.length === 0) return;
    await db
      .insertInto('document_co_issuers')
      .values(orgIds.map((orgId, position) => ({ document_id: documentId, org_id: orgId, position })))
      .execute();
  },

  async insertVersion(db: DbOrTrx, row: DocumentVersionRow): Promise<void> {
    await db.insertInto('document_versions').values(row).execute();
  },

  versions(db: DbOrTrx, documentId: string): Promise<Omit<DocumentVersionRow, 'body_html'>[]> {
    return db
      .selectFrom('document_versions')
      .select(['id', 'document_id', 'number', 'title', 'step', 'created_at', 'created_by', 'created_by_name'])
      .where('document_id', '=', documentId)
      .orderBy('number')
      .execute();
  },

  version(db: DbOrTrx, documentId: string, number: number): Promise<DocumentVersionRow | undefined> {
    return db.selectFrom('document_versions').selectAll().where('document_id', '=', documentId).where('number', '=', number).executeTakeFirst();
  },

  attachments(db: DbOrTrx, documentId: string) {
    return db
      .selectFrom('document_attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .select(['a.id', 'a.document_id', 'a.file_id', 'a.title', 'a.position', 'a.created_at', 'a.created_by', 'f.media_type', 'f.size', 'f.safe_name', 'f.sha256'])
      .where('a.document_id', '=', documentId)
      .orderBy('a.position')
      .execute();
  },

  attachment(db: DbOrTrx, documentId: string, id: string): Promise<DocumentAttachmentRow | undefined> {
    return db.selectFrom('document_attachments').selectAll().where('document_id', '=', documentId).where('id', '=', id).executeTakeFirst();
  },

  async insertAttachment(db: DbOrTrx, row: DocumentAttachmentRow): Promise<void> {
    await db.insertInto('document_attachments').values(row).execute();
  },

  async nextAttachmentPosition(db: DbOrTrx, documentId: string): Promise<number> {
    const row = await db
      .selectFrom('document_attachments')
      .select((eb) => eb.fn.max<number | null>('position').as('p'))
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1;
  },

  async deleteAttachment(db: DbOrTrx, id: string): Promise<void> {
    await db.deleteFrom('document_attachments').where('id', '=', id).execute();
  },
};
