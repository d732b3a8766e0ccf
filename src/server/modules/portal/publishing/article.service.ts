import type { DbOrTrx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import { allowedActions, authorize, can, holdsRole } from '../../../platform/policy/index.js';
import type { PortalLanguage } from '../../../../shared/portal.js';
import type { PortalArticleRow, PortalArticleUpdate } from '../portal.table.js';
import { bodyPlainText, plainText, portalFilePath, sanitizeArticleBody } from './article-body.js';
import { checkRevision, loadArticle, readable, recordEvent, type LoadedArticle } from './article.load.js';
import { articleRepository as articles } from './article.repository.js';
import type { ArticleView, CreateArticleInput, UpdateArticleInput } from './article.schema.js';
import type { Acting, PublishingDeps } from './publishing.deps.js';
import { articlePolicy, sitePolicy } from './publishing.policy.js';
import { siteRepository as sites } from './site.repository.js';
import { loadSite, siteScope } from './site.service.js';
import { diffWords } from 'diff';

const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);
const optionalText = (value: string | null | undefined) => (value ? plainText(value) || null : null);
const cleanTags = (tags: readonly string[]) => [...new Set(tags.map(plainText).filter(Boolean))];

/** The edited fields kept with each version besides title, subtitle and body. */
const versionFields = (row: Pick<PortalArticleRow, 'column_id' | 'lang' | 'source' | 'author' | 'summary' | 'tags' | 'translation_of' | 'interprets_id' | 'cover_file_id'>) => ({
  columnId: row.column_id,
  lang: row.lang,
  source: row.source,
  author: row.author,
  summary: row.summary,
  tags: JSON.parse(row.tags) as string[],
  translationOf: row.translation_of,
  interpretsId: row.interprets_id,
  coverFileId: row.cover_file_id,
});

// Node's ICU segments Chinese into words, so a changed word shows as one change.
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** Drafting and editing articles (every save a version), the reads, versions and diffs. */
export function articleService(deps: PublishingDeps) {
  const { db, clock, audit } = deps;

  /** Checks the links of an article: translation (same site, other language) and 解读 (a policy article). */
  async function checkLinks(trx: DbOrTrx, siteId: string, selfId: string | null, lang: PortalLanguage, translationOf: string | null, interpretsId: string | null) {
    if (translationOf) {
      const original = await articles.findById(trx, translationOf);
      if (!original || original.id === selfId || original.site_id !== siteId || original.lang === lang || original.translation_of) {
        throw new AppError('portal.translation_invalid');
      }
    }
    if (interpretsId) {
      const policy = await articles.findById(trx, interpretsId);
      const column = policy && (await sites.findColumn(trx, policy.column_id));
      const visible = policy && (policy.site_id === siteId || policy.status === 'published');
      if (!policy || policy.id === selfId || !visible || !column || !['notice', 'disclosure'].includes(column.category)) {
        throw new AppError('portal.interprets_invalid');
      }
    }
  }

  async function columnOfSite(trx: DbOrTrx, columnId: string, siteId?: string) {
    const column = await sites.findColumn(trx, columnId);
    if (!column || (siteId && column.site_id !== siteId)) throw new AppError('portal.column_not_found');
    return column;
  }

  async function present(actor: Actor | null, loaded: LoadedArticle): Promise<ArticleView> {
    const { row } = loaded;
    const [attachments, events, cover] = await Promise.all([
      articles.attachments(db, row.id),
      articles.events(db, row.id),
      row.cover_file_id ? deps.files.find(db, row.cover_file_id) : Promise.resolve(undefined),
    ]);
    return {
      ...summary(loaded),
      translationOf: row.translation_of,
      interpretsId: row.interprets_id,
      subtitle: row.subtitle,
      source: row.source,
      author: row.author,
      summary: row.summary,
      bodyHtml: row.body_html,
      tags: JSON.parse(row.tags) as string[],
      cover: cover ? { fileId: cover.id, url: portalFilePath(cover.id), mediaType: cover.mediaType, size: cover.size } : null,
      attachments: attachments.map((a) => ({ id: a.id, title: a.title, fileId: a.file_id, url: portalFilePath(a.file_id), mediaType: a.media_type, size: Number(a.size) })),
      validityNote: row.validity_note,
      validityOn: row.validity_on,
      withdrawnAt: iso(row.withdrawn_at),
      withdrawReason: row.withdraw_reason,
      rejectReason: row.reject_reason,
      createdBy: row.created_by,
      reviewedByName: row.reviewed_by_name,
      reviewedAt: iso(row.reviewed_at),
      events: events.map((e) => ({ action: e.action, actorName: e.actor_name, reason: e.reason, version: Number(e.version), at: new Date(e.at).toISOString() })),
      actions: allowedActions(actor, articlePolicy, loaded.scope),
    };
  }

  function summary(loaded: LoadedArticle) {
    const { row, site, column } = loaded;
    return {
      id: row.id,
      siteId: row.site_id,
      siteName: site.row.name_zh,
      columnId: row.column_id,
      columnName: column.name_zh,
      serial: Number(row.serial),
      lang: row.lang,
      title: row.title,
      status: row.status,
      validity: row.validity,
      createdByName: row.created_by_name,
      publishAt: iso(row.publish_at),
      publishedAt: iso(row.published_at),
      updatedAt: new Date(row.updated_at).toISOString(),
      url: loaded.url,
      version: Number(row.version),
      revision: Number(row.revision),
    };
  }

  return {
    present,
    summary,

    async view(actor: Actor, id: string): Promise<ArticleView> {
      return present(actor, await readable(deps, actor, id));
    },

    /** Starts an article in a column of a site whose organisation the actor edits for (version 1). */
    async create(acting: Acting, input: CreateArticleInput): Promise<string> {
      const { actor, who } = acting;
      const column = await columnOfSite(db, input.columnId);
      const site = await loadSite(deps, column.site_id);
      if (!can(actor, sitePolicy, 'read', siteScope(site))) throw new AppError('portal.column_not_found');
      authorize(actor, sitePolicy, 'writeArticles', siteScope(site));
      const title = plainText(input.title);
      if (!title) throw new AppError('request.invalid', { fields: [{ path: 'title', message: '标题不能为空' }] });
      const now = clock.now().toISOString();
      const id = newId();
      await db.transaction().execute(async (trx) => {
        await checkLinks(trx, site.row.id, null, input.lang, input.translationOf, input.interpretsId);
        const row: PortalArticleRow = {
          id,
          site_id: site.row.id,
          column_id: column.id,
          serial: await articles.nextSerial(trx, site.row.id),
          lang: input.lang,
          translation_of: input.translationOf,
          title,
          subtitle: optionalText(input.subtitle),
          source: optionalText(input.source),
          author: optionalText(input.author),
          summary: optionalText(input.summary),
          body_html: sanitizeArticleBody(input.bodyHtml),
          cover_file_id: null,
          tags: JSON.stringify(cleanTags(input.tags)),
          interprets_id: input.interpretsId,
          status: 'draft',
          validity: 'valid',
          validity_note: null,
          validity_changed_at: null,
          validity_on: null,
          publish_at: null,
          published_at: null,
          withdrawn_at: null,
          withdraw_reason: null,
          reject_reason: null,
          version: 1,
          revision: 0,
          created_by: actor.userId,
          created_by_name: actor.displayName,
          submitted_by: null,
          submitted_at: null,
          reviewed_by: null,
          reviewed_by_name: null,
          reviewed_at: null,
          created_at: now,
          updated_at: now,
        };
        await articles.insert(trx, row);
        await articles.insertVersion(trx, {
          id: newId(),
          article_id: id,
          number: 1,
          title: row.title,
          subtitle: row.subtitle,
          body_html: row.body_html,
          fields: JSON.stringify(versionFields(row)),
          created_by: actor.userId,
          created_by_name: actor.displayName,
          created_at: now,
        });
        await recordEvent(trx, now, { id, version: 1 }, 'create', actor);
        await audit.append(trx, { ...who, action: 'portal.article_create', object: { type: 'portal_article', id }, details: { siteId: site.row.id, columnId: column.id, title, lang: row.lang } });
      });
      return id;
    },

    /** Saves a draft (or a rejected article) at the revision the editor read: a new version each time. */
    async update(acting: Acting, id: string, input: UpdateArticleInput): Promise<void> {
      const { actor, who } = acting;
      const loaded = await readable(deps, actor, id);
      const { row } = loaded;
      if (!can(actor, articlePolicy, 'edit', loaded.scope)) {
        if (!holdsRole(actor, 'editor', loaded.site.orgPath)) authorize(actor, articlePolicy, 'edit', loaded.scope);
        if (row.status !== 'draft' && row.status !== 'rejected') throw new AppError('portal.not_editable', { details: { status: row.status } });
        authorize(actor, articlePolicy, 'edit', loaded.scope);
      }
      checkRevision(row, input.revision);
      const title = input.title === undefined ? row.title : plainText(input.title);
      if (!title) throw new AppError('request.invalid', { fields: [{ path: 'title', message: '标题不能为空' }] });
      const now = clock.now().toISOString();
      const changes: PortalArticleUpdate = {
        title,
        updated_at: now,
        version: Number(row.version) + 1,
        ...(input.columnId !== undefined ? { column_id: (await columnOfSite(db, input.columnId, row.site_id)).id } : {}),
        ...(input.lang !== undefined ? { lang: input.lang } : {}),
        ...(input.subtitle !== undefined ? { subtitle: optionalText(input.subtitle) } : {}),
        ...(input.source !== undefined ? { source: optionalText(input.source) } : {}),
        ...(input.author !== undefined ? { author: optionalText(input.author) } : {}),
        ...(input.summary !== undefined ? { summary: optionalText(input.summary) } : {}),
        ...(input.bodyHtml !== undefined ? { body_html: sanitizeArticleBody(input.bodyHtml) } : {}),
        ...(input.tags !== undefined ? { tags: JSON.stringify(cleanTags(input.tags)) } : {}),
        ...(input.translationOf !== undefined ? { translation_of: input.translationOf } : {}),
        ...(input.interpretsId !== undefined ? { interprets_id: input.interpretsId } : {}),
        ...(input.removeCover ? { cover_file_id: null } : {}),
      };
      const next = { ...row, ...changes } as PortalArticleRow;
      await db.transaction().execute(async (trx) => {
        await checkLinks(trx, row.site_id, id, next.lang, next.translation_of, next.interprets_id);
        if (!(await articles.updateAtRevision(trx, id, input.revision, changes))) throw new AppError('portal.changed_concurrently');
        await articles.insertVersion(trx, {
          id: newId(),
          article_id: id,
          number: Number(next.version),
          title: next.title,
          subtitle: next.subtitle,
          body_html: next.body_html,
          fields: JSON.stringify(versionFields(next)),
          created_by: actor.userId,
          created_by_name: actor.displayName,
          created_at: now,
        });
        await recordEvent(trx, now, { id, version: Number(next.version) }, 'edit', actor);
        const fields = Object.keys(input).filter((k) => k !== 'revision');
        await audit.append(trx, { ...who, action: 'portal.article_update', object: { type: 'portal_article', id }, details: { fields, version: Number(next.version) } });
      });
    },

    async versions(actor: Actor, id: string) {
      await readable(deps, actor, id);
      return (await articles.versions(db, id)).map((v) => ({ number: Number(v.number), title: v.title, createdByName: v.created_by_name, createdAt: new Date(v.created_at).toISOString() }));
    },

    async version(actor: Actor, id: string, number: number) {
      await readable(deps, actor, id);
      const v = await articles.version(db, id, number);
      if (!v) throw new AppError('portal.version_not_found');
      return {
        number: Number(v.number),
        title: v.title,
        subtitle: v.subtitle,
        bodyHtml: v.body_html,
        fields: JSON.parse(v.fields) as Record<string, unknown>,
        createdByName: v.created_by_name,
        createdAt: new Date(v.created_at).toISOString(),
      };
    },

    /** Word-level differences of title, subtitle and body text between two versions, and the other fields that changed. */
    async diff(actor: Actor, id: string, from: number, to: number) {
      await readable(deps, actor, id);
      const [a, b] = await Promise.all([articles.version(db, id, from), articles.version(db, id, to)]);
      if (!a || !b) throw new AppError('portal.version_not_found');
      const textOf = (v: typeof a) => [v.title, v.subtitle ?? '', bodyPlainText(v.body_html)].join('\n');
      const parts = diffWords(textOf(a), textOf(b), { intlSegmenter: segmenter }).map((c) => ({
        op: c.added ? ('insert' as const) : c.removed ? ('delete' as const) : ('equal' as const),
        text: c.value,
      }));
      const before = JSON.parse(a.fields) as Record<string, unknown>;
      const after = JSON.parse(b.fields) as Record<string, unknown>;
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
        .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
      return { from, to, parts, fields };
    },

    load: (id: string) => loadArticle(deps, id),
  };
}

export type ArticleService = ReturnType<typeof articleService>;
