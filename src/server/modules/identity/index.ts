import type { PlatformModule } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { identityRoutes } from './identity.routes.js';
import { seedDemoAccounts } from './identity.seed.js';
import { createSessionService, sessionCookie } from './session.service.js';

export { demoAccounts, demoPassword } from './identity.seed.js';
export { hashPassword, verifyPassword, passwordHashOptions } from './password.js';

export const identityModule: PlatformModule = {
  name: 'identity',
  hooks: (app, ctx) => {
    const sessions = createSessionService(ctx);
    app.addHook('onRequest', (request, _reply, done) => {
      const token = request.cookies[sessionCookie];
      // Most portal requests carry no session: answer them without a promise or a query.
      if (!token) return done();
      sessions.resume(token).then(
        (actor) => {
          request.actor = actor ?? null;
          done();
        },
        (error: unknown) => done(error as Error),
      );
    });
  },
  api: async (app, { ctx }) => {
    await app.register(identityRoutes, {
      sessions: createSessionService(ctx),
      orgs: createOrgService(ctx),
      nav: ctx.nav,
      secureCookies: ctx.config.env === 'production',
      demo: ctx.config.seed === 'demo',
    });
  },
  seed: async (ctx, { profile }) => ({ lines: profile === 'demo' ? await seedDemoAccounts(ctx) : [] }),
};
