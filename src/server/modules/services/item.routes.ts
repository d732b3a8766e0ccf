import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/actor.js';
import { auditContext } from '../../platform/audit/index.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { idParamsSchema, itemCreateSchema, itemListQuerySchema, itemListSchema, itemSchema, itemUpdateSchema, withdrawBodySchema } from './item.schema.js';
import type { ItemService } from './item.service.js';

const tags = ['政务服务事项'];
const conflict = { 409: errorResponses[400] };

/** The catalogue API: an organisation's items, their guides, publishing and withdrawal. */
export const itemRoutes: FastifyPluginAsyncZod<{ items: ItemService }> = async (app, { items }) => {
  const acting = (request: Parameters<typeof requireActor>[0] & Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

  app.get(
    '/services/items',
    { schema: { tags, summary: '实施机关的政务服务事项（筛选、分页）', operationId: 'listServiceItems', querystring: itemListQuerySchema, response: { 200: itemListSchema, ...errorResponses } } },
    async (request) => items.list(requireActor(request), request.query),
  );

  app.post(
    '/services/items',
    { schema: { tags, summary: '新建事项（草稿）', operationId: 'createServiceItem', body: itemCreateSchema, response: { 201: itemSchema, ...conflict, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await items.create(acting(request), request.body)),
  );

  app.get(
    '/services/items/:id',
    { schema: { tags, summary: '事项及其办事指南', operationId: 'getServiceItem', params: idParamsSchema, response: { 200: itemSchema, ...errorResponses } } },
    async (request) => items.get(requireActor(request), request.params.id),
  );

  app.put(
    '/services/items/:id',
    { schema: { tags, summary: '修改办事指南（已发布的事项修改后立即生效，须要素齐全）', operationId: 'updateServiceItem', params: idParamsSchema, body: itemUpdateSchema, response: { 200: itemSchema, ...conflict, ...errorResponses } } },
    async (request) => items.update(acting(request), request.params.id, request.body),
  );

  app.post(
    '/services/items/:id/publish',
    { schema: { tags, summary: '发布事项（办事指南要素须齐全）', operationId: 'publishServiceItem', params: idParamsSchema, response: { 200: itemSchema, ...conflict, ...errorResponses } } },
    async (request) => items.publish(acting(request), request.params.id),
  );

  app.post(
    '/services/items/:id/withdraw',
    { schema: { tags, summary: '撤回事项（须写明原因；编码保留不再使用）', operationId: 'withdrawServiceItem', params: idParamsSchema, body: withdrawBodySchema, response: { 200: itemSchema, ...conflict, ...errorResponses } } },
    async (request) => items.withdraw(acting(request), request.params.id, request.body.reason),
  );
};
