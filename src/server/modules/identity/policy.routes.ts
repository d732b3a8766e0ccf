import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditContext } from '../../platform/audit/index.js';
import { errorResponses } from '../../platform/http/schemas.js';
import { allowedActions, authorize } from '../../platform/policy/index.js';
import { securitySettingsPolicy } from './account.policy.js';
import type { IdentityServices } from './identity.services.js';
import { securityPolicyUpdateSchema, securityPolicyViewSchema } from './security-policy.js';

const tags = ['安全策略'];

/** The security policy: read and set by the 安全管理员 only (三员分立). */
export const policyRoutes: FastifyPluginAsyncZod<{ services: IdentityServices }> = async (app, { services }) => {
  const { policies } = services;

  app.get(
    '/security/policy',
    {
      schema: {
        tags,
        summary: '安全策略（安全管理员）',
        operationId: 'getSecurityPolicy',
        response: { 200: securityPolicyViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, securitySettingsPolicy, 'read', undefined);
      return { ...(await policies.get()), actions: allowedActions(actor, securitySettingsPolicy, undefined) };
    },
  );

  app.put(
    '/security/policy',
    {
      schema: {
        tags,
        summary: '设置安全策略（安全管理员）',
        operationId: 'setSecurityPolicy',
        body: securityPolicyUpdateSchema,
        response: { 200: securityPolicyViewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = authorize(request.actor, securitySettingsPolicy, 'update', undefined);
      const saved = await policies.set(request.body, actor.userId, auditContext(request));
      return { ...saved, actions: allowedActions(actor, securitySettingsPolicy, undefined) };
    },
  );
};
