import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../platform/actor.js';
import { auditContext } from '../../../platform/audit/index.js';
import { errorResponses } from '../../../platform/http/schemas.js';
import type { PublishingServices } from './publishing.services.js';
import {
  columnMovedSchema,
  columnSchema,
  columnTreeSchema,
  createColumnSchema,
  createSiteSchema,
  moveColumnSchema,
  siteListSchema,
  siteParamsSchema,
  siteSchema,
  updateColumnSchema,
  updateSiteSchema,
} from './site.schema.js';

const tags = ['门户·网站与栏目'];
const conflict = { 409: errorResponses[400] };
const acting = (request: Parameters<typeof auditContext>[0]) => ({ actor: requireActor(request), who: auditContext(request) });

/** Sites (信息化办公室) and their column trees (the site organisation's editors). */
export const siteRoutes: FastifyPluginAsyncZod<{ services: PublishingServices }> = async (app, { services }) => {
  const { sites, columns } = services;

  app.get(
    '/portal/sites',
    { schema: { tags, summary: '列出可见的网站（本单位网站编辑、审核，或信息化办公室）', operationId: 'listPortalSites', response: { 200: siteListSchema, ...errorResponses } } },
    async (request) => sites.list(requireActor(request)),
  );

  app.post(
    '/portal/sites',
    {
      schema: {
        tags,
        summary: '新建网站（信息化办公室）',
        description: '域名小写且唯一；网站标识码 10 位数字；访问路径唯一。',
        operationId: 'createPortalSite',
        body: createSiteSchema,
        response: { 201: siteSchema, ...errorResponses, ...conflict },
      },
    },
    async (request, reply) => {
      const id = await sites.create(acting(request), request.body);
      return reply.status(201).send(await sites.view(requireActor(request), id));
    },
  );

  app.get(
    '/portal/sites/:id',
    { schema: { tags, summary: '查看网站', operationId: 'getPortalSite', params: siteParamsSchema, response: { 200: siteSchema, ...errorResponses } } },
    async (request) => sites.view(requireActor(request), request.params.id),
  );

  app.patch(
    '/portal/sites/:id',
    {
      schema: {
        tags,
        summary: '修改网站设置（信息化办公室）；修改访问路径时记录旧地址跳转',
        operationId: 'updatePortalSite',
        params: siteParamsSchema,
        body: updateSiteSchema,
        response: { 200: siteSchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => {
      await sites.update(acting(request), request.params.id, request.body);
      return sites.view(requireActor(request), request.params.id);
    },
  );

  app.get(
    '/portal/sites/:id/columns',
    { schema: { tags, summary: '网站的栏目树', operationId: 'getPortalColumnTree', params: siteParamsSchema, response: { 200: columnTreeSchema, ...errorResponses } } },
    async (request) => columns.tree(requireActor(request), request.params.id),
  );

  app.post(
    '/portal/sites/:id/columns',
    {
      schema: {
        tags,
        summary: '新建栏目（本单位网站编辑）',
        operationId: 'createPortalColumn',
        params: siteParamsSchema,
        body: createColumnSchema,
        response: { 201: columnSchema, ...errorResponses, ...conflict },
      },
    },
    async (request, reply) => reply.status(201).send(await columns.create(acting(request), request.params.id, request.body)),
  );

  app.patch(
    '/portal/columns/:id',
    {
      schema: { tags, summary: '修改栏目名称、类型、说明', operationId: 'updatePortalColumn', params: siteParamsSchema, body: updateColumnSchema, response: { 200: columnSchema, ...errorResponses } },
    },
    async (request) => columns.update(acting(request), request.params.id, request.body),
  );

  app.post(
    '/portal/columns/:id/move',
    {
      schema: {
        tags,
        summary: '移动栏目（调整上级与顺序，可改英文标识）；栏目及其下级、文章的旧地址记录永久跳转',
        operationId: 'movePortalColumn',
        params: siteParamsSchema,
        body: moveColumnSchema,
        response: { 200: columnMovedSchema, ...errorResponses, ...conflict },
      },
    },
    async (request) => columns.move(acting(request), request.params.id, request.body),
  );

  app.delete(
    '/portal/columns/:id',
    {
      schema: {
        tags,
        summary: '删除栏目（仅限没有子栏目和文章的栏目）',
        operationId: 'deletePortalColumn',
        params: siteParamsSchema,
        response: { 200: z.object({ deleted: z.literal(true) }), ...errorResponses, ...conflict },
      },
    },
    async (request) => {
      await columns.remove(acting(request), request.params.id);
      return { deleted: true as const };
    },
  );
};
