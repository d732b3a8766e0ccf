import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './account.routes.js';
import { adminRoutes } from './admin.routes.js';
import { certificateFactorRoutes } from './certificate-factor.routes.js';
import { policyRoutes } from './policy.routes.js';
import { sessionRoutes, type SessionRouteOptions } from './session.routes.js';

/** The identity API by area: sign-in and session, own account, account administration, security policy. */
export const identityRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (app, options) => {
  await app.register(sessionRoutes, options);
  await app.register(accountRoutes, { services: options.services });
  await app.register(certificateFactorRoutes, { services: options.services });
  await app.register(adminRoutes, { services: options.services });
  await app.register(policyRoutes, { services: options.services });
};
