import type { Readable } from 'node:stream';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { authorize, can, holdsRole } from '../../../platform/policy/index.js';
import { plainText } from './article-body.js';
import { checkRevision, readable } from './article.load.js';
import { articleRepository as articles } from './article.repository.js';
import type { Acting, PublishingDeps } from './publishing.deps.js';
import { articlePolicy } from './publishing.policy.js';

/** Picture types for covers and pictures in the body: what the client claims must be what the bytes show. */
export const imageTypes: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Attachment types, as claimed, with the type the bytes must show (old Office files are OLE compound files). */
const attachmentTypes: Readonly<Record<string, string>> = {
  'application/pdf': 'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword': 'application/x-cfb',
  'application/vnd.ms-excel': 'application/x-cfb',
  'application/ofd': 'application/zip',
  'application/zip': 'application/zip',
  'text/plain': 'text/plain',
  'text/csv': 'text/csv',
  ...Object.fromEntries(imageTypes.map((t) => [t, t])),
};
export const attachmentContentTypes: readonly string[] = Object.keys(attachmentTypes);

export interface Upload {
  readonly content: Readable;
  readonly name: string;
  readonly claimedType: string;
  readonly title?: string | undefined;
}

/** Covers, attachments and the public file route of published articles. */
export function articleFileService(deps: PublishingDeps) {
  const { db, clock, audit, files } = deps;

  async function editableArticle(actor: Actor, id: string, revision?: number) {
    const loaded = await readable(deps, actor, id);
    if (!can(actor, articlePolicy, 'edit', loaded.scope)) {
      if (!holdsRole(actor, 'editor', loaded.site.orgPath)) authorize(actor, articlePolicy, 'edit', loaded.scope);
      if (loaded.row.status !== 'draft' && loaded.row.status !== 'rejected') throw new AppError('portal.not_editable');
      authorize(actor, articlePolicy, 'edit', loaded.scope);
    }
    if (revision !== undefined) checkRevision(loaded.row, revision);
    return loaded;
  }

  async function store(upload: Upload, allowed: Readonly<Record<string, string>>, maxBytes: number, actor: Actor) {
    const claimed = upload.claimedType.split(';')[0]!.trim().toLowerCase();
    const expected = allowed[claimed];
    if (!expected) {
      upload.content.resume();
      throw new AppError('file.type_not_allowed', { details: { type: claimed } });
    }
    const stored = await files.put(db, upload.content, { name: upload.name, maxBytes, createdBy: actor.userId });
    if (stored.mediaType !== expected) throw new AppError('portal.upload_type_mismatch', { details: { claimed, found: stored.mediaType } });
    return stored;
  }

  /** Bumps the article's revision with its history line and audit event, in one transaction. */
  async function recordChange(acting: Acting, loaded: Awaited<ReturnType<typeof editableArticle>>, change: Parameters<typeof articles.updateAtRevision>[3], details: { kind: 'cover' | 'attachment'; change: 'add' | 'remove'; fileId: string; mediaType?: string; size?: number }, attach?: { title: string }) {
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      if (!(await articles.updateAtRevision(trx, loaded.row.id, Number(loaded.row.revision), { ...change, updated_at: now }))) throw new AppError('portal.changed_concurrently');
      if (attach) await articles.insertAttachment(trx, { id: newId(), article_id: loaded.row.id, file_id: details.fileId, title: attach.title, created_at: now });
      await audit.append(trx, { ...acting.who, action: 'portal.article_file', object: { type: 'portal_article', id: loaded.row.id }, details });
    });
  }

  return {
    /** Sets the cover picture (images only, the picture size limit). */
    async setCover(acting: Acting, id: string, upload: Upload): Promise<void> {
      const loaded = await editableArticle(acting.actor, id);
      const stored = await store(upload, Object.fromEntries(imageTypes.map((t) => [t, t])), deps.imageMaxBytes, acting.actor);
      await recordChange(acting, loaded, { cover_file_id: stored.id }, { kind: 'cover', change: 'add', fileId: stored.id, mediaType: stored.mediaType, size: stored.size });
    },

    /** Adds an attachment (sniffed type, size limit); a picture attachment may also be shown in the body. */
    async addAttachment(acting: Acting, id: string, upload: Upload): Promise<void> {
      const loaded = await editableArticle(acting.actor, id);
      const stored = await store(upload, attachmentTypes, deps.attachmentMaxBytes, acting.actor);
      const title = plainText(upload.title ?? '') || plainText(upload.name) || '附件';
      await recordChange(acting, loaded, {}, { kind: 'attachment', change: 'add', fileId: stored.id, mediaType: stored.mediaType, size: stored.size }, { title });
    },

    async removeAttachment(acting: Acting, id: string, attachmentId: string): Promise<void> {
      const loaded = await editableArticle(acting.actor, id);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const fileId = await articles.deleteAttachment(trx, id, attachmentId);
        if (!fileId) throw new AppError('portal.attachment_not_found');
        if (!(await articles.updateAtRevision(trx, id, Number(loaded.row.revision), { updated_at: now }))) throw new AppError('portal.changed_concurrently');
        await audit.append(trx, { ...acting.who, action: 'portal.article_file', object: { type: 'portal_article', id }, details: { kind: 'attachment', change: 'remove', fileId } });
      });
    },

    /** A file of an article the actor may read (the workbench's preview of drafts). */
    async articleFile(actor: Actor, id: string, fileId: string) {
      await readable(deps, actor, id);
      if (!(await articles.fileOfArticle(db, id, fileId))) throw new AppError('portal.file_not_found');
      return files.get(db, fileId);
    },

    /** A file anyone may fetch: the cover or an attachment of a published article; anything else is not found. */
    async publicFile(fileId: string) {
      if (!(await articles.isPublicFile(db, fileId))) throw new AppError('portal.file_not_found');
      return files.get(db, fileId);
    },
  };
}

export type ArticleFileService = ReturnType<typeof articleFileService>;
