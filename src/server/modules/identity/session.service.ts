import { randomBytes } from 'node:crypto';
import type { DbOrTrx } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import { sm3 } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import type { SessionRow } from './identity.table.js';
import type { SecurityPolicy, SecurityPolicyService } from './security-policy.js';

/**
 * The session cookie. In production it is `__Host-` prefixed (Secure, Path=/, no Domain), so no
 * sub-domain or plain-http page can set or shadow it. Browsers accept `__Host-` + Secure on
 * http://localhost but nowhere else over plain http, so development and test keep the plain name
 * without Secure.
 */
export function sessionCookieName(env: AppContext['config']['env']): string {
  return env === 'production' ? '__Host-hinggan_session' : 'hinggan_session';
}

/** How often at most a session's last-seen time is written (keeps reads cheap). */
const touchEveryMs = 60_000;

/** SM3 of a bearer token (session cookie or sign-in challenge id), hex; tokens are never stored. */
export const hashToken = (token: string): string => Buffer.from(sm3(token)).toString('hex');

/** 256 random bits, base64url. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const sessionLimitsOf = (policy: SecurityPolicy) => ({
  idleMs: policy.sessionIdleMinutes * 60_000,
  absoluteMs: policy.sessionAbsoluteHours * 3_600_000,
});

export interface OpenedSession {
  readonly token: string;
  readonly actor: Actor;
  readonly expiresAt: string;
  /** Seconds for the cookie's Max-Age. */
  readonly maxAgeSeconds: number;
}

export interface ClientInfo {
  readonly ip?: string;
  readonly userAgent?: string;
  /** The session token the client presented, if any: it ends when a new session opens. */
  readonly presentedToken?: string;
  /** The origin the request reached (`http://host:port`), which certificate signatures must name. */
  readonly origin?: string;
}

export function createSessionService(ctx: Pick<AppContext, 'db' | 'clock'>, policies: SecurityPolicyService) {
  const { db, clock } = ctx;

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

  function expired(session: SessionRow, now: number, policy: SecurityPolicy): boolean {
    const { idleMs, absoluteMs } = sessionLimitsOf(policy);
    return (
      now - Date.parse(session.last_seen_at) > idleMs ||
      now >= Date.parse(session.expires_at) ||
      now - Date.parse(session.created_at) >= absoluteMs
    );
  }

  return {
    actorFor,

    /** Opens a new session (a new token every time) and ends the one the client presented. */
    async open(userId: string, client: ClientInfo): Promise<OpenedSession> {
      if (client.presentedToken) await repo.deleteSessionByTokenHash(db, hashToken(client.presentedToken));
      const policy = await policies.get();
      const { absoluteMs } = sessionLimitsOf(policy);
      const now = clock.now();
      const token = newToken();
      const id = newId();
      const expiresAt = new Date(now.getTime() + absoluteMs).toISOString();
      await repo.insertSession(db, {
        id,
        token_hash: hashToken(token),
        user_id: userId,
        ip: client.ip ?? null,
        user_agent: client.userAgent?.slice(0, 300) ?? null,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
      });
      const actor = await actorFor(userId, id);
      if (!actor) throw new AppError('auth.invalid_credentials');
      return { token, actor, expiresAt, maxAgeSeconds: Math.floor(absoluteMs / 1000) };
    },

    /** The actor behind a cookie token, or undefined when the session is unknown, idle or expired. */
    async resume(token: string): Promise<Actor | undefined> {
      const session = await repo.findSessionByTokenHash(db, hashToken(token));
      if (!session) return undefined;
      const now = clock.now().getTime();
      if (expired(session, now, await policies.get())) {
        await repo.deleteSession(db, session.id);
        return undefined;
      }
      if (now - Date.parse(session.last_seen_at) > touchEveryMs) {
        await repo.touchSession(db, session.id, new Date(now).toISOString());
      }
      return actorFor(session.user_id, session.id);
    },

    async signOut(sessionId: string, trx: DbOrTrx = db): Promise<void> {
      await repo.deleteSession(trx, sessionId);
    },

    /** The user's live sessions, newest first. */
    async list(userId: string): Promise<SessionRow[]> {
      const now = clock.now().getTime();
      const policy = await policies.get();
      return (await repo.sessionsOf(db, userId)).filter((s) => !expired(s, now, policy));
    },

    /** Ends one of the user's own sessions; another user's id is simply not found. */
    async end(userId: string, sessionId: string): Promise<void> {
      if ((await repo.deleteSession(db, sessionId, userId)) === 0) throw new AppError('identity.session_not_found');
    },

    /** Ends every session of a user (but `keepId`); returns how many ended. */
    endAll(userId: string, keepId?: string): Promise<number> {
      return repo.deleteSessionsOf(db, userId, keepId);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
