import { PostgresAdapter } from 'kysely';
import type { Db, DbOrTrx, Dialect } from '../../../db/database.js';
import { systemClock } from '../../../platform/clock.js';
import type { FileStore } from '../../../platform/files/index.js';
import { fileText, searchOfDialect, type Search } from '../../../platform/search/index.js';
import { createOrgService } from '../../orgs/index.js';
import { OrgLookup } from '../receive/org-lookup.js';
import { paperEntry, sentEntry } from './entries.js';
import { searchRepository as repo } from './search.repository.js';

export const dialectOf = (db: DbOrTrx): Dialect => (db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite');

/**
 * The platform search that indexes documents in a caller's transaction (the engine follows the
 * dialect). Searching goes through `documentsSearchOver`.
 */
export const documentsSearch = (db: DbOrTrx): Search => searchOfDialect(db);

/**
 * The platform search that answers queries over one database: its background statistics (which
 * facets are common, SQLite) are taken on that database, never on a transaction or on whichever
 * database was seen first in the process.
 */
export const documentsSearchOver = (db: Db): Search => searchOfDialect(db);

let words: Promise<void> | undefined;

/**
 * Teaches the segmenter the registry's organisation names and short names once per process (the
 * dictionary is the process's), so `乌兰浩特市人民政府` is found by `乌兰浩特`.
 */
export function teachOrgNames(db: DbOrTrx): Promise<void> {
  words ??= (async () => {
    const orgs = createOrgService({ db, clock: systemClock });
    const { items } = await orgs.list({ page: 1, pageSize: 100_000 });
    documentsSearch(db).addWords(items.flatMap((o) => [o.nameZh, ...(o.shortName ? [o.shortName] : [])]));
  })().catch((error: unknown) => {
    words = undefined;
    throw error;
  });
  return words;
}

/**
 * Indexes (again) a sent document, in the caller's transaction: its title, 发文字号, body and
 * attachments' text, visible to its issuing side and, once issued, to every recipient. Called by the
 * sending services at save, attachment changes, 编号登记 and 核发.
 */
export async function indexDocument(trx: DbOrTrx, files: FileStore, documentId: string): Promise<void> {
  const doc = await repo.sentDocument(trx, documentId);
  if (!doc) return;
  await teachOrgNames(trx);
  const service = createOrgService({ db: trx, clock: systemClock });
  // One query for every organisation's path: a document may go to a thousand recipients.
  const paths = await service.pathsOf([doc.row.org_id, ...doc.coIssuers, doc.row.drafting_org_id, ...doc.recipients], trx);
  const at = (id: string) => {
    const path = paths.get(id);
    return path ? [{ id, path }] : [];
  };
  const attachments = await Promise.all(doc.attachments.map(async (a) => `${a.title}\n${await fileText(trx, files, a.file_id)}`));
  await documentsSearch(trx).index(
    trx,
    sentEntry({
      row: doc.row,
      parties: {
        owners: [doc.row.org_id, ...doc.coIssuers].flatMap(at),
        office: await new OrgLookup(service).officeOf(doc.row.org_id),
        draftingUnit: at(doc.row.drafting_org_id)[0],
        drafter: doc.row.drafted_by,
        recipients: doc.recipients.flatMap(at),
      },
      orgName: (await service.find(doc.row.org_id))?.nameZh ?? '',
      attachmentsText: attachments.join('\n\n'),
    }),
  );
}

/**
 * Indexes a paper document received from outside, in the registration's transaction: title, 来文机关,
 * 来文字号 and the scan's text layer, visible to the receiving organisation.
 */
export async function indexIncoming(trx: DbOrTrx, files: FileStore, incomingId: string): Promise<void> {
  const row = await repo.incoming(trx, incomingId);
  if (!row || row.source !== 'paper') return;
  await teachOrgNames(trx);
  const orgs = new OrgLookup(createOrgService({ db: trx, clock: systemClock }));
  const org = await orgs.node(row.org_id);
  if (!org) return;
  await documentsSearch(trx).index(trx, paperEntry({ row, org: { id: org.id, path: org.path }, scanText: row.file_id ? await fileText(trx, files, row.file_id) : '' }));
}
