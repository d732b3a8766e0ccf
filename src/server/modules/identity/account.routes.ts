import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/actor.js';
import { auditContext } from '../../platform/audit/index.js';
import { allowedActions } from '../../platform/policy/index.js';
import { sessionPolicy } from './account.policy.js';
import { errorResponses } from '../../platform/http/schemas.js';
import {
  accountSessionSchema,
  changePasswordBodySchema,
  changePasswordResultSchema,
  idParamsSchema,
  totpCodeBodySchema,
  totpEnrolmentSchema,
} from './identity.schema.js';
import type { IdentityServices } from './identity.services.js';

const tags = ['个人账号'];

/** What every signed-in user does to their own account. */
export const accountRoutes: FastifyPluginAsyncZod<{ services: IdentityServices }> = async (app, { services }) => {
  const { account, sessions } = services;

  app.post(
    '/account/password',
    {
      schema: {
        tags,
        summary: '修改密码（结束本人其他会话）',
        operationId: 'changePassword',
        body: changePasswordBodySchema,
        response: { 200: changePasswordResultSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { currentPassword, newPassword } = request.body;
      return { endedSessions: await account.changePassword(actor, currentPassword, newPassword, auditContext(request)) };
    },
  );

  app.post(
    '/account/totp/enrol',
    {
      schema: {
        tags,
        summary: '开始绑定动态口令：返回密钥、otpauth URI 和二维码',
        operationId: 'enrolTotp',
        response: { 200: totpEnrolmentSchema, ...errorResponses },
      },
    },
    async (request) => account.startTotpEnrolment(requireActor(request), auditContext(request)),
  );

  app.post(
    '/account/totp/confirm',
    {
      schema: {
        tags,
        summary: '输入动态口令，完成绑定',
        operationId: 'confirmTotp',
        body: totpCodeBodySchema,
        response: { 204: z.null(), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      await account.confirmTotpEnrolment(requireActor(request), request.body.code, auditContext(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/account/sessions',
    {
      schema: {
        tags,
        summary: '本人的会话',
        operationId: 'listMySessions',
        response: { 200: z.array(accountSessionSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return (await sessions.list(actor.userId)).map((s) => ({
        id: s.id,
        current: s.id === actor.sessionId,
        ip: s.ip,
        userAgent: s.user_agent,
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        expiresAt: s.expires_at,
        actions: allowedActions(actor, sessionPolicy, { userId: s.user_id }),
      }));
    },
  );

  app.delete(
    '/account/sessions/:id',
    {
      schema: {
        tags,
        summary: '结束本人的一个会话',
        operationId: 'endMySession',
        params: idParamsSchema,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await account.endSession(requireActor(request), request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  );
};
