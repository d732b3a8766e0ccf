import { buffer } from 'node:stream/consumers';
import type { Db } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { toBusinessDate } from '../../../platform/calendar/index.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileStore } from '../../../platform/files/index.js';
import { newId } from '../../../platform/ids.js';
import { authorize } from '../../../platform/policy/index.js';
import type { AuditLog } from '../../../platform/audit/index.js';
import { receiptNumber } from '../../../../shared/documents-receiving.js';
import type { OrgService } from '../../orgs/index.js';
import { OrgLookup } from './org-lookup.js';
import { inboxPolicy } from './receive.policy.js';
import { isUniqueViolation, receiveRepository as repo } from './receive.repository.js';
import type { PaperBody } from './receive.schema.js';
import { orgPathsOf } from './receive.scope.js';
import type { Acting } from './receive.service.js';
import { indexIncoming } from '../search/document-index.js';
import { warmFileText } from '../../../platform/search/index.js';
import type { NewIncomingRow } from './receive.table.js';
import './receive.audit.js';
import './receive.errors.js';

export const scanTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export interface PaperDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly orgs: OrgService;
  readonly files: FileStore;
  /** The pages of a PDF; throws when the bytes are not a readable PDF. */
  readonly countPages: (pdf: Uint8Array) => number;
}


/**
 * Paper documents received from outside (纸质来文): the scan is uploaded first (its type judged from
 * its bytes), then registered with the sender, their 发文字号, title, date and pages. A paper document
 * is signed for and registered at the desk in one act: it enters the inbox at 初审 with its 收文编号.
 */
export function createPaperService(deps: PaperDeps) {
  const { db, clock, audit, orgs, files } = deps;
  /** Pages of a PDF scan, or undefined when it cannot be read as one. */
  const pagesOfPdf = (bytes: Uint8Array): number | undefined => {
    try {
      return deps.countPages(bytes);
    } catch {
      return undefined;
    }
  };

  async function authorizeInbox(actor: Actor, orgId: string) {
    const g = new OrgLookup(orgs);
    if (!(await g.node(orgId))) throw new AppError('documents.inbox_not_found', { details: { orgId } });
    const { org, paths } = await orgPathsOf(g, orgId);
    authorize(actor, inboxPolicy, 'registerPaper', { paths });
    return org;
  }

  return {
    async uploadScan(acting: Acting, orgId: string, bytes: Buffer, name: string) {
      await authorizeInbox(acting.actor, orgId);
      if (bytes.length === 0) throw new AppError('request.empty_body');
      const stored = await db.transaction().execute(async (trx) => {
        let file;
        try {
          file = await files.put(trx, bytes, { name, allowedTypes: scanTypes, createdBy: acting.actor.userId });
        } catch (error) {
          if (error instanceof AppError && error.code === 'file.type_not_allowed') {
            throw new AppError('documents.scan_type_not_allowed', { details: error.details ?? {} });
          }
          throw error;
        }
        // A PDF must be readable to the end: its pages are counted now and its first page stamped at filing.
        const pages = file.mediaType === 'application/pdf' ? pagesOfPdf(bytes) : undefined;
        if (file.mediaType === 'application/pdf' && pages === undefined) {
          throw new AppError('documents.incoming_scan_invalid', { message: '扫描件不是完整有效的 PDF 文件' });
        }
        await audit.append(trx, {
          ...acting.who,
          action: 'documents.incoming_scan_upload',
          object: { type: 'file', id: file.id },
          details: { fileId: file.id, mediaType: file.mediaType, size: file.size },
        });
        return { ...file, pages };
      });
      return { fileId: stored.id, mediaType: stored.mediaType, size: stored.size, pages: stored.pages ?? null };
    },

    async register(acting: Acting, body: PaperBody): Promise<string> {
      const org = await authorizeInbox(acting.actor, body.orgId);
      const today = toBusinessDate(clock.now());
      if (body.documentDate > today) throw new AppError('documents.incoming_date_invalid', { fields: [{ path: 'documentDate', message: '成文日期不能晚于今天' }] });
      const scan = await files.find(db, body.scanFileId);
      if (!scan || scan.createdBy !== acting.actor.userId || !(scanTypes as readonly string[]).includes(scan.mediaType) || (await repo.findByFile(db, scan.id))) {
        throw new AppError('documents.incoming_scan_invalid', { details: { scanFileId: body.scanFileId } });
      }
      let pages = body.pages ?? 1;
      if (scan.mediaType === 'application/pdf') {
        const { stream } = await files.get(db, scan.id);
        pages = pagesOfPdf(await buffer(stream)) ?? pages;
      }
      await warmFileText(db, files, scan.id);
      const id = newId();
      const at = clock.now().toISOString();
      const year = Number(today.slice(0, 4));
      try {
        await db.transaction().execute(async (trx) => {
          if (await repo.findByFile(trx, scan.id)) throw new AppError('documents.incoming_scan_invalid', { details: { scanFileId: scan.id } });
          const serial = await repo.nextReceiptSerial(trx, org.id, year);
          const number = receiptNumber(year, serial);
          const row: NewIncomingRow = {
            id,
            org_id: org.id,
            source: 'paper',
            delivery_id: null,
            document_id: null,
            sender_org_id: null,
            sender_name: body.senderName,
            sender_number: body.senderNumber ?? null,
            title: body.title,
            kind: body.kind ?? null,
            secrecy: body.secrecy,
            urgency: body.urgency,
            recipient_role: null,
            document_date: body.documentDate,
            pages,
            file_id: scan.id,
            step: 'registered',
            revision: 0,
            received_at: at,
            signed_at: at,
            signed_by: acting.actor.userId,
            signed_by_name: acting.actor.displayName,
            receipt_year: year,
            receipt_serial: serial,
            receipt_number: number,
            registered_at: at,
            proposal: null,
            instruction: null,
            instructed_at: null,
            instructed_by_name: null,
            lead_org_id: null,
            deadline: null,
            completed_at: null,
            completed_by_name: null,
            result: null,
            reply_document_id: null,
            returned_at: null,
            return_reason: null,
            reminders: 0,
            last_reminded_at: null,
            created_at: at,
            updated_at: at,
          };
          await repo.insert(trx, row);
          for (const action of ['sign', 'register'] as const) {
            await repo.insertEvent(trx, {
              id: newId(),
              incoming_id: id,
              action,
              org_id: org.id,
              actor_id: acting.actor.userId,
              actor_name: acting.actor.displayName,
              opinion: null,
              details: JSON.stringify(action === 'sign' ? { source: 'paper', scanFileId: scan.id } : { receiptNumber: number }),
              at,
            });
          }
          await indexIncoming(trx, files, id);
          await audit.append(trx, {
            ...acting.who,
            action: 'documents.incoming_paper',
            object: { type: 'incoming-document', id },
            details: { orgId: org.id, title: body.title, senderName: body.senderName, scanFileId: scan.id, receiptNumber: number },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('documents.incoming_scan_invalid', { details: { scanFileId: scan.id }, cause: error });
        throw error;
      }
      return id;
    },
  };
}

export type PaperService = ReturnType<typeof createPaperService>;
