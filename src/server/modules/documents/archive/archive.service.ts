import { buffer } from 'node:stream/consumers';
import type { Db, Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditLog } from '../../../platform/audit/index.js';
import type { Clock } from '../../../platform/clock.js';
import { sm3Hex } from '../../../platform/crypto/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileStore, StoredFile } from '../../../platform/files/index.js';
import { newId } from '../../../platform/ids.js';
import { allowedActions, authorize } from '../../../platform/policy/index.js';
import { archivalCode, archiveCategory, retentionPeriods, type Retention } from '../../../../shared/documents-receiving.js';
import type { OrgService } from '../../orgs/index.js';
import { type Acting, OrgLookup, isUniqueViolation, orgPathsOf, receiveRepository } from '../receive/index.js';
import type { DocumentVerdict } from '../seal/index.js';
import { archiveFont } from './archive-font.js';
import type { ArchiveMetadata } from './archive.metadata.js';
import { candidateOf } from './archive.candidate.js';
import { archivePolicy, archiveItemPolicy, type ArchiveScope } from './archive.policy.js';
import { archiveRepository as repo } from './archive.repository.js';
import type { ArchiveItemView, FileBody, FondsView } from './archive.schema.js';
import type { ArchiveFondsRow, ArchiveItemRow } from './archive.table.js';
import { imageToPdf, pdfPageCount, stampArchivalCopy } from './archival-stamp.js';
import './archive.errors.js';

export interface ArchiveDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly orgs: OrgService;
  readonly files: FileStore;
  /** The seal verifier (GB/T 38540): the verdict on the original's seals is kept with the 件. */
  readonly verifyPdf?: (pdf: Uint8Array) => Promise<DocumentVerdict>;
}

const defaultUnit = { code: 'BGS', name: '办公室' } as const;


export function toArchiveItem(row: ArchiveItemRow, actions: ArchiveItemView['actions']): ArchiveItemView {
  return {
    id: row.id,
    orgId: row.org_id,
    archivalCode: row.archival_code,
    fondsCode: row.fonds_code,
    category: row.category,
    year: Number(row.year),
    retention: row.retention,
    unitCode: row.unit_code,
    unitName: row.unit_name,
    itemNumber: Number(row.item_number),
    source: row.source,
    documentId: row.document_id,
    incomingId: row.incoming_id,
    title: row.title,
    docNumber: row.doc_number,
    responsible: row.responsible,
    documentDate: row.document_date,
    pages: Number(row.pages),
    secrecy: row.secrecy,
    filedAt: new Date(row.filed_at).toISOString(),
    filedByName: row.filed_by_name,
    actions,
  };
}

/**
 * Filing (归档, DA/T 22-2015): a finished document becomes a 件 with its 档号, the sealed original kept
 * untouched, an archival copy carrying the 归档章 (the original followed by an incremental update),
 * and its metadata with the whole process. 件号 are consecutive per organisation, year, retention
 * period and 机构, taken in the filing transaction.
 */
export function createArchiveService(deps: ArchiveDeps) {
  const { db, clock, audit, orgs, files } = deps;
  const graph = () => new OrgLookup(orgs);

  async function archiveScope(g: OrgLookup, orgId: string): Promise<{ scope: ArchiveScope; name: string }> {
    const { org, paths } = await orgPathsOf(g, orgId).catch(() => {
      throw new AppError('documents.archive_not_found', { details: { orgId } });
    });
    return { scope: { paths }, name: org.nameZh };
  }

  /** The organisation's 全宗, created with the next free default 全宗号 (Q0001, …) on first use. */
  async function ensureFonds(acting: Acting, orgId: string, orgName: string): Promise<ArchiveFondsRow> {
    const existing = await repo.findFonds(db, orgId);
    if (existing) return existing;
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await db.transaction().execute(async (trx) => {
          const again = await repo.findFonds(trx, orgId);
          if (again) return again;
          const code = `Q${String((await repo.lastDefaultFondsNumber(trx)) + 1 + attempt).padStart(4, '0')}`;
          const row = { org_id: orgId, fonds_code: code, fonds_name: orgName, unit_code: defaultUnit.code, unit_name: defaultUnit.name, updated_at: clock.now().toISOString(), updated_by_name: acting.actor.displayName };
          await repo.saveFonds(trx, row);
          await audit.append(trx, { ...acting.who, action: 'documents.archive_fonds_update', object: { type: 'archive-fonds', id: orgId }, details: { fondsCode: code, unitCode: row.unit_code, unitName: row.unit_name } });
          return row;
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }


  /** The original's bytes and a PDF of it (a scanned image is laid on an A4 page). */
  async function originalOf(fileId: string | null): Promise<{ file: StoredFile; bytes: Buffer; pdf: Buffer; pages: number }> {
    if (!fileId) throw new AppError('documents.archive_no_file');
    const { file, stream } = await files.get(db, fileId);
    const bytes = await buffer(stream);
    try {
      const pdf = file.mediaType === 'application/pdf' ? bytes : await imageToPdf(bytes);
      return { file, bytes, pdf, pages: pdfPageCount(pdf) };
    } catch (error) {
      throw new AppError('documents.archive_file_unreadable', { details: { mediaType: file.mediaType, reason: (error as Error).message }, cause: error });
    }
  }

  return {
    async fonds(actor: Actor, orgId: string): Promise<FondsView> {
      const { scope, name } = await archiveScope(graph(), orgId);
      authorize(actor, archivePolicy, 'read', scope);
      const [row, itemCount] = await Promise.all([repo.findFonds(db, orgId), repo.countItems(db, orgId)]);
      return {
        orgId,
        orgName: name,
        configured: row !== undefined,
        fondsCode: row?.fonds_code ?? null,
        fondsName: row?.fonds_name ?? name,
        unitCode: row?.unit_code ?? defaultUnit.code,
        unitName: row?.unit_name ?? defaultUnit.name,
        itemCount,
        updatedAt: row ? new Date(row.updated_at).toISOString() : null,
        actions: allowedActions(actor, archivePolicy, scope),
      };
    },

    /**
     * Sets the 全宗号 (refused once 件 are filed under it; kept, or assigned, when not given) and the
     * default 机构（问题）.
     */
    async configureFonds(
      acting: Acting,
      body: { orgId: string; fondsCode?: string | undefined; fondsName?: string | undefined; unitCode: string; unitName: string },
    ): Promise<FondsView> {
      const { scope, name } = await archiveScope(graph(), body.orgId);
      authorize(acting.actor, archivePolicy, 'configure', scope);
      const fondsCode = body.fondsCode ?? (await ensureFonds(acting, body.orgId, name)).fonds_code;
      try {
        await db.transaction().execute(async (trx) => {
          const current = await repo.findFonds(trx, body.orgId);
          if (current && current.fonds_code !== fondsCode && (await repo.countItems(trx, body.orgId)) > 0) {
            throw new AppError('documents.archive_fonds_in_use', { details: { fondsCode: current.fonds_code } });
          }
          const owner = await repo.findFondsByCode(trx, fondsCode);
          if (owner && owner.org_id !== body.orgId) throw new AppError('documents.archive_fonds_taken', { details: { fondsCode } });
          await repo.saveFonds(trx, {
            org_id: body.orgId,
            fonds_code: fondsCode,
            fonds_name: body.fondsName ?? current?.fonds_name ?? name,
            unit_code: body.unitCode,
            unit_name: body.unitName,
            updated_at: clock.now().toISOString(),
            updated_by_name: acting.actor.displayName,
          });
          await audit.append(trx, { ...acting.who, action: 'documents.archive_fonds_update', object: { type: 'archive-fonds', id: body.orgId }, details: { fondsCode, unitCode: body.unitCode, unitName: body.unitName } });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('documents.archive_fonds_taken', { details: { fondsCode }, cause: error });
        throw error;
      }
      return this.fonds(acting.actor, body.orgId);
    },

    /** Files a finished document as a 件; returns the new item's id. */
    async file(acting: Acting, body: FileBody): Promise<string> {
      const g = graph();
      const candidate = await candidateOf(deps, acting, g, body);
      const original = await originalOf(candidate.fileId);
      const org = await g.node(candidate.orgId);
      const fonds = await ensureFonds(acting, candidate.orgId, org?.nameZh ?? '');
      const unit = { code: body.unitCode ?? fonds.unit_code, name: body.unitName ?? (body.unitCode ? body.unitCode : fonds.unit_name) };
      const key = { orgId: candidate.orgId, year: candidate.year, retention: body.retention as Retention, unitCode: unit.code };
      const signatures = original.file.mediaType === 'application/pdf' && deps.verifyPdf ? await deps.verifyPdf(original.bytes) : null;
      const stamp = (itemNumber: number) =>
        stampArchivalCopy(original.pdf, { fondsCode: fonds.fonds_code, year: candidate.year, itemNumber, unit: unit.name, retention: retentionPeriods[key.retention].stamp, pages: original.pages }, archiveFont());
      // The stamp is drawn before the transaction with the number the counter will most likely give,
      // so the write lock is held only for the bookkeeping; a concurrent filing makes us draw again.
      const guess = await repo.peekItemNumber(db, key);
      let drawn = { number: guess, bytes: await stamp(guess) };
      const id = newId();
      try {
        await db.transaction().execute(async (trx: Trx) => {
          const itemNumber = await repo.nextItemNumber(trx, key);
          if (itemNumber !== drawn.number) drawn = { number: itemNumber, bytes: await stamp(itemNumber) };
          const code = archivalCode({ fondsCode: fonds.fonds_code, year: candidate.year, retention: key.retention, unitCode: unit.code, itemNumber });
          const archival = await files.put(trx, drawn.bytes, { name: `${code}.pdf`, allowedTypes: ['application/pdf'], createdBy: acting.actor.userId });
          const at = clock.now().toISOString();
          const metadata: ArchiveMetadata = {
            aggregationLevel: '件',
            fonds: { code: fonds.fonds_code, name: fonds.fonds_name },
            archivalCode: code,
            category: archiveCategory,
            year: candidate.year,
            retention: key.retention,
            unit,
            itemNumber,
            source: candidate.source,
            description: {
              title: candidate.title,
              docNumber: candidate.docNumber,
              responsible: candidate.responsible,
              date: candidate.documentDate,
              kind: candidate.kind,
              secrecy: candidate.secrecy,
              urgency: candidate.urgency,
              mainRecipients: candidate.mainRecipients,
              copyRecipients: candidate.copyRecipients,
              receiptNumber: candidate.receiptNumber,
            },
            form: {
              pages: original.pages,
              language: '汉语',
              files: [
                { role: 'original', name: original.file.safeName, mediaType: original.file.mediaType, size: original.file.size, sm3: sm3Hex(original.bytes) },
                { role: 'archival', name: `${code}.pdf`, mediaType: 'application/pdf', size: archival.size, sm3: sm3Hex(drawn.bytes) },
              ],
            },
            signatures,
            process: [...candidate.process, { action: 'file', label: '归档', step: null, actor: acting.actor.displayName, org: org?.nameZh ?? null, at, opinion: code, details: { retention: key.retention } }],
            filing: { by: acting.actor.displayName, at },
          };
          await repo.insertItem(trx, {
            id,
            org_id: candidate.orgId,
            fonds_code: fonds.fonds_code,
            category: archiveCategory,
            year: candidate.year,
            retention: key.retention,
            unit_code: unit.code,
            unit_name: unit.name,
            item_number: itemNumber,
            archival_code: code,
            source: candidate.source,
            document_id: candidate.documentId,
            incoming_id: candidate.incoming?.id ?? null,
            title: candidate.title,
            doc_number: candidate.docNumber,
            responsible: candidate.responsible,
            document_date: candidate.documentDate,
            pages: original.pages,
            secrecy: candidate.secrecy,
            original_file_id: original.file.id,
            archival_file_id: archival.id,
            original_sm3: metadata.form.files[0]!.sm3,
            metadata: JSON.stringify(metadata),
            filed_by: acting.actor.userId,
            filed_by_name: acting.actor.displayName,
            filed_at: at,
          });
          if (candidate.incoming) {
            await receiveRepository.insertEvent(trx, {
              id: newId(),
              incoming_id: candidate.incoming.id,
              action: 'file',
              org_id: candidate.orgId,
              actor_id: acting.actor.userId,
              actor_name: acting.actor.displayName,
              opinion: null,
              details: JSON.stringify({ archivalCode: code, retention: key.retention }),
              at,
            });
          }
          await audit.append(trx, {
            ...acting.who,
            action: 'documents.archive_file',
            object: { type: 'archive-item', id },
            details: { archivalCode: code, source: candidate.source, retention: key.retention, pages: original.pages },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('documents.archive_already_filed', { cause: error });
        throw error;
      }
      return id;
    },

    async list(actor: Actor, query: { orgId: string; year?: number | undefined; retention?: Retention | undefined; source?: 'sent' | 'received' | undefined; q?: string | undefined; page: number; pageSize: number }) {
      const { scope } = await archiveScope(graph(), query.orgId);
      authorize(actor, archivePolicy, 'read', scope);
      const { rows, total } = await repo.list(db, query, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
      const actions = allowedActions(actor, archiveItemPolicy, scope);
      return { items: rows.map((r) => toArchiveItem(r, actions)), total, page: query.page, pageSize: query.pageSize, actions: allowedActions(actor, archivePolicy, scope) };
    },

    /** One 件 with its metadata, after checking the actor may read the organisation's archive. */
    async item(actor: Actor, id: string) {
      const row = await repo.findItem(db, id);
      if (!row) throw new AppError('documents.archive_not_found', { details: { id } });
      const { scope } = await archiveScope(graph(), row.org_id);
      authorize(actor, archiveItemPolicy, 'read', scope);
      return { row, view: { ...toArchiveItem(row, allowedActions(actor, archiveItemPolicy, scope)), originalSm3: row.original_sm3, metadata: JSON.parse(row.metadata) as ArchiveMetadata } };
    },

    /** A 件's archival copy (with the 归档章) or its untouched original. */
    async download(actor: Actor, id: string, copy: 'archival' | 'original') {
      const { row } = await this.item(actor, id);
      const { file, stream } = await files.get(db, copy === 'archival' ? row.archival_file_id : row.original_file_id);
      const extension = file.mediaType === 'application/pdf' ? 'pdf' : file.mediaType === 'image/png' ? 'png' : 'jpg';
      return { file, stream, name: `${row.archival_code}${copy === 'original' ? '-原件' : ''}.${extension}` };
    },
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
