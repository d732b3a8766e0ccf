import type { Readable } from 'node:stream';
import { diffWords } from 'diff';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileInput } from '../../../platform/files/index.js';
import { newId } from '../../../platform/ids.js';
import type { Actor } from '../../../platform/actor.js';
import { prepare } from './access.js';
import { bodyText } from './body.js';
import { documentRepository as docs } from './document.repository.js';
import { indexDocument } from '../search/document-index.js';
import { warmFileText } from '../../../platform/search/index.js';
import type { Acting, SendDeps } from './send.deps.js';
import type { DraftService } from './draft.service.js';

/**
 * Attachment types a clerk may attach, as claimed by the upload's Content-Type, with the type the
 * bytes must then show (sniffed by the file store). Old Office formats are OLE compound files and
 * OFD is a ZIP container, so their bytes show those.
 */
const claimable: Readonly<Record<string, string>> = {
  'application/pdf': 'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation':
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword': 'application/x-cfb',
  'application/vnd.ms-excel': 'application/x-cfb',
  'application/ofd': 'application/zip',
  'image/png': 'image/png',
  'image/jpeg': 'image/jpeg',
  'image/tiff': 'image/tiff',
  'text/plain': 'text/plain',
  'text/csv': 'text/csv',
};

/** The Content-Types the attachment upload accepts. */
export const attachmentContentTypes: readonly string[] = Object.keys(claimable);

export interface AttachmentUpload {
  readonly content: FileInput;
  /** The file name the client gave. */
  readonly name: string;
  /** The Content-Type the client claimed. */
  readonly claimedType: string;
  readonly title?: string | undefined;
}

export interface DiffPart {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

// Node's ICU segments Chinese into words, so a changed word shows as one change, not scattered characters.
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Word-level differences (Chinese by words) between two texts. */
export function diffText(before: string, after: string): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: segmenter }).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
}

const countChars = (parts: readonly DiffPart[], op: DiffPart['op']) =>
  parts.filter((p) => p.op === op).reduce((n, p) => n + [...p.text.replace(/\s/g, '')].length, 0);

/** Attachments (file store, bytes checked against the claimed type) and versions (痕迹保留). */
export function contentService(deps: SendDeps, drafts: DraftService) {
  const { db, clock, audit, files } = deps;

  return {
    /**
     * Adds an attachment. The claimed type must be one a document may carry (`file.type_not_allowed`),
     * the size within the limit (`file.too_large`), and the bytes must be of the claimed type
     * (`documents.attachment_type_mismatch`): a renamed executable is not a PDF.
     */
    async addAttachment(acting: Acting, id: string, upload: AttachmentUpload): Promise<string> {
      const { actor, who } = acting;
      const prepared = await drafts.editable(acting, id, `/api/v1/documents/${id}/attachments`);
      const claimed = upload.claimedType.split(';')[0]!.trim().toLowerCase();
      const expected = claimable[claimed];
      if (!expected) {
        if (typeof (upload.content as Readable).resume === 'function') (upload.content as Readable).resume();
        throw new AppError('file.type_not_allowed', { details: { mediaType: claimed, allowed: attachmentContentTypes } });
      }
      const file = await files.put(db, upload.content, {
        name: upload.name,
        allowedTypes: [...new Set(Object.values(claimable))],
        maxBytes: deps.attachmentMaxBytes,
        createdBy: actor.userId,
      });
      if (file.mediaType !== expected) {
        throw new AppError('documents.attachment_type_mismatch', {
          message: `附件内容与声明的文件类型不符：声明为 ${claimed}，实际为 ${file.mediaType}`,
          details: { claimed, detected: file.mediaType },
        });
      }
      const title = (upload.title ?? file.safeName.replace(/\.[^.]+$/, '')).trim() || file.safeName;
      await warmFileText(db, files, file.id);
      const attachmentId = newId();
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const { row } = prepared.doc;
        if (!(await docs.updateAtRevision(trx, id, Number(row.revision), { updated_at: now }))) {
          throw new AppError('documents.changed_concurrently');
        }
        await docs.insertAttachment(trx, {
          id: attachmentId,
          document_id: id,
          file_id: file.id,
          title,
          position: await docs.nextAttachmentPosition(trx, id),
          created_at: now,
          created_by: actor.userId,
        });
        await indexDocument(trx, files, id);
        await audit.append(trx, {
          ...who,
          action: 'documents.attachment_add',
          object: { type: 'document', id },
          details: { attachmentId, fileId: file.id, title, mediaType: file.mediaType, size: file.size },
        });
      });
      return attachmentId;
    },

    async removeAttachment(acting: Acting, id: string, attachmentId: string): Promise<void> {
      const prepared = await drafts.editable(acting, id, `/api/v1/documents/${id}/attachments/${attachmentId}`);
      const attachment = await docs.attachment(db, id, attachmentId);
      if (!attachment) throw new AppError('documents.attachment_not_found');
      await db.transaction().execute(async (trx) => {
        const { row } = prepared.doc;
        if (!(await docs.updateAtRevision(trx, id, Number(row.revision), { updated_at: clock.now().toISOString() }))) {
          throw new AppError('documents.changed_concurrently');
        }
        await docs.deleteAttachment(trx, attachmentId);
        await indexDocument(trx, files, id);
        await audit.append(trx, {
          ...acting.who,
          action: 'documents.attachment_remove',
          object: { type: 'document', id },
          details: { attachmentId, fileId: attachment.file_id },
        });
      });
    },

    attachments: (id: string) => docs.attachments(db, id),

    /** An attachment's file, for download by whoever may read the document. */
    async attachmentFile(actor: Actor, id: string, attachmentId: string) {
      await prepare(deps, actor, id);
      const attachment = await docs.attachment(db, id, attachmentId);
      if (!attachment) throw new AppError('documents.attachment_not_found');
      return files.get(db, attachment.file_id);
    },

    async versions(actor: Actor, id: string) {
      await prepare(deps, actor, id);
      return docs.versions(db, id);
    },

    async version(actor: Actor, id: string, number: number) {
      await prepare(deps, actor, id);
      const version = await docs.version(db, id, number);
      if (!version) throw new AppError('documents.version_not_found', { details: { number } });
      return version;
    },

    /** What changed from one version to another: title and body, word by word. */
    async diff(actor: Actor, id: string, from: number, to: number) {
      await prepare(deps, actor, id);
      const [a, b] = await Promise.all([docs.version(db, id, from), docs.version(db, id, to)]);
      if (!a || !b) throw new AppError('documents.version_not_found', { details: { number: a ? to : from } });
      const body = diffText(bodyText(a.body_html), bodyText(b.body_html));
      return { from, to, title: diffText(a.title, b.title), body, inserted: countChars(body, 'insert'), deleted: countChars(body, 'delete') };
    },
  };
}

export type ContentService = ReturnType<typeof contentService>;
