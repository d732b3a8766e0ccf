import type { DbOrTrx } from '../../../db/database.js';

const sentColumns = ['id', 'org_id', 'drafting_org_id', 'drafted_by', 'kind', 'title', 'doc_number', 'status', 'body_html', 'document_date', 'issued_at', 'created_at'] as const;

/** The reads of indexing and of presenting search hits. */
export const searchRepository = {
  /** A sent document with what its entry is made of: co-issuers, recipients delivered to, attachments. */
  async sentDocument(db: DbOrTrx, id: string) {
    const row = await db.selectFrom('documents').select(sentColumns).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [coIssuers, deliveries, attachments] = await Promise.all([
      db.selectFrom('document_co_issuers').select('org_id').where('document_id', '=', id).orderBy('position').execute(),
      db.selectFrom('document_deliveries').select('org_id').where('document_id', '=', id).orderBy('delivered_at').orderBy('id').execute(),
      db.selectFrom('document_attachments').select(['title', 'file_id']).where('document_id', '=', id).orderBy('position').execute(),
    ]);
    return { row, coIssuers: coIssuers.map((c) => c.org_id), recipients: deliveries.map((d) => d.org_id), attachments };
  },

  /** A paper document registered in an inbox. */
  incoming(db: DbOrTrx, id: string) {
    return db
      .selectFrom('incoming_documents')
      .select(['id', 'org_id', 'source', 'title', 'kind', 'sender_name', 'sender_number', 'document_date', 'received_at', 'file_id', 'step'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Sent documents of search hits, for the policy check and the presentation. */
  sentRows(db: DbOrTrx, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('documents')
      .select(['id', 'org_id', 'drafting_org_id', 'drafted_by', 'kind', 'title', 'doc_number', 'status', 'document_date'])
      .where('id', 'in', [...ids])
      .execute();
  },

  coIssuersOf(db: DbOrTrx, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('document_co_issuers').select(['document_id', 'org_id']).where('document_id', 'in', [...ids]).execute();
  },

  /**
   * Inbox items of the given documents in the given organisations (null: in any). Found through the
   * deliveries' unique (document, organisation) index — a local delivery's inbox item has its id —
   * rather than through the inbox's organisation indexes, which hold a whole busy inbox.
   */
  async incomingOfDocuments(db: DbOrTrx, documentIds: readonly string[], orgIds: readonly string[] | null) {
    if (documentIds.length === 0 || orgIds?.length === 0) return [];
    let deliveries = db.selectFrom('document_deliveries').select(['id', 'document_id', 'org_id']).where('document_id', 'in', [...documentIds]).where('channel', '=', 'local');
    if (orgIds) deliveries = deliveries.where('org_id', 'in', [...orgIds]);
    const found = await deliveries.execute();
    if (found.length === 0) return [];
    const steps = new Map<string, string>();
    for (let i = 0; i < found.length; i += 1000) {
      const rows = await db.selectFrom('incoming_documents').select(['id', 'step']).where('id', 'in', found.slice(i, i + 1000).map((d) => d.id)).execute();
      for (const row of rows) steps.set(row.id, row.step);
    }
    return found.flatMap((d) => (steps.has(d.id) ? [{ ...d, step: steps.get(d.id)! }] : [])).sort((a, b) => a.id.localeCompare(b.id));
  },

  /** Inbox items by id (paper documents among the hits). */
  incomingRows(db: DbOrTrx, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('incoming_documents')
      .select(['id', 'org_id', 'kind', 'title', 'sender_name', 'sender_number', 'step', 'document_date'])
      .where('id', 'in', [...ids])
      .execute();
  },
};
