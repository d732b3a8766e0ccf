import type { Actor } from '../../../platform/actor.js';
import type { AuditAction, AuditEvents, AuditLog } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { allowedActions, authorize, can, holdsRole } from '../../../platform/policy/index.js';
import { fieldCipher } from '../../../platform/sealed-data/index.js';
import { messageLimits } from '../../../../shared/interaction.js';
import { createOrgService } from '../../orgs/index.js';
import { portalEvents } from '../portal-events.js';
import type { PortalSiteRow } from '../portal.table.js';
import { sitePolicy, surveyPolicy, type SurveyScope } from './interaction.policy.js';
import { interactionRepository as repo } from './interaction.repository.js';
import type { SurveyBody, SurveyResults, SurveyView } from './interaction.schema.js';
import type { PortalSurveyAnswerRow, PortalSurveyQuestionRow, PortalSurveyRow } from './interaction.table.js';
import { interactionPaths } from './interaction.paths.js';
import { ipIndexField } from './message-personal.js';
import type { Acting } from './message.service.js';
import './interaction.audit.js';
import './interaction.errors.js';

type SurveyAction = (typeof surveyPolicy.actions)[number];

/** Whether a published survey takes responses at `now`. */
export const isOpen = (survey: Pick<PortalSurveyRow, 'state' | 'opens_at' | 'closes_at'>, now: Date) =>
  survey.state === 'published' && new Date(survey.opens_at) <= now && now < new Date(survey.closes_at);

/** Whether the public sees the results: once closed, or while open when the survey says so. */
export const showsResults = (survey: PortalSurveyRow, now: Date) =>
  survey.state === 'published' && (now >= new Date(survey.closes_at) || (survey.live_results === 1 && isOpen(survey, now)));

/**
 * Surveys and calls for opinions (在线调查 / 意见征集): the site organisation's editor writes one, a
 * reviewer other than its author publishes it; the public answers inside its window (rate-limited
 * per IP); results are counted per option and free-text answers listed after moderation.
 */
export function createSurveyService(ctx: AppContext) {
  const { db, clock } = ctx;
  const orgs = createOrgService(ctx);
  const cipher = fieldCipher(ctx.keys);

  async function siteOf(siteId: string): Promise<{ site: PortalSiteRow; path: string }> {
    const site = await repo.site(db, siteId);
    if (!site) throw new AppError('interaction.site_not_found', { details: { siteId } });
    return { site, path: (await orgs.pathOf(site.org_id)) ?? '' };
  }

  async function load(id: string) {
    const row = await repo.survey(db, id);
    if (!row) throw new AppError('interaction.survey_not_found', { details: { id } });
    const { site, path } = await siteOf(row.site_id);
    const scope: SurveyScope = { sitePath: path, state: row.state, createdBy: row.created_by };
    return { row, site, scope };
  }

  async function loadFor(actor: Actor, id: string, action: Exclude<SurveyAction, 'read'>) {
    const loaded = await load(id);
    authorize(actor, surveyPolicy, 'read', loaded.scope);
    if (!can(actor, surveyPolicy, action, loaded.scope)) {
      const role = action === 'approve' ? 'reviewer' : 'editor';
      if (!holdsRole(actor, role, loaded.scope.sitePath)) throw new AppError('interaction.not_your_step', { details: { state: loaded.row.state, action } });
      if (action === 'approve' && loaded.row.state === 'submitted') throw new AppError('interaction.own_survey');
      if (action === 'edit' || action === 'submit') throw new AppError('interaction.survey_not_editable');
      throw new AppError('interaction.step_not_current', { details: { state: loaded.row.state, action } });
    }
    return loaded;
  }

  function view(actor: Actor | null, row: PortalSurveyRow, questions: PortalSurveyQuestionRow[], scope: SurveyScope | null): SurveyView {
    return {
      id: row.id,
      siteId: row.site_id,
      kind: row.kind,
      title: row.title,
      description: row.description,
      documentText: row.document_text,
      documentUrl: row.document_url,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      liveResults: row.live_results === 1,
      state: row.state,
      open: isOpen(row, clock.now()),
      feedback: row.feedback,
      rejectReason: row.reject_reason,
      createdByName: row.created_by_name,
      reviewedByName: row.reviewed_by_name,
      publishedAt: row.published_at,
      questions: questions.map((q) => ({ id: q.id, kind: q.kind, title: q.title, options: JSON.parse(q.options) as string[], maxLength: q.max_length, required: q.required === 1 })),
      actions: scope ? allowedActions(actor, surveyPolicy, scope) : [],
    };
  }

  /** A survey must have a window that ends after it starts, options for choice questions, and a text question in a 征集. */
  function check(body: Omit<SurveyBody, 'siteId'>) {
    const problems: string[] = [];
    if (new Date(body.closesAt) <= new Date(body.opensAt)) problems.push('截止时间须晚于开始时间');
    for (const q of body.questions) if (q.kind !== 'text' && q.options.length < 2) problems.push(`选择题“${q.title}”至少需要两个选项`);
    if (body.kind === 'opinions' && !body.questions.some((q) => q.kind === 'text')) problems.push('意见征集须有一个填写意见的问题');
    if (body.kind === 'opinions' && !body.documentText && !body.documentUrl) problems.push('意见征集须附征求意见的文件（正文或链接）');
    if (problems.length) throw new AppError('interaction.survey_invalid', { details: { problems } });
  }

  const questionRows = (surveyId: string, body: Omit<SurveyBody, 'siteId'>): PortalSurveyQuestionRow[] =>
    body.questions.map((q, i) => ({
      id: newId(),
      survey_id: surveyId,
      position: i,
      kind: q.kind,
      title: q.title,
      options: JSON.stringify(q.kind === 'text' ? [] : q.options),
      max_length: q.kind === 'text' ? (q.maxLength ?? 500) : null,
      required: q.required ? 1 : 0,
    }));

  async function audited<A extends AuditAction>(trx: Parameters<AuditLog['append']>[0], acting: Acting, id: string, action: A, details: AuditEvents[A]) {
    await ctx.audit.append(trx, { ...acting.who, action, object: { type: 'portal-survey', id }, details } as Parameters<AuditLog['append']>[1]);
  }

  async function change(acting: Acting, id: string, action: Exclude<SurveyAction, 'read'>, changes: Partial<PortalSurveyRow>, audit: <T>(trx: T) => Promise<void>) {
    const loaded = await loadFor(acting.actor, id, action);
    await db.transaction().execute(async (trx) => {
      if (!(await repo.updateSurvey(trx, id, loaded.row.revision, { ...changes, updated_at: clock.now().toISOString() }))) throw new AppError('interaction.changed_concurrently');
      await audit(trx);
    });
    return loaded;
  }

  async function detail(actor: Actor, id: string): Promise<SurveyView> {
    const { row, scope } = await load(id);
    authorize(actor, surveyPolicy, 'read', scope);
    return view(actor, row, await repo.questions(db, id), scope);
  }

  async function results(id: string, options: { allTexts: boolean }): Promise<SurveyResults> {
    const [questions, responses, counts, texts] = await Promise.all([
      repo.questions(db, id),
      repo.responseCount(db, id),
      repo.optionCounts(db, id),
      repo.textAnswers(db, id, options.allTexts ? undefined : 'approved'),
    ]);
    return {
      surveyId: id,
      responses,
      questions: questions.map((q) => {
        const respondents = Number(counts.respondents.find((r) => r.question_id === q.id)?.n ?? 0);
        const labels = JSON.parse(q.options) as string[];
        return {
          id: q.id,
          kind: q.kind,
          title: q.title,
          respondents,
          options: labels.map((label, index) => {
            const count = Number(counts.options.find((c) => c.question_id === q.id && Number(c.option_index) === index)?.n ?? 0);
            return { label, count, percent: respondents ? Math.round((count / respondents) * 1000) / 10 : 0 };
          }),
          texts: texts.filter((t) => t.question_id === q.id).map((t) => ({ id: t.id, text: t.text ?? '', moderation: t.moderation ?? 'pending' })),
        };
      }),
    };
  }

  return {
    detail,
    results,
    view,

    async list(actor: Actor, siteId: string) {
      const { site, path } = await siteOf(siteId);
      authorize(actor, sitePolicy, 'read', { path });
      const rows = await repo.surveys(db, site.id, { publishedOnly: false });
      return { items: rows.map((r) => view(actor, r, [], { sitePath: path, state: r.state, createdBy: r.created_by })) };
    },

    async create(acting: Acting, body: SurveyBody): Promise<SurveyView> {
      const { site, path } = await siteOf(body.siteId);
      authorize(acting.actor, sitePolicy, 'createSurvey', { path });
      check(body);
      const id = newId();
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await repo.insertSurvey(trx, {
          id,
          site_id: site.id,
          kind: body.kind,
          title: body.title,
          description: body.description,
          document_text: body.documentText,
          document_url: body.documentUrl,
          opens_at: new Date(body.opensAt).toISOString(),
          closes_at: new Date(body.closesAt).toISOString(),
          live_results: body.liveResults ? 1 : 0,
          state: 'draft',
          feedback: null,
          reject_reason: null,
          created_by: acting.actor.userId,
          created_by_name: acting.actor.displayName,
          reviewed_by: null,
          reviewed_by_name: null,
          published_at: null,
          revision: 0,
          created_at: at,
          updated_at: at,
        });
        await repo.replaceQuestions(trx, id, questionRows(id, body));
        await audited(trx, acting, id, 'portal.survey_create', { siteId: site.id, kind: body.kind, title: body.title });
      });
      return detail(acting.actor, id);
    },

    async update(acting: Acting, id: string, body: Omit<SurveyBody, 'siteId' | 'kind'>): Promise<SurveyView> {
      const { row } = await load(id);
      check({ ...body, kind: row.kind });
      await change(
        acting,
        id,
        'edit',
        {
          title: body.title,
          description: body.description,
          document_text: body.documentText,
          document_url: body.documentUrl,
          opens_at: new Date(body.opensAt).toISOString(),
          closes_at: new Date(body.closesAt).toISOString(),
          live_results: body.liveResults ? 1 : 0,
        },
        async (trx) => {
          await repo.replaceQuestions(trx as never, id, questionRows(id, { ...body, kind: row.kind }));
          await audited(trx as never, acting, id, 'portal.survey_update', { title: body.title });
        },
      );
      return detail(acting.actor, id);
    },

    async submit(acting: Acting, id: string): Promise<SurveyView> {
      await change(acting, id, 'submit', { state: 'submitted', reject_reason: null }, (trx) => audited(trx as never, acting, id, 'portal.survey_submit', {}));
      return detail(acting.actor, id);
    },

    /** A reviewer other than the author publishes it. */
    async approve(acting: Acting, id: string): Promise<SurveyView> {
      const loaded = await change(
        acting,
        id,
        'approve',
        { state: 'published', reviewed_by: acting.actor.userId, reviewed_by_name: acting.actor.displayName, published_at: clock.now().toISOString() },
        (trx) => audited(trx as never, acting, id, 'portal.survey_approve', {}),
      );
      const paths = interactionPaths(loaded.site.path_prefix);
      portalEvents(ctx).siteChanged({ siteId: loaded.site.id, paths: [paths.home, paths.survey(id)] });
      return detail(acting.actor, id);
    },

    async reject(acting: Acting, id: string, reason: string): Promise<SurveyView> {
      await change(acting, id, 'approve', { state: 'rejected', reject_reason: reason }, (trx) => audited(trx as never, acting, id, 'portal.survey_reject', { reason }));
      return detail(acting.actor, id);
    },

    /** The 反馈 summary published with the results. */
    async feedback(acting: Acting, id: string, feedback: string): Promise<SurveyView> {
      const loaded = await change(acting, id, 'feedback', { feedback }, (trx) => audited(trx as never, acting, id, 'portal.survey_feedback', { length: feedback.length }));
      portalEvents(ctx).siteChanged({ siteId: loaded.site.id, paths: [interactionPaths(loaded.site.path_prefix).survey(id)] });
      return detail(acting.actor, id);
    },

    async moderate(acting: Acting, id: string, answerId: string, approved: boolean): Promise<SurveyResults> {
      const loaded = await loadFor(acting.actor, id, 'feedback');
      const answer = await repo.answer(db, answerId);
      if (!answer || answer.survey_id !== id || answer.text === null) throw new AppError('interaction.answer_not_found');
      await db.transaction().execute(async (trx) => {
        await repo.moderate(trx, answerId, approved ? 'approved' : 'rejected');
        await audited(trx, acting, id, 'portal.survey_moderate', { answerId, approved });
      });
      portalEvents(ctx).siteChanged({ siteId: loaded.site.id, paths: [interactionPaths(loaded.site.path_prefix).survey(id)] });
      return results(id, { allTexts: true });
    },

    /** A public survey as the site shows it (published only). */
    async published(site: PortalSiteRow, id: string) {
      const row = await repo.survey(db, id);
      if (!row || row.site_id !== site.id || row.state !== 'published') throw new AppError('interaction.survey_not_found');
      return { survey: view(null, row, await repo.questions(db, id), null), row };
    },

    async publishedList(site: PortalSiteRow) {
      return (await repo.surveys(db, site.id, { publishedOnly: true })).map((r) => view(null, r, [], null));
    },

    /**
     * One response from the public: only inside the window, each required question answered, options
     * in range, free text within its length; at most `surveyPerIpPerHour` per IP per survey.
     */
    async respond(site: PortalSiteRow, id: string, form: Record<string, string | string[] | undefined>, ip: string): Promise<void> {
      const { row } = await this.published(site, id);
      const now = clock.now();
      if (!isOpen(row, now)) throw new AppError('interaction.survey_not_open');
      const questions = await repo.questions(db, id);
      const responseId = newId();
      const answers: PortalSurveyAnswerRow[] = [];
      const problems: { path: string; message: string }[] = [];
      for (const q of questions) {
        const raw = form[`q_${q.id}`];
        const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((v) => v.trim()).filter(Boolean);
        const base = { response_id: responseId, survey_id: id, question_id: q.id };
        if (!values.length) {
          if (q.required) problems.push({ path: q.id, message: `请回答：${q.title}` });
          continue;
        }
        if (q.kind === 'text') {
          const text = values.join('\n');
          if ([...text].length > (q.max_length ?? 500)) problems.push({ path: q.id, message: `“${q.title}”不能超过 ${q.max_length} 字` });
          else answers.push({ ...base, id: newId(), option_index: null, text, moderation: 'pending' });
          continue;
        }
        const count = (JSON.parse(q.options) as string[]).length;
        const indexes = [...new Set(values.map(Number))];
        if ((q.kind === 'single' && indexes.length !== 1) || indexes.some((i) => !Number.isInteger(i) || i < 0 || i >= count)) {
          problems.push({ path: q.id, message: `请正确选择：${q.title}` });
          continue;
        }
        for (const index of indexes) answers.push({ ...base, id: newId(), option_index: index, text: null, moderation: null });
      }
      if (problems.length) throw new AppError('interaction.answers_invalid', { fields: problems });
      const keys = cipher.lookup(ipIndexField, ip);
      await db.transaction().execute(async (trx) => {
        const since = new Date(now.getTime() - 3_600_000).toISOString();
        if ((await repo.hits(trx, `survey:${id}`, keys, since)) >= messageLimits.surveyPerIpPerHour) throw new AppError('interaction.survey_limited');
        await repo.insertHit(trx, { id: newId(), kind: `survey:${id}`, key: keys[0]!, at: now.toISOString() });
        await repo.insertResponse(trx, { id: responseId, survey_id: id, at: now.toISOString() }, answers);
      });
    },
  };
}
export type SurveyService = ReturnType<typeof createSurveyService>;
