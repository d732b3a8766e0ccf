import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type z } from 'zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { allowedActions, authorize } from '../../../platform/policy/index.js';
import type { AppContext } from '../../../platform/module.js';
import { createOrgService } from '../../orgs/index.js';
import { sitePolicy } from './interaction.policy.js';
import {
  answerParamsSchema,
  approveBodySchema,
  draftBodySchema,
  feedbackBodySchema,
  idParamsSchema,
  messageListQuerySchema,
  messageListSchema,
  contactSchema,
  messageSchema,
  moderateBodySchema,
  reasonBodySchema,
  routeBodySchema,
  siteListSchema,
  siteQuerySchema,
  statisticsSchema,
  surveyBodySchema,
  surveyListSchema,
  surveyResultsSchema,
  surveySchema,
  surveyUpdateSchema,
  triageBodySchema,
} from './interaction.schema.js';
import { interactionRepository as repo } from './interaction.repository.js';
import { messageStatistics } from './message-statistics.js';
import type { MessageService } from './message.service.js';
import type { SurveyService } from './survey.service.js';
import { AppError } from '../../../platform/errors/app-error.js';

const tags = ['互动交流'];
const conflict = { 409: errorResponses[400] };

/** The workbench API of the interaction area (mounted under /api/v1). */
export const interactionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; messages: MessageService; surveys: SurveyService }> = async (app, { ctx, messages, surveys }) => {
  const orgs = createOrgService(ctx);
  const acting = (request: Parameters<typeof requireActor>[0] & Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

  app.get(
    '/interaction/sites',
    { schema: { tags, summary: '我负责互动交流的网站', operationId: 'listInteractionSites', response: { 200: siteListSchema, ...errorResponses } } },
    async (request) => {
      const actor = requireActor(request);
      const rows = await messages.sites(actor);
      const paths = await orgs.pathsOf(rows.map((r) => r.org_id));
      return { items: rows.map((r) => ({ id: r.id, name: r.name_zh, orgId: r.org_id, routingOrgId: r.routingOrgId, pathPrefix: r.path_prefix, actions: allowedActions(actor, sitePolicy, { path: paths.get(r.org_id) ?? '' }) })) };
    },
  );

  app.get(
    '/interaction/messages',
    {
      schema: {
        tags,
        summary: '来信列表：按网站、状态、信箱、是否超期筛选',
        description: '网站主办单位的编辑、审核、信息化监管人员看到本网站的全部来信；承办单位的办理人员看到转给本单位的来信。',
        operationId: 'listPortalMessages',
        querystring: messageListQuerySchema,
        response: { 200: messageListSchema, ...errorResponses },
      },
    },
    async (request) => messages.list(requireActor(request), request.query),
  );

  app.get(
    '/interaction/messages/:id',
    { schema: { tags, summary: '来信详情与办理记录', operationId: 'getPortalMessage', params: idParamsSchema, response: { 200: messageSchema, ...errorResponses } } },
    async (request) => messages.detail(requireActor(request), request.params.id),
  );

  const step = <B extends z.ZodType>(path: string, summary: string, operationId: string, body: B | null, run: (a: ReturnType<typeof acting>, id: string, body: z.infer<B>) => Promise<z.infer<typeof messageSchema>>) =>
    app.post(
      `/interaction/messages/:id/${path}`,
      { schema: { tags, summary, operationId, params: idParamsSchema, ...(body ? { body } : {}), response: { 200: messageSchema, ...errorResponses, ...conflict } } },
      async (request) => run(acting(request), request.params.id, request.body as z.infer<B>),
    );
  step('triage', '受理或标记无效（垃圾信息、辱骂攻击、重复来信等，须说明）', 'triagePortalMessage', triageBodySchema, (a, id, body) => messages.triage(a, id, body));
  step('route', '转办到承办单位（本网站主办单位或其下属单位）', 'routePortalMessage', routeBodySchema, (a, id, body) => messages.route(a, id, body));
  step('send-back', '承办单位退回重新分办（说明理由）', 'sendBackPortalMessage', reasonBodySchema, (a, id, body) => messages.sendBack(a, id, body));
  step('draft', '承办单位拟写答复，送审核', 'draftPortalAnswer', draftBodySchema, (a, id, body) => messages.draft(a, id, body));
  step('approve', '审核通过答复（来信即为已答复）', 'approvePortalAnswer', approveBodySchema, (a, id, body) => messages.approve(a, id, body));
  step('reject', '退回修改答复（说明理由）', 'rejectPortalAnswer', reasonBodySchema, (a, id, body) => messages.reject(a, id, body));
  step('publish', '公开已答复的来信（来信人同意公开时；不含个人信息）', 'publishPortalMessage', null, (a, id) => messages.publish(a, id));

  app.post(
    '/interaction/messages/:id/contact',
    {
      schema: {
        tags,
        summary: '查看来信人完整联系电话（回电用；每次查看记入审计日志）',
        description: '承办单位在办理期间、网站编辑在来信办结前可查看。',
        operationId: 'revealPortalMessageContact',
        params: idParamsSchema,
        response: { 200: contactSchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => messages.contact(acting(request), request.params.id),
  );

  app.get(
    '/interaction/statistics',
    { schema: { tags, summary: '来信统计：近 12 个月收信、答复、答复率、平均答复天数', operationId: 'getInteractionStatistics', querystring: siteQuerySchema, response: { 200: statisticsSchema, ...errorResponses } } },
    async (request) => {
      const site = await repo.site(ctx.db, request.query.siteId);
      if (!site) throw new AppError('interaction.site_not_found');
      authorize(requireActor(request), sitePolicy, 'read', { path: (await orgs.pathOf(site.org_id)) ?? '' });
      return messageStatistics(ctx.db, site.id, ctx.clock.now());
    },
  );

  app.get(
    '/interaction/surveys',
    { schema: { tags, summary: '网站的在线调查与意见征集', operationId: 'listSurveys', querystring: siteQuerySchema, response: { 200: surveyListSchema, ...errorResponses } } },
    async (request) => surveys.list(requireActor(request), request.query.siteId),
  );
  app.post(
    '/interaction/surveys',
    { schema: { tags, summary: '新建调查或意见征集（草稿）', operationId: 'createSurvey', body: surveyBodySchema, response: { 201: surveySchema, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await surveys.create(acting(request), request.body)),
  );
  app.get(
    '/interaction/surveys/:id',
    { schema: { tags, summary: '调查详情', operationId: 'getSurvey', params: idParamsSchema, response: { 200: surveySchema, ...errorResponses } } },
    async (request) => surveys.detail(requireActor(request), request.params.id),
  );
  app.put(
    '/interaction/surveys/:id',
    { schema: { tags, summary: '修改草稿或被退回的调查', operationId: 'updateSurvey', params: idParamsSchema, body: surveyUpdateSchema, response: { 200: surveySchema, ...errorResponses, ...conflict } } },
    async (request) => surveys.update(acting(request), request.params.id, request.body),
  );
  app.post(
    '/interaction/surveys/:id/submit',
    { schema: { tags, summary: '送审', operationId: 'submitSurvey', params: idParamsSchema, response: { 200: surveySchema, ...errorResponses, ...conflict } } },
    async (request) => surveys.submit(acting(request), request.params.id),
  );
  app.post(
    '/interaction/surveys/:id/approve',
    { schema: { tags, summary: '审核通过并发布（审核人不能是创建人）', operationId: 'approveSurvey', params: idParamsSchema, response: { 200: surveySchema, ...errorResponses, ...conflict } } },
    async (request) => surveys.approve(acting(request), request.params.id),
  );
  app.post(
    '/interaction/surveys/:id/reject',
    { schema: { tags, summary: '退回修改（说明理由）', operationId: 'rejectSurvey', params: idParamsSchema, body: reasonBodySchema, response: { 200: surveySchema, ...errorResponses, ...conflict } } },
    async (request) => surveys.reject(acting(request), request.params.id, request.body.reason),
  );
  app.put(
    '/interaction/surveys/:id/feedback',
    { schema: { tags, summary: '填写反馈（结果说明，随结果公开）', operationId: 'setSurveyFeedback', params: idParamsSchema, body: feedbackBodySchema, response: { 200: surveySchema, ...errorResponses, ...conflict } } },
    async (request) => surveys.feedback(acting(request), request.params.id, request.body.feedback),
  );
  app.get(
    '/interaction/surveys/:id/results',
    { schema: { tags, summary: '调查结果（含全部填写内容及审核状态）', operationId: 'getSurveyResults', params: idParamsSchema, response: { 200: surveyResultsSchema, ...errorResponses } } },
    async (request) => {
      await surveys.detail(requireActor(request), request.params.id);
      return surveys.results(request.params.id, { allTexts: true });
    },
  );
  app.post(
    '/interaction/surveys/:id/answers/:answerId/moderate',
    { schema: { tags, summary: '审核公众填写的意见（通过后随结果公开）', operationId: 'moderateSurveyAnswer', params: answerParamsSchema, body: moderateBodySchema, response: { 200: surveyResultsSchema, ...errorResponses, ...conflict } } },
    async (request) => surveys.moderate(acting(request), request.params.id, request.params.answerId, request.body.approved),
  );
};
