import type { DbOrTrx, Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { countWorkingDays } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { allowedActions, authorize } from '../../../platform/policy/index.js';
import { disclosureCategories, formatIndexNumber, PROACTIVE_LIMIT_DAYS, type DisclosureTextKind } from '../../../../shared/disclosure.js';
import { PORTAL_SEARCH_SCOPE, PUBLIC_TAG, portalSearchKey } from '../portal-search.js';
import type { EntryCreate, EntryListQuery, EntryUpdate, EntryView } from './catalogue.schema.js';
import { todayOf, type Acting, type DisclosureDeps } from './disclosure.deps.js';
import { cataloguePolicy, type DisclosureScope } from './disclosure.policy.js';
import { disclosureRepository as repo } from './disclosure.repository.js';
import type { DisclosureEntryRow, DisclosureTextRow } from './disclosure.table.js';
import { orgCodeOf } from './org-code.js';
import { plainText, sanitizeRichText } from './rich-text.js';
import './disclosure.audit.js';
import './disclosure.errors.js';

/** Working days from 成文日期 to 发布日期, or null when the calendar does not cover those years. */
export function workingDaysBetween(from: string, to: string): number | null {
  try {
    return countWorkingDays(from, to);
  } catch {
    return null;
  }
}

export function toEntryView(row: DisclosureEntryRow, actions: EntryView['actions']): EntryView {
  const days = row.publish_date ? workingDaysBetween(row.document_date, row.publish_date) : null;
  return {
    id: row.id,
    orgId: row.org_id,
    indexNumber: row.index_number,
    title: row.title,
    category: row.category,
    summary: row.summary,
    docNumber: row.doc_number,
    publisher: row.publisher,
    documentDate: row.document_date,
    publishDate: row.publish_date,
    articleId: row.article_id,
    fileId: row.file_id,
    fileName: row.file_name,
    validity: row.validity,
    validityNote: row.validity_note,
    validityDate: row.validity_date,
    status: row.status,
    late: days === null ? null : days > PROACTIVE_LIMIT_DAYS,
    workingDaysToPublish: days,
    createdByName: row.created_by_name,
    updatedAt: new Date(row.updated_at).toISOString(),
    actions,
  };
}

const textView = (row: DisclosureTextRow | undefined) =>
  row ? { version: Number(row.version), bodyHtml: row.body_html, updatedAt: new Date(row.created_at).toISOString(), updatedByName: row.created_by_name } : null;

/** The public path of an entry on a site. */
export const entryPath = (prefix: string, id: string) => `${prefix}/disclosure/entries/${id}`;

/**
 * The disclosure platform's catalogue side: the organisation's 机构代码, guide and rules (versioned),
 * and catalogue entries with index numbers that are consecutive per organisation and year, taken in
 * the creating transaction so that parallel creations never share or skip a number.
 */
export function createCatalogueService(deps: DisclosureDeps) {
  const { db, clock, audit, orgs } = deps;

  async function scopeOf(orgId: string): Promise<{ scope: DisclosureScope; name: string; ref: string; creditCode: string | null }> {
    const org = await orgs.find(orgId);
    const path = org && (await orgs.pathOf(org.id));
    if (!org || !path) throw new AppError('disclosure.org_not_found', { details: { orgId } });
    return { scope: { path }, name: org.nameZh, ref: org.ref, creditCode: org.creditCode };
  }

  /** The organisation's 机构代码, fixed (stored) on first use. */
  async function ensureOrgCode(trx: DbOrTrx, org: { id: string; ref: string; creditCode: string | null }): Promise<{ code: string; source: 'credit_code' | 'derived' }> {
    const stored = await repo.orgCode(trx, org.id);
    if (stored) return { code: stored, source: org.creditCode?.slice(8, 17) === stored ? 'credit_code' : 'derived' };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const candidate = orgCodeOf(org, attempt);
      if (await repo.orgCodeTaken(trx, candidate.code)) continue;
      await repo.saveOrgCode(trx, org.id, candidate.code, clock.now().toISOString());
      return { code: (await repo.orgCode(trx, org.id))!, source: candidate.source };
    }
    throw new Error(`no free 机构代码 for ${org.ref}`);
  }

  async function loadEntry(id: string): Promise<{ row: DisclosureEntryRow; scope: DisclosureScope }> {
    const row = await repo.findEntry(db, id);
    if (!row) throw new AppError('disclosure.entry_not_found');
    const path = await orgs.pathOf(row.org_id);
    if (!path) throw new AppError('disclosure.entry_not_found');
    return { row, scope: { path } };
  }

  /** Re-indexes (published) or removes (otherwise) an entry in the portal search, in the caller's transaction. */
  async function syncSearch(trx: Trx, row: DisclosureEntryRow): Promise<void> {
    const search = deps.search();
    const key = portalSearchKey('disclosure', row.id);
    if (row.status !== 'published') {
      await search.remove(trx, PORTAL_SEARCH_SCOPE, key);
      return;
    }
    const site = (await repo.sitesOfOrg(trx, row.org_id))[0];
    await search.index(trx, {
      scope: PORTAL_SEARCH_SCOPE,
      key,
      title: row.title,
      body: [row.summary, row.index_number, row.doc_number ?? '', row.publisher, disclosureCategories[row.category]].join('\n'),
      fields: {
        type: 'disclosure',
        date: row.publish_date,
        lang: 'zh-CN',
        category: row.category,
        validity: row.validity,
        ...(site ? { site: site.id } : {}),
      },
      ...(site ? { shown: { url: entryPath(site.path_prefix, row.id), siteName: site.name_zh } } : {}),
      visibility: [PUBLIC_TAG],
    });
  }

  /** After the commit: drop the organisation's disclosure pages from every site it owns. */
  async function announce(orgId: string, entryId?: string): Promise<void> {
    for (const site of await repo.sitesOfOrg(db, orgId)) {
      const base = `${site.path_prefix}/disclosure/`;
      deps.siteChanged({ siteId: site.id, paths: [base, ...(entryId ? [entryPath(site.path_prefix, entryId)] : [])] });
    }
  }

  async function checkArticle(trx: DbOrTrx, orgId: string, articleId: string | null | undefined): Promise<void> {
    if (!articleId) return;
    const article = await repo.articleOf(trx, articleId);
    if (!article || article.org_id !== orgId) throw new AppError('disclosure.article_not_found', { details: { articleId } });
  }

  const entryActions = (actor: Actor, scope: DisclosureScope) => allowedActions(actor, cataloguePolicy, scope);

  return {
    ensureOrgCode,
    scopeOf,

    async settings(actor: Actor, orgId: string) {
      const org = await scopeOf(orgId);
      authorize(actor, cataloguePolicy, 'read', org.scope);
      const [code, guide, rules, counts] = await Promise.all([
        repo.orgCode(db, orgId),
        repo.latestText(db, orgId, 'guide'),
        repo.latestText(db, orgId, 'rules'),
        repo.publishedCounts(db, orgId),
      ]);
      const effective = code ? { code, source: org.creditCode?.slice(8, 17) === code ? ('credit_code' as const) : ('derived' as const) } : orgCodeOf({ ref: org.ref, creditCode: org.creditCode });
      return {
        orgId,
        orgName: org.name,
        orgCode: effective.code,
        orgCodeSource: effective.source,
        guide: textView(guide),
        rules: textView(rules),
        counts: Object.fromEntries(counts),
        actions: entryActions(actor, org.scope),
      };
    },

    async saveText(acting: Acting, orgId: string, kind: DisclosureTextKind, html: string) {
      const org = await scopeOf(orgId);
      authorize(acting.actor, cataloguePolicy, 'edit', org.scope);
      const body = sanitizeRichText(html);
      if (!plainText(body)) throw new AppError('request.invalid', { fields: [{ path: 'bodyHtml', message: '正文不能为空' }] });
      await db.transaction().execute(async (trx) => {
        const version = Number((await repo.latestText(trx, orgId, kind))?.version ?? 0) + 1;
        await repo.insertText(trx, { id: newId(), org_id: orgId, kind, version, body_html: body, created_by: acting.actor.userId, created_by_name: acting.actor.displayName, created_at: clock.now().toISOString() });
        await audit.append(trx, { ...acting.who, action: 'disclosure.text_update', object: { type: 'disclosure-text', id: `${orgId}:${kind}` }, details: { orgId, kind, version } });
      });
      await announce(orgId);
      return this.settings(acting.actor, orgId);
    },

    async textVersions(actor: Actor, orgId: string, kind: DisclosureTextKind) {
      const org = await scopeOf(orgId);
      authorize(actor, cataloguePolicy, 'read', org.scope);
      return { items: (await repo.textVersions(db, orgId, kind)).map((r) => textView(r)!) };
    },

    async list(actor: Actor, query: EntryListQuery) {
      const org = await scopeOf(query.orgId);
      authorize(actor, cataloguePolicy, 'read', org.scope);
      const { items, total } = await repo.listEntries(db, query, query.page, query.pageSize);
      const actions = entryActions(actor, org.scope);
      return { items: items.map((r) => toEntryView(r, actions)), total };
    },

    async get(actor: Actor, id: string): Promise<EntryView> {
      const { row, scope } = await loadEntry(id);
      authorize(actor, cataloguePolicy, 'read', scope);
      return toEntryView(row, entryActions(actor, scope));
    },

    /** Creates a draft entry with the next index number of the organisation and the current year. */
    async create(acting: Acting, body: EntryCreate): Promise<EntryView> {
      const org = await scopeOf(body.orgId);
      authorize(acting.actor, cataloguePolicy, 'edit', org.scope);
      const today = todayOf(clock);
      if (body.documentDate > today) throw new AppError('disclosure.future_date');
      const id = newId();
      const year = Number(today.slice(0, 4));
      await db.transaction().execute(async (trx) => {
        await checkArticle(trx, body.orgId, body.articleId);
        const { code } = await ensureOrgCode(trx, { id: body.orgId, ref: org.ref, creditCode: org.creditCode });
        const serial = await repo.nextSerial(trx, body.orgId, year);
        const indexNumber = formatIndexNumber(code, year, serial);
        const at = clock.now().toISOString();
        await repo.insertEntry(trx, {
          id,
          org_id: body.orgId,
          index_number: indexNumber,
          year,
          serial,
          title: body.title,
          category: body.category,
          summary: body.summary,
          doc_number: body.docNumber ?? null,
          publisher: body.publisher ?? org.name,
          document_date: body.documentDate,
          publish_date: null,
          article_id: body.articleId ?? null,
          file_id: null,
          file_name: null,
          validity: 'valid',
          validity_note: null,
          validity_date: null,
          status: 'draft',
          created_by: acting.actor.userId,
          created_by_name: acting.actor.displayName,
          created_at: at,
          updated_at: at,
          published_at: null,
        });
        await audit.append(trx, { ...acting.who, action: 'disclosure.entry_create', object: { type: 'disclosure-entry', id }, details: { orgId: body.orgId, indexNumber, title: body.title, category: body.category } });
      });
      return this.get(acting.actor, id);
    },

    async update(acting: Acting, id: string, body: EntryUpdate): Promise<EntryView> {
      const { row, scope } = await loadEntry(id);
      authorize(acting.actor, cataloguePolicy, 'edit', scope);
      if (row.status === 'withdrawn') throw new AppError('disclosure.entry_state');
      const documentDate = body.documentDate ?? row.document_date;
      if (documentDate > todayOf(clock)) throw new AppError('disclosure.future_date');
      if (row.publish_date && documentDate > row.publish_date) throw new AppError('disclosure.dates_invalid');
      const changes = {
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.category !== undefined ? { category: body.category } : {}),
        ...(body.summary !== undefined ? { summary: body.summary } : {}),
        ...(body.docNumber !== undefined ? { doc_number: body.docNumber } : {}),
        ...(body.publisher !== undefined ? { publisher: body.publisher } : {}),
        ...(body.documentDate !== undefined ? { document_date: body.documentDate } : {}),
        ...(body.articleId !== undefined ? { article_id: body.articleId } : {}),
      };
      await db.transaction().execute(async (trx) => {
        await checkArticle(trx, row.org_id, body.articleId);
        await repo.updateEntry(trx, id, { ...changes, updated_at: clock.now().toISOString() });
        await syncSearch(trx, (await repo.findEntry(trx, id))!);
        await audit.append(trx, { ...acting.who, action: 'disclosure.entry_update', object: { type: 'disclosure-entry', id }, details: { fields: Object.keys(changes) } });
      });
      await announce(row.org_id, id);
      return this.get(acting.actor, id);
    },

    /** Publishes a draft today; the entry is marked late when today is more than 20 working days after 成文日期. */
    async publish(acting: Acting, id: string): Promise<EntryView> {
      const { row, scope } = await loadEntry(id);
      authorize(acting.actor, cataloguePolicy, 'edit', scope);
      if (row.status !== 'draft') throw new AppError('disclosure.entry_state', { details: { status: row.status } });
      const today = todayOf(clock);
      const days = workingDaysBetween(row.document_date, today);
      await db.transaction().execute(async (trx) => {
        const at = clock.now().toISOString();
        await repo.updateEntry(trx, id, { status: 'published', publish_date: today, published_at: at, updated_at: at });
        await syncSearch(trx, (await repo.findEntry(trx, id))!);
        await audit.append(trx, { ...acting.who, action: 'disclosure.entry_publish', object: { type: 'disclosure-entry', id }, details: { indexNumber: row.index_number, publishDate: today, late: days !== null && days > PROACTIVE_LIMIT_DAYS } });
      });
      await announce(row.org_id, id);
      return this.get(acting.actor, id);
    },

    async withdraw(acting: Acting, id: string, reason: string): Promise<EntryView> {
      const { row, scope } = await loadEntry(id);
      authorize(acting.actor, cataloguePolicy, 'edit', scope);
      if (row.status === 'withdrawn') throw new AppError('disclosure.entry_state', { details: { status: row.status } });
      await db.transaction().execute(async (trx) => {
        await repo.updateEntry(trx, id, { status: 'withdrawn', updated_at: clock.now().toISOString() });
        await syncSearch(trx, (await repo.findEntry(trx, id))!);
        await audit.append(trx, { ...acting.who, action: 'disclosure.entry_withdraw', object: { type: 'disclosure-entry', id }, details: { indexNumber: row.index_number, reason } });
      });
      await announce(row.org_id, id);
      return this.get(acting.actor, id);
    },

    /** Marks the entry 有效/失效/废止; 失效 and 废止 need a note and the date from which they apply. */
    async setValidity(acting: Acting, id: string, body: { validity: EntryView['validity']; note?: string | null | undefined; date?: string | null | undefined }): Promise<EntryView> {
      const { row, scope } = await loadEntry(id);
      authorize(acting.actor, cataloguePolicy, 'edit', scope);
      if (row.status === 'withdrawn') throw new AppError('disclosure.entry_state');
      const ending = body.validity !== 'valid';
      if (ending && (!body.note || !body.date)) throw new AppError('disclosure.validity_note_required');
      const note = ending ? body.note! : (body.note ?? null);
      const date = ending ? body.date! : null;
      await db.transaction().execute(async (trx) => {
        await repo.updateEntry(trx, id, { validity: body.validity, validity_note: note, validity_date: date, updated_at: clock.now().toISOString() });
        await syncSearch(trx, (await repo.findEntry(trx, id))!);
        await audit.append(trx, { ...acting.who, action: 'disclosure.entry_validity', object: { type: 'disclosure-entry', id }, details: { indexNumber: row.index_number, validity: body.validity, note, date } });
      });
      await announce(row.org_id, id);
      return this.get(acting.actor, id);
    },

    /** Attaches (or replaces) the entry's file: PDF, Word/Excel/ODF documents or images. */
    async attachFile(acting: Acting, id: string, bytes: Buffer, name: string): Promise<EntryView> {
      const { row, scope } = await loadEntry(id);
      authorize(acting.actor, cataloguePolicy, 'edit', scope);
      if (row.status === 'withdrawn') throw new AppError('disclosure.entry_state');
      await db.transaction().execute(async (trx) => {
        const file = await deps.files.put(trx, bytes, { name, allowedTypes: attachmentTypes, createdBy: acting.actor.userId });
        await repo.updateEntry(trx, id, { file_id: file.id, file_name: name, updated_at: clock.now().toISOString() });
        await audit.append(trx, { ...acting.who, action: 'disclosure.entry_file', object: { type: 'disclosure-entry', id }, details: { fileId: file.id, name } });
      });
      await announce(row.org_id, id);
      return this.get(acting.actor, id);
    },
  };
}

export const attachmentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
  'application/x-cfb',
  'application/vnd.oasis.opendocument.text',
  'text/plain',
];

export type CatalogueService = ReturnType<typeof createCatalogueService>;
