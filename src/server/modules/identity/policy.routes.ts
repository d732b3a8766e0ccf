import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/actor.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { IdentityServices } from './identity.services.js';
import { securityPolicySchema } from './security-policy.js';

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
        response: { 200: securityPolicySchema, ...errorResponses },
      },
    },
    async (request) => {
      requireRole(request, 'secadmin');
      return policies.get();
    },
  );

  app.put(
    '/security/policy',
    {
      schema: {
        tags,
        summary: '设置安全策略（安全管理员）',
        operationId: 'setSecurityPolicy',
        body: securityPolicySchema,
        response: { 200: securityPolicySchema, ...errorResponses },
      },
    },
    async (request) => policies.set(request.body, requireRole(request, 'secadmin').userId),
  );
};
