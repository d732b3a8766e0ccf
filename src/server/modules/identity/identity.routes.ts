import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleLabel } from '../../../shared/roles.js';
import type { NavEntry } from '../../../shared/nav.js';
import { requireActor, type Actor } from '../../platform/actor.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { OrgService } from '../orgs/index.js';
import { signInBodySchema, sessionInfoSchema, type SessionInfo } from './identity.schema.js';
import { sessionCookie, sessionLimits, type SessionService } from './session.service.js';

const tags = ['登录与会话'];

export const identityRoutes: FastifyPluginAsyncZod<{
  sessions: SessionService;
  orgs: OrgService;
  nav: readonly NavEntry[];
  secureCookies: boolean;
  demo: boolean;
}> = async (app, { sessions, orgs, nav, secureCookies, demo }) => {
  async function sessionInfo(actor: Actor): Promise<SessionInfo> {
    const org = await orgs.detail(actor.orgId);
    const grantOrgs = await Promise.all(actor.roles.map((r) => orgs.get(r.orgId)));
    return {
      user: { id: actor.userId, username: actor.username, displayName: actor.displayName, isDemo: actor.isDemo },
      org: {
        id: org.id,
        ref: org.ref,
        kind: org.kind,
        nameZh: org.nameZh,
        nameMn: org.nameMn,
        path: org.ancestors.map((a) => ({ id: a.id, nameZh: a.nameZh })),
      },
      roles: actor.roles.map((r, i) => ({ ...r, label: roleLabel(r.role), orgName: grantOrgs[i]!.nameZh })),
      nav: [...nav],
      demo,
    };
  }

  app.post(
    '/session',
    {
      schema: {
        tags,
        summary: '用户名密码登录',
        operationId: 'signIn',
        body: signInBodySchema,
        response: { 200: sessionInfoSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { token, actor } = await sessions.signIn(request.body.username, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      reply.setCookie(sessionCookie, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        maxAge: Math.floor(sessionLimits.absoluteMs / 1000),
      });
      return sessionInfo(actor);
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: '当前登录用户、单位、角色和工作台导航',
        operationId: 'getSession',
        response: { 200: sessionInfoSchema, ...errorResponses },
      },
    },
    async (request) => sessionInfo(requireActor(request)),
  );

  app.delete(
    '/session',
    {
      schema: { tags, summary: '退出登录', operationId: 'signOut', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      if (request.actor) await sessions.signOut(request.actor.sessionId);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );
};
