import type { PlatformModule } from '../../platform/module.js';
import { identityRoutes } from './identity.routes.js';
import { seedDemoAccounts, seedProductionAdmins } from './identity.seed.js';
import { identityServices } from './identity.services.js';
import { identitySealedColumns } from './personal-data.js';
import { sessionCookieName } from './session.service.js';

export { demoAccounts, demoPassword, productionAdmins } from './identity.seed.js';
export { hashPassword, verifyPassword, passwordHashOptions } from './password.js';
export { sessionCookieName } from './session.service.js';
export type { SecurityPolicy } from './security-policy.js';

export const identityModule: PlatformModule = {
  name: 'identity',
  nav: [
    { key: 'account', label: '我的账号', icon: 'UserOutlined', order: 10 },
    { key: 'users', label: '账号管理', icon: 'TeamOutlined', order: 85, roles: ['sysadmin'] },
    { key: 'security', label: '安全策略', icon: 'SafetyOutlined', order: 86, roles: ['secadmin'] },
  ],
  sealedColumns: identitySealedColumns,
  hooks: (app, ctx) => {
    const { sessions } = identityServices(ctx);
    const cookieName = sessionCookieName(ctx.config.env);
    app.addHook('onRequest', (request, _reply, done) => {
      const token = request.cookies[cookieName];
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
      services: identityServices(ctx),
      db: ctx.db,
      audit: ctx.audit,
      nav: ctx.nav,
      cookieName: sessionCookieName(ctx.config.env),
      secureCookies: ctx.config.env === 'production',
      signInPerMinute: ctx.config.rateLimitSignIn,
      demo: ctx.config.seed === 'demo' && ctx.config.env !== 'production',
    });
  },
  // A production deployment gets only the three administrators, whatever the seed profile says.
  seed: async (ctx, { profile }) => ({
    lines:
      ctx.config.env === 'production' ? await seedProductionAdmins(ctx) : profile === 'demo' ? await seedDemoAccounts(ctx) : [],
  }),
};
