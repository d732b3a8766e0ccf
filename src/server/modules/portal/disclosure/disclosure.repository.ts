import { sql } from 'kysely';
import type { DbOrTrx } from '../../../db/database.js';
import type { DisclosureCategory, DisclosureTextKind, EntryStatus, EntryValidity, RequestStatus } from '../../../../shared/disclosure.js';
import type {
  DisclosureEntryRow,
  DisclosureEntryUpdate,
  DisclosureReportRow,
  DisclosureRequestEventRow,
  DisclosureRequestRow,
  DisclosureRequestUpdate,
  DisclosureTextRow,
  NewDisclosureEntryRow,
  NewDisclosureRequestRow,
} from './disclosure.table.js';
import './disclosure.table.js';
import '../portal.table.js';

export interface EntryFilter {
  readonly orgId: string;
  readonly status?: EntryStatus | undefined;
  readonly category?: DisclosureCategory | undefined;
  readonly validity?: EntryValidity | undefined;
  readonly year?: number | undefined;
  /** Words in the title, index number or 文号. */
  readonly q?: string | undefined;
}

export interface RequestFilter {
  readonly orgId: string;
  readonly statuses?: readonly RequestStatus[] | undefined;
  /** Open requests whose deadline is on or before this date. */
  readonly deadlineBy?: string | undefined;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** All SQL of government information disclosure. */
export const disclosureRepository = {
  async orgCode(db: DbOrTrx, orgId: string): Promise<string | undefined> {
    const row = await db.selectFrom('disclosure_orgs').select('org_code').where('org_id', '=', orgId).executeTakeFirst();
    return row?.org_code;
  },

  /** Records the organisation's code unless it has one; false when the code is another organisation's. */
  async saveOrgCode(db: DbOrTrx, orgId: string, code: string, at: string): Promise<void> {
    await db.insertInto('disclosure_orgs').values({ org_id: orgId, org_code: code, created_at: at }).onConflict((oc) => oc.column('org_id').doNothing()).execute();
  },

  async orgCodeTaken(db: DbOrTrx, code: string): Promise<boolean> {
    return (await db.selectFrom('disclosure_orgs').select('org_id').where('org_code', '=', code).executeTakeFirst()) !== undefined;
  },

  latestText(db: DbOrTrx, orgId: string, kind: DisclosureTextKind): Promise<DisclosureTextRow | undefined> {
    return db.selectFrom('disclosure_texts').selectAll().where('org_id', '=', orgId).where('kind', '=', kind).orderBy('version', 'desc').limit(1).executeTakeFirst();
  },

  textVersions(db: DbOrTrx, orgId: string, kind: DisclosureTextKind): Promise<DisclosureTextRow[]> {
    return db.selectFrom('disclosure_texts').selectAll().where('org_id', '=', orgId).where('kind', '=', kind).orderBy('version', 'desc').limit(50).execute();
  },

  async insertText(db: DbOrTrx, row: DisclosureTextRow): Promise<void> {
    await db.insertInto('disclosure_texts').values(row).execute();
  },

  /** Takes the next index-number serial of the organisation and year, in the caller's transaction. */
  async nextSerial(db: DbOrTrx, orgId: string, year: number): Promise<number> {
    await db
      .insertInto('disclosure_index_counters')
      .values({ org_id: orgId, year, last_serial: 0 })
      .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
      .execute();
    const row = await db
      .updateTable('disclosure_index_counters')
      .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('year', '=', year)
      .returning('last_serial')
      .executeTakeFirstOrThrow();
    return Number(row.last_serial);
  },

  async insertEntry(db: DbOrTrx, row: NewDisclosureEntryRow): Promise<void> {
    await db.insertInto('disclosure_entries').values(row).execute();
  },

  findEntry(db: DbOrTrx, id: string): Promise<DisclosureEntryRow | undefined> {
    return db.selectFrom('disclosure_entries').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async updateEntry(db: DbOrTrx, id: string, changes: DisclosureEntryUpdate): Promise<void> {
    await db.updateTable('disclosure_entries').set(changes).where('id', '=', id).execute();
  },

  async listEntries(db: DbOrTrx, filter: EntryFilter, page: number, pageSize: number): Promise<{ items: DisclosureEntryRow[]; total: number }> {
    let query = db.selectFrom('disclosure_entries').where('org_id', '=', filter.orgId);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.category) query = query.where('category', '=', filter.category);
    if (filter.validity) query = query.where('validity', '=', filter.validity);
    if (filter.year) query = query.where('year', '=', filter.year);
    if (filter.q) {
      const pattern = `%${likeEscape(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([
          eb('title', 'like', sql<string>`${pattern} escape '\\'`),
          eb('index_number', 'like', sql<string>`${pattern} escape '\\'`),
          eb('doc_number', 'like', sql<string>`${pattern} escape '\\'`),
        ]),
      );
    }
    const [items, count] = await Promise.all([
      query
        .selectAll()
        .orderBy(sql`coalesce(publish_date, document_date)`, 'desc')
        .orderBy('year', 'desc')
        .orderBy('serial', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** Published entries per category (for the public page's category list). */
  async publishedCounts(db: DbOrTrx, orgId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('disclosure_entries')
      .select(['category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('status', '=', 'published')
      .groupBy('category')
      .execute();
    return new Map(rows.map((r) => [r.category, Number(r.n)]));
  },

  /** What the annual report's 第二部分 counts: every entry published by the end of the year. */
  reportEntries(db: DbOrTrx, orgId: string, yearEnd: string) {
    return db
      .selectFrom('disclosure_entries')
      .select(['category', 'publish_date', 'validity', 'validity_date'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'published')
      .where('publish_date', '<=', yearEnd)
      .execute();
  },

  /** An article of the portal (for linking an entry): its site's organisation. */
  articleOf(db: DbOrTrx, id: string) {
    return db
      .selectFrom('portal_articles')
      .innerJoin('portal_sites', 'portal_sites.id', 'portal_articles.site_id')
      .select(['portal_articles.id', 'portal_articles.title', 'portal_articles.status', 'portal_articles.serial', 'portal_sites.org_id', 'portal_sites.path_prefix'])
      .where('portal_articles.id', '=', id)
      .executeTakeFirst();
  },

  /** The site served under a path prefix ('' for the main portal). */
  siteByPrefix(db: DbOrTrx, prefix: string) {
    return db.selectFrom('portal_sites').select(['id', 'org_id', 'name_zh', 'path_prefix', 'code']).where('path_prefix', '=', prefix).executeTakeFirst();
  },

  /** The sites of an organisation (a disclosure change drops their disclosure pages). */
  sitesOfOrg(db: DbOrTrx, orgId: string) {
    return db.selectFrom('portal_sites').select(['id', 'path_prefix', 'name_zh']).where('org_id', '=', orgId).orderBy('position').execute();
  },

  async insertRequest(db: DbOrTrx, row: NewDisclosureRequestRow): Promise<void> {
    await db.insertInto('disclosure_requests').values(row).execute();
  },

  findRequest(db: DbOrTrx, id: string): Promise<DisclosureRequestRow | undefined> {
    return db.selectFrom('disclosure_requests').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findRequestByCode(db: DbOrTrx, code: string): Promise<DisclosureRequestRow | undefined> {
    return db.selectFrom('disclosure_requests').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },

  /** Writes a step's changes only onto the revision it read; false when another step came first. */
  async updateRequest(db: DbOrTrx, id: string, revision: number, changes: DisclosureRequestUpdate): Promise<boolean> {
    const result = await db
      .updateTable('disclosure_requests')
      .set({ ...changes, revision: revision + 1 })
      .where('id', '=', id)
      .where('revision', '=', revision)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  async listRequests(db: DbOrTrx, filter: RequestFilter, page: number, pageSize: number): Promise<{ items: DisclosureRequestRow[]; total: number }> {
    let query = db.selectFrom('disclosure_requests').where('org_id', '=', filter.orgId);
    if (filter.statuses?.length) query = query.where('status', 'in', [...filter.statuses]);
    if (filter.deadlineBy) query = query.where('deadline', 'is not', null).where('deadline', '<=', filter.deadlineBy);
    const [items, count] = await Promise.all([
      query
        .selectAll()
        .orderBy(sql`case when deadline is null then 1 else 0 end`)
        .orderBy('deadline')
        .orderBy('received_at', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  },

  /** Requests the report of a year counts: received by its end and not replied before its start. */
  reportRequests(db: DbOrTrx, orgId: string, yearStart: string, yearEnd: string) {
    return db
      .selectFrom('disclosure_requests')
      .select(['applicant_kind', 'received_on', 'replied_on', 'reply_kind', 'reply_ground'])
      .where('org_id', '=', orgId)
      .where('received_on', '<=', yearEnd)
      .where((eb) => eb.or([eb('replied_on', 'is', null), eb('replied_on', '>=', yearStart)]))
      .execute();
  },

  async insertEvent(db: DbOrTrx, row: DisclosureRequestEventRow): Promise<void> {
    await db.insertInto('disclosure_request_events').values(row).execute();
  },

  events(db: DbOrTrx, requestId: string): Promise<DisclosureRequestEventRow[]> {
    return db.selectFrom('disclosure_request_events').selectAll().where('request_id', '=', requestId).orderBy('at').orderBy('id').execute();
  },

  /** Records a reminder once per request, kind and deadline; false when it was already recorded. */
  async insertReminder(db: DbOrTrx, row: { id: string; request_id: string; kind: 'due_soon' | 'overdue'; deadline: string; message: string; at: string }): Promise<boolean> {
    const result = await db
      .insertInto('disclosure_request_reminders')
      .values(row)
      .onConflict((oc) => oc.columns(['request_id', 'kind', 'deadline']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  },

  reminders(db: DbOrTrx, requestId: string) {
    return db.selectFrom('disclosure_request_reminders').selectAll().where('request_id', '=', requestId).orderBy('at').execute();
  },

  findReport(db: DbOrTrx, id: string): Promise<DisclosureReportRow | undefined> {
    return db.selectFrom('disclosure_reports').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findReportOf(db: DbOrTrx, orgId: string, year: number): Promise<DisclosureReportRow | undefined> {
    return db.selectFrom('disclosure_reports').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
  },

  listReports(db: DbOrTrx, orgId: string, publishedOnly = false): Promise<DisclosureReportRow[]> {
    let query = db.selectFrom('disclosure_reports').selectAll().where('org_id', '=', orgId);
    if (publishedOnly) query = query.where('status', '=', 'published');
    return query.orderBy('year', 'desc').execute();
  },

  async insertReport(db: DbOrTrx, row: DisclosureReportRow): Promise<void> {
    await db.insertInto('disclosure_reports').values(row).execute();
  },

  async updateReport(db: DbOrTrx, id: string, changes: Partial<DisclosureReportRow>): Promise<void> {
    await db.updateTable('disclosure_reports').set(changes).where('id', '=', id).execute();
  },
};
