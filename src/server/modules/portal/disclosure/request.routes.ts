import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { idParamsSchema } from './catalogue.schema.js';
import type { ReportService } from './report.service.js';
import { reportGenerateSchema, reportListQuerySchema, reportListSchema, reportSchema, reportUpdateSchema } from './report.schema.js';
import type { RequestService } from './request.service.js';
import {
  acceptBodySchema,
  consultBodySchema,
  consultEndBodySchema,
  correctionBodySchema,
  correctionSubmitSchema,
  extendBodySchema,
  replyBodySchema,
  requestDetailSchema,
  requestListQuerySchema,
  requestListSchema,
  requestSubmitSchema,
  submittedSchema,
  trackBodySchema,
  trackedSchema,
} from './request.schema.js';

const tags = ['政府信息公开'];
const conflict = { 409: errorResponses[400], 429: errorResponses[400] };

export interface RequestRoutesOptions {
  readonly requests: RequestService;
  readonly reports: ReportService;
  /** Public submissions and tracking look-ups per client and minute. */
  readonly publicPerMinute: number;
}

/** Online requests (依申请公开): public submission and tracking, the handling steps, and annual reports. */
export const requestRoutes: FastifyPluginAsyncZod<RequestRoutesOptions> = async (app, { requests, reports, publicPerMinute }) => {
  const acting = (request: Parameters<typeof requireActor>[0] & Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });
  const open = { public: true, rateLimit: { max: publicPerMinute, timeWindow: 60_000 } };

  app.post(
    '/disclosure/requests',
    {
      config: open,
      schema: { tags, summary: '提交政府信息公开申请（公开接口，限频）：返回查询码和答复期限', operationId: 'submitDisclosureRequest', body: requestSubmitSchema, response: { 201: submittedSchema, ...errorResponses, ...conflict } },
    },
    async (request, reply) => {
      const { trackingCode, receivedOn, deadline } = await requests.submit(auditContext(request), request.body);
      return reply.status(201).send({ trackingCode, receivedOn, deadline });
    },
  );

  app.post(
    '/disclosure/track',
    { config: open, schema: { tags, summary: '凭查询码和手机号后四位查询办理进度（公开接口，限频）', operationId: 'trackDisclosureRequest', body: trackBodySchema, response: { 200: trackedSchema, ...errorResponses, ...conflict } } },
    async (request) => requests.track(request.body.code, request.body.phoneLast4),
  );

  app.post(
    '/disclosure/track/correction',
    { config: open, schema: { tags, summary: '申请人提交补正（公开接口，限频）：答复期限自补正之日起重新计算', operationId: 'correctDisclosureRequest', body: correctionSubmitSchema, response: { 200: trackedSchema, ...errorResponses, ...conflict } } },
    async (request) => requests.correct(auditContext(request), request.body.code, request.body.phoneLast4, request.body.content),
  );

  app.post(
    '/disclosure/track/notice',
    { config: open, schema: { tags, summary: '申请人下载答复告知书（PDF，公开接口，限频）', operationId: 'downloadTrackedNotice', body: trackBodySchema } },
    async (request, reply) => {
      const { stream, name } = await requests.trackNotice(request.body.code, request.body.phoneLast4);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(name)).header('cache-control', 'no-store').send(stream);
    },
  );

  app.get(
    '/disclosure/requests',
    { schema: { tags, summary: '依申请公开件列表（逾期、即将到期筛选）', operationId: 'listDisclosureRequests', querystring: requestListQuerySchema, response: { 200: requestListSchema, ...errorResponses } } },
    async (request) => requests.list(requireActor(request), request.query),
  );

  app.get(
    '/disclosure/requests/:id',
    { schema: { tags, summary: '依申请公开件详情（个人信息脱敏）与办理记录', operationId: 'getDisclosureRequest', params: idParamsSchema, response: { 200: requestDetailSchema, ...errorResponses } } },
    async (request) => requests.get(requireActor(request), request.params.id),
  );

  const stepRoute = (path: string, operationId: string, summary: string, body: typeof acceptBodySchema | typeof correctionBodySchema | typeof consultBodySchema | typeof consultEndBodySchema | typeof extendBodySchema | typeof replyBodySchema, run: (a: ReturnType<typeof acting>, id: string, body: never) => Promise<unknown>) =>
    app.post(
      `/disclosure/requests/:id/${path}`,
      { schema: { tags, summary, operationId, params: idParamsSchema, body, response: { 200: requestDetailSchema, ...errorResponses, ...conflict } } },
      async (request) => {
        const a = acting(request);
        await run(a, request.params.id, request.body as never);
        return requests.get(a.actor, request.params.id);
      },
    );

  stepRoute('accept', 'acceptDisclosureRequest', '受理', acceptBodySchema, (a, id, b: { revision?: number }) => requests.accept(a, id, b.revision));
  stepRoute('correction', 'askDisclosureCorrection', '补正告知（一次，收到申请之日起7个工作日内；期限自补正之日起重新计算）', correctionBodySchema, (a, id, b: { notice: string; revision?: number }) =>
    requests.requestCorrection(a, id, b.notice, b.revision),
  );
  stepRoute('consultation', 'startDisclosureConsultation', '征求第三方意见（暂停计时，最长15个工作日不计入）', consultBodySchema, (a, id, b: { party: string; note?: string; revision?: number }) =>
    requests.consult(a, id, b.party, b.note, b.revision),
  );
  stepRoute('consultation/end', 'endDisclosureConsultation', '第三方意见返回（恢复计时）', consultEndBodySchema, (a, id, b: { note?: string; revision?: number }) => requests.endConsultation(a, id, b.note, b.revision));
  stepRoute('extend', 'extendDisclosureRequest', '延期答复（一次，不超过20个工作日，须说明理由并告知申请人）', extendBodySchema, (a, id, b: { days: number; reason: string; revision?: number }) =>
    requests.extend(a, id, b.days, b.reason, b.revision),
  );
  stepRoute('reply', 'replyDisclosureRequest', '答复（七类之一），生成告知书', replyBodySchema, (a, id, b) => requests.reply(a, id, b));

  app.get(
    '/disclosure/requests/:id/notice',
    { schema: { tags, summary: '下载答复告知书（PDF）', operationId: 'downloadDisclosureNotice', params: idParamsSchema } },
    async (request, reply) => {
      const { stream, name } = await requests.notice(requireActor(request), request.params.id);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(name)).send(stream);
    },
  );

  app.get(
    '/disclosure/reports',
    { schema: { tags, summary: '年度报告列表', operationId: 'listDisclosureReports', querystring: reportListQuerySchema, response: { 200: reportListSchema, ...errorResponses } } },
    async (request) => reports.list(requireActor(request), request.query.orgId),
  );

  app.post(
    '/disclosure/reports',
    { schema: { tags, summary: '按数据生成（或重新生成）年度报告草稿（2021年模板）', operationId: 'generateDisclosureReport', body: reportGenerateSchema, response: { 200: reportSchema, ...errorResponses, ...conflict } } },
    async (request) => reports.generate(acting(request), request.body.orgId, request.body.year),
  );

  app.get(
    '/disclosure/reports/:id',
    { schema: { tags, summary: '年度报告（含平衡校验）', operationId: 'getDisclosureReport', params: idParamsSchema, response: { 200: reportSchema, ...errorResponses } } },
    async (request) => reports.get(requireActor(request), request.params.id),
  );

  app.put(
    '/disclosure/reports/:id',
    { schema: { tags, summary: '编辑年度报告（文字部分、第四部分、手填数字）', operationId: 'updateDisclosureReport', params: idParamsSchema, body: reportUpdateSchema, response: { 200: reportSchema, ...errorResponses, ...conflict } } },
    async (request) => reports.update(acting(request), request.params.id, request.body.data),
  );

  app.post(
    '/disclosure/reports/:id/publish',
    { schema: { tags, summary: '发布年度报告（不平衡的报告不能发布）', operationId: 'publishDisclosureReport', params: idParamsSchema, response: { 200: reportSchema, ...errorResponses, ...conflict } } },
    async (request) => reports.publish(acting(request), request.params.id),
  );
};
