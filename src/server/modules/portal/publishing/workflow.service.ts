import type { Trx } from '../../../db/database.js';
import type { Actor } from '../../../platform/actor.js';
import type { AuditContext } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enqueue, type JobHandler } from '../../../platform/jobs/index.js';
import { authorize, can, holdsAnyRole } from '../../../platform/policy/index.js';
import { z } from 'zod';
import type { PortalArticleRow, PortalArticleUpdate } from '../portal.table.js';
import { portalEvents } from '../portal-events.js';
import { indexArticle, unindexArticle, warmAttachmentTexts } from './article-index.js';
import { plainText } from './article-body.js';
import { checkRevision, loadArticle, readable, recordEvent, type LoadedArticle } from './article.load.js';
import { articleRepository as articles } from './article.repository.js';
import type { ApproveInput, ValidityInput } from './article.schema.js';
import type { Acting, PublishingDeps } from './publishing.deps.js';
import { actionRoles, articlePolicy, type ArticlePolicyAction } from './publishing.policy.js';
import { articleChangePaths } from './public-paths.js';

/** The queue of the scheduled-publication job (one per scheduled article, run at its time). */
export const publishDueQueue = 'portal.publishDue';
const duePayload = z.object({ articleId: z.string().optional() });

const system: AuditContext = { actorId: null, actorName: 'system', orgId: null, requestId: 'job' };

/**
 * The review workflow: submit → second-person review → publish now or at a time (a job publishes
 * it when due) → withdraw; reject with a reason; validity marks on policies. Publication times are
 * the server clock's: nothing back-dates them.
 */
export function workflowService(deps: PublishingDeps) {
  const { db, clock, audit } = deps;

  /**
   * Loads the article, checks the status the action needs (409 with the telling code) and the
   * actor's right to it (self-review refused as such), then the revision the actor read.
   */
  async function acting(actor: Actor, id: string, action: ArticlePolicyAction, revision: number, statusOk: (row: PortalArticleRow) => boolean, wrongStatus: string) {
    const loaded = await readable(deps, actor, id);
    if (!can(actor, articlePolicy, action, loaded.scope)) {
      // Whoever may never take this action is refused as such, whatever the article's state.
      if (!holdsAnyRole(actor, actionRoles[action], loaded.site.orgPath)) authorize(actor, articlePolicy, action, loaded.scope);
      if (!statusOk(loaded.row)) throw new AppError(wrongStatus, { details: { status: loaded.row.status } });
      if ((action === 'approve' || action === 'reject') && loaded.authors.includes(actor.userId)) throw new AppError('portal.self_review');
      authorize(actor, articlePolicy, action, loaded.scope);
    }
    checkRevision(loaded.row, revision);
    return loaded;
  }

  async function write(trx: Trx, loaded: LoadedArticle, changes: PortalArticleUpdate): Promise<PortalArticleRow> {
    const { row } = loaded;
    if (!(await articles.updateAtRevision(trx, row.id, Number(row.revision), changes))) throw new AppError('portal.changed_concurrently');
    return { ...row, ...changes, revision: Number(row.revision) + 1 } as PortalArticleRow;
  }

  const reasonOf = (reason: string) => {
    const clean = plainText(reason);
    if (!clean) throw new AppError('portal.reason_required');
    return clean;
  };

  const siteChanged = (loaded: LoadedArticle) =>
    portalEvents(deps.ctx).siteChanged({
      siteId: loaded.site.row.id,
      paths: articleChangePaths(loaded.site.row.path_prefix, loaded.column.path, Number(loaded.row.serial)),
    });

  /** Publishes in the caller's transaction at the clock's time: status, history, search, audit. */
  async function publishIn(trx: Trx, loaded: LoadedArticle, actor: Actor | null, who: AuditContext, extra: PortalArticleUpdate, scheduled: boolean) {
    const now = clock.now().toISOString();
    const row = await write(trx, loaded, { ...extra, status: 'published', published_at: now, publish_at: null, updated_at: now });
    await recordEvent(trx, now, { id: row.id, version: Number(row.version) }, 'publish', actor);
    const attachments = await articles.attachments(trx, row.id);
    await indexArticle(trx, deps.files, row, { site: loaded.site.row, column: loaded.column }, attachments);
    await audit.append(trx, { ...who, action: 'portal.article_publish', object: { type: 'portal_article', id: row.id }, details: { publishedAt: now, url: loaded.url, scheduled } });
  }

  /** Publishes every scheduled article whose time has come (the job's work; harmless to repeat). */
  async function publishDue(): Promise<number> {
    let published = 0;
    for (;;) {
      const due = await articles.dueScheduled(db, clock.now().toISOString(), 50);
      if (!due.length) return published;
      for (const row of due) {
        await warmAttachmentTexts(db, deps.files, await articles.attachments(db, row.id));
        const done = await db.transaction().execute(async (trx) => {
          const loaded = await loadArticle(deps, row.id, trx);
          if (loaded.row.status !== 'scheduled' || !loaded.row.publish_at || loaded.row.publish_at > clock.now().toISOString()) return undefined;
          await publishIn(trx, loaded, null, system, {}, true);
          return loaded;
        });
        if (done) {
          published += 1;
          siteChanged(done);
        }
      }
      if (due.length < 50) return published;
    }
  }

  return {
    publishDue,

    async submit({ actor, who }: Acting, id: string, revision: number): Promise<void> {
      const loaded = await acting(actor, id, 'submit', revision, (r) => r.status === 'draft' || r.status === 'rejected', 'portal.not_editable');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await write(trx, loaded, { status: 'submitted', submitted_by: actor.userId, submitted_at: now, reject_reason: null, updated_at: now });
        await recordEvent(trx, now, { id, version: Number(row.version) }, 'submit', actor);
        await audit.append(trx, { ...who, action: 'portal.article_submit', object: { type: 'portal_article', id }, details: { version: Number(row.version) } });
      });
    },

    /**
     * Approves a submitted article: published now (its PubDate the server's time) or scheduled for a
     * later time (`portal.backdated` for one not in the future), published then by the job.
     */
    async approve({ actor, who }: Acting, id: string, input: ApproveInput): Promise<void> {
      const loaded = await acting(actor, id, 'approve', input.revision, (r) => r.status === 'submitted', 'portal.not_submitted');
      const now = clock.now();
      let publishAt: Date | null = null;
      if (input.publish === 'at') {
        if (!input.publishAt) throw new AppError('request.invalid', { fields: [{ path: 'publishAt', message: '定时发布须填写发布时间' }] });
        publishAt = new Date(input.publishAt);
        if (publishAt.getTime() <= now.getTime()) throw new AppError('portal.backdated', { details: { publishAt: publishAt.toISOString(), now: now.toISOString() } });
      }
      const at = now.toISOString();
      const review = { reviewed_by: actor.userId, reviewed_by_name: actor.displayName, reviewed_at: at, reject_reason: null };
      if (!publishAt) await warmAttachmentTexts(db, deps.files, await articles.attachments(db, id));
      await db.transaction().execute(async (trx) => {
        await recordEvent(trx, at, { id, version: Number(loaded.row.version) }, 'approve', actor);
        await audit.append(trx, {
          ...who,
          action: 'portal.article_approve',
          object: { type: 'portal_article', id },
          details: { version: Number(loaded.row.version), publishAt: publishAt?.toISOString() ?? null },
        });
        if (!publishAt) {
          await publishIn(trx, loaded, actor, who, review, false);
          return;
        }
        await write(trx, loaded, { ...review, status: 'scheduled', publish_at: publishAt.toISOString(), updated_at: at });
        await recordEvent(trx, at, { id, version: Number(loaded.row.version) }, 'schedule', actor, null);
        // The job lives in the database: it runs when due even after a restart (or late, if the server was down).
        await enqueue(trx, { queue: publishDueQueue, payload: { articleId: id }, runAt: publishAt, maxAttempts: 10 }, clock);
      });
      if (!publishAt) siteChanged(loaded);
    },

    /** Sends a submitted (or scheduled) article back to its author with a reason. */
    async reject({ actor, who }: Acting, id: string, revision: number, reason: string): Promise<void> {
      const loaded = await acting(actor, id, 'reject', revision, (r) => r.status === 'submitted' || r.status === 'scheduled', 'portal.not_submitted');
      const why = reasonOf(reason);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await write(trx, loaded, { status: 'rejected', reject_reason: why, publish_at: null, reviewed_by: actor.userId, reviewed_by_name: actor.displayName, reviewed_at: now, updated_at: now });
        await recordEvent(trx, now, { id, version: Number(row.version) }, 'reject', actor, why);
        await audit.append(trx, { ...who, action: 'portal.article_reject', object: { type: 'portal_article', id }, details: { reason: why, from: loaded.row.status } });
      });
    },

    /** Withdraws a published article: its page stays with the notice (time and reason); it leaves the search. */
    async withdraw({ actor, who }: Acting, id: string, revision: number, reason: string): Promise<void> {
      const loaded = await acting(actor, id, 'withdraw', revision, (r) => r.status === 'published', 'portal.not_published');
      const why = reasonOf(reason);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await write(trx, loaded, { status: 'withdrawn', withdrawn_at: now, withdraw_reason: why, updated_at: now });
        await recordEvent(trx, now, { id, version: Number(row.version) }, 'withdraw', actor, why);
        await unindexArticle(trx, id);
        await audit.append(trx, { ...who, action: 'portal.article_withdraw', object: { type: 'portal_article', id }, details: { reason: why, url: loaded.url } });
      });
      siteChanged(loaded);
    },

    /** Marks a published policy expired or abolished (or valid again), with a note and the date, shown on the original. */
    async markValidity({ actor, who }: Acting, id: string, input: ValidityInput): Promise<void> {
      const loaded = await readable(deps, actor, id);
      if (loaded.row.status === 'published' && !['notice', 'disclosure'].includes(loaded.column.category)) throw new AppError('portal.validity_not_policy');
      const checked = await acting(actor, id, 'markValidity', input.revision, (r) => r.status === 'published', 'portal.not_published');
      const note = input.note ? plainText(input.note) || null : null;
      if (input.validity !== 'valid' && !note) throw new AppError('portal.reason_required');
      await warmAttachmentTexts(db, deps.files, await articles.attachments(db, id));
      const now = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const row = await write(trx, checked, {
          validity: input.validity,
          validity_note: input.validity === 'valid' ? null : note,
          validity_on: input.validity === 'valid' ? null : input.validityOn,
          validity_changed_at: now,
          updated_at: now,
        });
        await recordEvent(trx, now, { id, version: Number(row.version) }, 'validity', actor, note);
        const attachments = await articles.attachments(trx, id);
        await indexArticle(trx, deps.files, row, { site: checked.site.row, column: checked.column }, attachments);
        await audit.append(trx, { ...who, action: 'portal.article_validity', object: { type: 'portal_article', id }, details: { validity: input.validity, note, validityOn: input.validityOn } });
      });
      siteChanged(checked);
    },
  };
}

export type WorkflowService = ReturnType<typeof workflowService>;

/** The scheduled-publication job: publishes whatever is due (not only its own article), so a late run catches up. */
export function publishDueHandler(service: () => WorkflowService): JobHandler {
  return async (payload) => {
    duePayload.parse(payload ?? {});
    await service().publishDue();
  };
}
