import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import { sendTags as tags } from './draft.routes.js';
import type { SendService } from './index.js';
import {
  cancelSchema,
  countersignSchema,
  documentParamsSchema,
  documentSchema,
  flowSchema,
  opinionSchema,
  registerSchema,
  returnSchema,
} from './send.schema.js';

const acting = (request: Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });
const answers = { 200: documentSchema, ...errorResponses, 409: errorResponses[400] };

/** The workflow's actions on one document, its history and its final copy. */
export const flowRoutes: FastifyPluginAsyncZod<{ send: SendService }> = async (app, { send }) => {
  /** One POST action: validate → act (the service loads, authorizes and writes in one transaction) → present. */
  function action<B extends z.ZodType>(
    segment: string,
    summary: string,
    operationId: string,
    body: B,
    act: (request: { actor: Parameters<typeof requireActor>[0]['actor']; ip: string; id: unknown }, id: string, body: z.infer<B>) => Promise<void>,
  ) {
    app.post(
      `/documents/:id/${segment}`,
      { schema: { tags, summary, operationId, params: documentParamsSchema, body, response: answers } },
      async (request) => {
        await act(request, request.params.id, request.body as z.infer<B>);
        return send.query.view(requireActor(request), request.params.id);
      },
    );
  }

  action('submit', '拟稿完成，送审（检查行文规则与正文）', 'submitDocument', opinionSchema, (r, id, b) =>
    send.flow.submit(acting(r), id, b.opinion ?? null),
  );
  action('approve', '核稿、办公室审核或复核：同意并送下一环节', 'approveDocument', opinionSchema, (r, id, b) =>
    send.flow.approve(acting(r), id, b.opinion ?? null),
  );
  action('countersign', '会签（联合发文机关领导；全部会签后送签发）', 'countersignDocument', countersignSchema, (r, id, b) =>
    send.flow.countersign(acting(r), id, b.opinion ?? null, b.orgId),
  );
  action('sign-off', '领导签发（记录签发人、意见与成文日期；不能重复签发）', 'signOffDocument', opinionSchema, (r, id, b) =>
    send.flow.signOff(acting(r), id, b.opinion ?? null),
  );
  action('register', '编号登记：取发文字号（机关代字〔年份〕序号号）', 'registerDocument', registerSchema, (r, id, b) =>
    send.final.register(acting(r), id, b.prefix),
  );
  action('seal', '用印：生成 GB/T 9704 版式并加盖 SM2 电子印章', 'sealDocument', opinionSchema, (r, id) => send.final.seal(acting(r), id));
  action('issue', '核发：分发到全部主送、抄送机关', 'issueDocument', opinionSchema, (r, id) => send.final.issue(acting(r), id));
  action('return', '退回到此前某一环节（须写明理由）', 'returnDocument', returnSchema, (r, id, b) =>
    send.flow.returnTo(acting(r), id, b.toStep, b.reason),
  );
  action('cancel', '撤销尚未核发的公文（拟稿人或发文机关文秘）', 'cancelDocument', cancelSchema, (r, id, b) =>
    send.flow.cancel(acting(r), id, b.reason),
  );

  app.get(
    '/documents/:id/flow',
    {
      schema: {
        tags,
        summary: '流转记录（每一环节的办理人、时间、意见）与分发情况',
        operationId: 'getDocumentFlow',
        params: documentParamsSchema,
        response: { 200: flowSchema, ...errorResponses },
      },
    },
    async (request) => send.query.flow(requireActor(request), request.params.id),
  );

  app.get(
    '/documents/:id/final',
    {
      schema: { tags, summary: '下载正式公文（PDF，用印后为盖章件）', operationId: 'downloadDocumentFinal', params: documentParamsSchema },
    },
    async (request, reply) => {
      const view = await send.query.view(requireActor(request), request.params.id);
      if (!view.finalFileId) throw new AppError('documents.final_missing');
      const { file, stream } = await send.final.finalFile(view.finalFileId);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`${view.docNumber ?? view.title}.pdf`, 'inline'))
        .header('cache-control', 'private, no-store')
        .header('x-content-sha256', file.sha256)
        .send(stream);
    },
  );
};
