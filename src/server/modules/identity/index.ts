import type { DbOrTrx } from '../../db/database.js';
import type { PlatformModule } from '../../platform/module.js';
import { identityRepository } from './identity.repository.js';
import { identityRoutes } from './identity.routes.js';
import { seedDemoAccounts, seedProductionAdmins } from './identity.seed.js';
import { identityServices } from './identity.services.js';
import { identitySealedColumns } from './personal-data.js';
import { sessionCookieName } from './session.service.js';

export { demoAccounts, demoPassword, productionAdmins } from './identity.seed.js';
export { hashPassword, verifyPassword, passwordHashOptions } from './password.js';
export { sessionCookieName } from './session.service.js';
export type { SecurityPolicy } from './security-policy.js';

/** An account as other modules see it: who, and which of the asked-for roles it holds there. */
export interface UserWithRoles {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly string[];
}

/**
 * The user lookup other modules use instead of reading identity's tables: active accounts holding
 * any of `roles` in any of `orgIds`, each once with the roles it holds among them, by display name.
 */
export async function usersWithRoles(db: DbOrTrx, query: { orgIds: readonly string[]; roles: readonly string[] }): Promise<UserWithRoles[]> {
  const byId = new Map<string, { id: string; displayName: string; roles: string[] }>();
  for (const row of await identityRepository.activeUsersWithRoles(db, query.orgIds, query.roles)) {
    const user = byId.get(row.id) ?? { id: row.id, displayName: row.display_name, roles: [] };
    if (!user.roles.includes(row.role)) user.roles.push(row.role);
    byId.set(row.id, user);
  }
  return [...byId.values()];
}

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
