import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/actor.js';
import { auditContext } from '../../platform/audit/index.js';
import { errorBodySchema, errorResponses } from '../../platform/http/schemas.js';
import {
  adminUserListQuerySchema,
  adminUserListSchema,
  adminUserSchema,
  createUserBodySchema,
  endedSessionsSchema,
  grantRoleBodySchema,
  personalDataSchema,
  revokeRoleQuerySchema,
  updateUserBodySchema,
} from './admin.schema.js';
import { idParamsSchema } from './identity.schema.js';
import type { IdentityServices } from './identity.services.js';

const tags = ['账号管理'];
const responses = { ...errorResponses, 409: errorBodySchema };

/** Account administration: the 系统管理员 only, within the organisations his grant covers. */
export const adminRoutes: FastifyPluginAsyncZod<{ services: IdentityServices }> = async (app, { services }) => {
  const { admin } = services;
  // The service authorizes every call against the user policy (user.policy.ts).
  const sysadmin = requireActor;

  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: '查找用户',
        operationId: 'listUsers',
        querystring: adminUserListQuerySchema,
        response: { 200: adminUserListSchema, ...responses },
      },
    },
    async (request) => admin.list(sysadmin(request), request.query),
  );

  app.get(
    '/admin/users/:id',
    {
      schema: { tags, summary: '用户详情', operationId: 'getUser', params: idParamsSchema, response: { 200: adminUserSchema, ...responses } },
    },
    async (request) => admin.get(sysadmin(request), request.params.id),
  );

  app.get(
    '/admin/users/:id/personal-data',
    {
      schema: {
        tags,
        summary: '查看完整的身份证号和手机号（记入审计日志）',
        operationId: 'revealPersonalData',
        params: idParamsSchema,
        response: { 200: personalDataSchema, ...responses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return admin.revealPersonalData(sysadmin(request), request.params.id, auditContext(request));
    },
  );

  app.post(
    '/admin/users',
    {
      schema: {
        tags,
        summary: '新建用户（首次登录须修改初始密码）',
        operationId: 'createUser',
        body: createUserBodySchema,
        response: { 201: adminUserSchema, ...responses },
      },
    },
    async (request, reply) => reply.status(201).send(await admin.create(sysadmin(request), request.body, auditContext(request))),
  );

  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: '修改姓名、单位或状态（停用即结束其全部会话）',
        operationId: 'updateUser',
        params: idParamsSchema,
        body: updateUserBodySchema,
        response: { 200: adminUserSchema, ...responses },
      },
    },
    async (request) => admin.update(sysadmin(request), request.params.id, request.body, auditContext(request)),
  );

  app.post(
    '/admin/users/:id/roles',
    {
      schema: {
        tags,
        summary: '授予角色（三员分立：管理员角色互斥）',
        operationId: 'grantRole',
        params: idParamsSchema,
        body: grantRoleBodySchema,
        response: { 200: adminUserSchema, ...responses },
      },
    },
    async (request) => admin.grantRole(sysadmin(request), request.params.id, request.body, auditContext(request)),
  );

  app.delete(
    '/admin/users/:id/roles',
    {
      schema: {
        tags,
        summary: '撤销角色',
        operationId: 'revokeRole',
        params: idParamsSchema,
        querystring: revokeRoleQuerySchema,
        response: { 200: adminUserSchema, ...responses },
      },
    },
    async (request) => admin.revokeRole(sysadmin(request), request.params.id, request.query.role, request.query.orgId, auditContext(request)),
  );

  app.delete(
    '/admin/users/:id/sessions',
    {
      schema: {
        tags,
        summary: '结束该用户的全部会话',
        operationId: 'endUserSessions',
        params: idParamsSchema,
        response: { 200: endedSessionsSchema, ...responses },
      },
    },
    async (request) => ({ endedSessions: await admin.endSessions(sysadmin(request), request.params.id, auditContext(request)) }),
  );
};
