import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../platform/actor.js';
import { AppError, defineErrors } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { identityRepository as repo } from './identity.repository.js';
import { dummyPasswordHash, verifyPassword } from './password.js';

export const identityErrors = defineErrors({
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  'auth.demo_refused': {
    status: 403,
    zh: '生产环境不允许使用演示账号登录',
    en: 'Demo accounts cannot sign in to a production deployment',
  },
});

/** Idle and absolute session limits; the identity/security issue makes them policy settings. */
export const sessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000, touchEveryMs: 60_000 };

export const sessionCookie = 'hinggan_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SignInResult {
  readonly token: string;
  readonly actor: Actor;
  readonly expiresAt: string;
}

export function createSessionService(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = ctx;

  async function actorFor(userId: string, sessionId: string): Promise<Actor | undefined> {
    const user = await repo.findUserById(db, userId);
    if (!user || user.status !== 'active') return undefined;
    const roles = await repo.rolesOf(db, user.id);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      orgId: user.org_id,
      roles: roles.map((r) => ({ role: r.role, orgId: r.org_id, scope: r.scope })),
      isDemo: user.is_demo === 1,
      sessionId,
    };
  }

  return {
    /** Checks the password and opens a session; every failure gives the same message. */
    async signIn(username: string, password: string, client: { ip?: string; userAgent?: string }): Promise<SignInResult> {
      const user = await repo.findUserByUsername(db, username.trim());
      const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
      if (!user || !ok || user.status !== 'active') throw new AppError('auth.invalid_credentials');
      if (user.is_demo === 1 && config.env === 'production') throw new AppError('auth.demo_refused');
      const now = clock.now();
      const token = randomBytes(32).toString('base64url');
      const id = newId();
      const expiresAt = new Date(now.getTime() + sessionLimits.absoluteMs).toISOString();
      await repo.insertSession(db, {
        id,
        token_hash: hashToken(token),
        user_id: user.id,
        ip: client.ip ?? null,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
      });
      const actor = await actorFor(user.id, id);
      return { token, actor: actor!, expiresAt };
    },

    /** The actor behind a cookie token, or undefined when the session is unknown, idle or expired. */
    async resume(token: string): Promise<Actor | undefined> {
      const session = await repo.findSessionByTokenHash(db, hashToken(token));
      if (!session) return undefined;
      const now = clock.now().getTime();
      const idle = now - Date.parse(session.last_seen_at) > sessionLimits.idleMs;
      if (idle || now >= Date.parse(session.expires_at)) {
        await repo.deleteSession(db, session.id);
        return undefined;
      }
      if (now - Date.parse(session.last_seen_at) > sessionLimits.touchEveryMs) {
        await repo.touchSession(db, session.id, new Date(now).toISOString());
      }
      return actorFor(session.user_id, session.id);
    },

    async signOut(sessionId: string): Promise<void> {
      await repo.deleteSession(db, sessionId);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
