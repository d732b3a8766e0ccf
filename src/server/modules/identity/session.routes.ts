import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleLabel } from '../../../shared/roles.js';
import { navFor, type NavEntry } from '../../../shared/nav.js';
import { requireActor, type Actor } from '../../platform/actor.js';
import { auditContext, type AuditLog } from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { errorResponses } from '../../platform/http/schemas.js';
import type { Db } from '../../db/database.js';
import { certificateEnrolAtSignInBodySchema, certificateSignInBodySchema, signatureBytes } from './certificate-factor.schema.js';
import {
  challengeBodySchema,
  challengePasswordBodySchema,
  secondFactorBodySchema,
  sessionInfoSchema,
  signInBodySchema,
  signInResultSchema,
  totpEnrolmentSchema,
  type SessionInfo,
} from './identity.schema.js';
import type { IdentityServices } from './identity.services.js';
import type { ClientInfo } from './session.service.js';
import type { SignInOutcome } from './sign-in.service.js';

const tags = ['登录与会话'];

/** Sign-in refusals that are audited as failed sign-ins. */
const refusals = new Set([
  'auth.invalid_credentials',
  'auth.demo_refused',
  'auth.challenge_expired',
  'auth.certificate_not_bound',
  'auth.certificate_expired',
  'auth.certificate_not_yet_valid',
  'auth.certificate_revoked',
  'auth.certificate_untrusted',
]);

export interface SessionRouteOptions {
  /** Sign-in steps per minute per client address (HINGGAN_RATE_LIMIT_SIGN_IN). */
  signInPerMinute: number;
  services: IdentityServices;
  db: Db;
  audit: AuditLog;
  nav: readonly NavEntry[];
  cookieName: string;
  secureCookies: boolean;
  demo: boolean;
}

export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (app, options) => {
  const { services, nav, cookieName, secureCookies, demo, db, audit } = options;
  const { orgs, signIn, sessions } = services;
  const signInRateLimit = { rateLimit: { max: options.signInPerMinute, timeWindow: 60_000 }, public: true };

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
      nav: navFor(nav, actor.roles.map((r) => r.role)).map(({ key, label, icon, order }) => ({ key, label, icon, order })),
      demo,
    };
  }

  const client = (request: FastifyRequest): ClientInfo => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    presentedToken: request.cookies[cookieName],
    origin: `${request.protocol}://${request.host}`,
  });

  /**
   * Runs one sign-in step and audits its end: a completed sign-in, or a refused one (wrong password,
   * locked, replayed code…), recorded in a transaction of its own since the request itself fails.
   */
  async function step(request: FastifyRequest, reply: FastifyReply, method: string, username: string | undefined, run: () => Promise<SignInOutcome>) {
    let outcome: SignInOutcome;
    try {
      outcome = await run();
    } catch (error) {
      if (error instanceof AppError && refusals.has(error.code)) {
        await audit.record(db, {
          ...auditContext(request),
          actorName: username ?? null,
          action: 'auth.sign_in_failed',
          outcome: 'failure',
          details: { username: username ?? '', reason: `${method}: ${error.code}` },
        });
      }
      throw error;
    }
    if (outcome.stage === 'complete') {
      const { actor } = outcome.session;
      await audit.record(db, {
        ...auditContext(request),
        actorId: actor.userId,
        actorName: actor.username,
        orgId: actor.orgId,
        action: 'auth.sign_in',
        ...(outcome.certificateSerial ? { object: { type: 'certificate', id: outcome.certificateSerial } } : {}),
        details: { method },
      });
    }
    return answer(outcome, reply);
  }

  /** A finished sign-in sets the cookie and answers the session; a pending one answers its next step. */
  async function answer(outcome: SignInOutcome, reply: FastifyReply) {
    if (outcome.stage !== 'complete') return outcome;
    const { session } = outcome;
    reply.setCookie(cookieName, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: session.maxAgeSeconds,
    });
    return sessionInfo(session.actor);
  }

  const stepResponses = { 200: signInResultSchema, ...errorResponses };

  app.post(
    '/session',
    {
      config: signInRateLimit,
      schema: {
        tags,
        summary: '用户名密码登录',
        description:
          '无需后续步骤时设置会话 Cookie 并返回 SessionInfo；需要第二因子、修改密码或绑定第二因子时返回 SignInChallenge，不设置 Cookie。',
        operationId: 'signIn',
        body: signInBodySchema,
        response: stepResponses,
      },
    },
    async (request, reply) =>
      step(request, reply, 'password', request.body.username, () =>
        signIn.signIn(request.body.username, request.body.password, client(request)),
      ),
  );

  app.post(
    '/session/second-factor',
    {
      config: signInRateLimit,
      schema: { tags, summary: '登录第二步：动态口令', operationId: 'signInSecondFactor', body: secondFactorBodySchema, response: stepResponses },
    },
    async (request, reply) =>
      step(request, reply, 'password+totp', undefined, () => signIn.secondFactor(request.body.challengeId, request.body.code, client(request))),
  );

  app.post(
    '/session/certificate',
    {
      config: signInRateLimit,
      schema: {
        tags,
        summary: '登录第二步：数字证书签名',
        description:
          '用绑定的个人签名证书的私钥对 SignInChallenge.nonce 签名（purpose=sign-in）。签名不符按密码错误计入失败次数；' +
          '证书已过期、已吊销或不再受信任时给出相应错误代码（同样计入）。',
        operationId: 'signInCertificate',
        body: certificateSignInBodySchema,
        response: stepResponses,
      },
    },
    async (request, reply) =>
      step(request, reply, 'password+sm2', undefined, () =>
        signIn.certificateFactor(request.body.challengeId, signatureBytes(request.body.signature), client(request)),
      ),
  );

  app.post(
    '/session/certificate/enrol',
    {
      config: signInRateLimit,
      schema: {
        tags,
        summary: '登录步骤：绑定数字证书并登录',
        description:
          '安全策略要求绑定第二因子时：提交本人的个人签名证书和对 SignInChallenge.nonce 的签名（purpose=enrol），证书绑定后即完成本次登录。',
        operationId: 'signInCertificateEnrol',
        body: certificateEnrolAtSignInBodySchema,
        response: { ...stepResponses, 409: errorResponses[400], 422: errorResponses[422] },
      },
    },
    async (request, reply) =>
      step(request, reply, 'password+sm2-enrol', undefined, () =>
        signIn.enrolCertificate(
          request.body.challengeId,
          { certificatePem: request.body.certificate, signature: signatureBytes(request.body.signature) },
          client(request),
          auditContext(request),
        ),
      ),
  );

  app.post(
    '/session/password',
    {
      config: signInRateLimit,
      schema: {
        tags,
        summary: '登录步骤：设置新密码（首次登录或密码过期）',
        operationId: 'signInChangePassword',
        body: challengePasswordBodySchema,
        response: { ...stepResponses, 422: errorResponses[422] },
      },
    },
    async (request, reply) =>
      step(request, reply, 'password+change', undefined, () =>
        signIn.changePassword(request.body.challengeId, request.body.newPassword, client(request)),
      ),
  );

  app.post(
    '/session/totp/enrol',
    {
      config: signInRateLimit,
      schema: {
        tags,
        summary: '登录步骤：获取动态口令绑定二维码',
        operationId: 'signInTotpEnrol',
        body: challengeBodySchema,
        response: { 200: totpEnrolmentSchema, ...errorResponses },
      },
    },
    async (request) => signIn.startEnrolment(request.body.challengeId),
  );

  app.post(
    '/session/totp/confirm',
    {
      config: signInRateLimit,
      schema: {
        tags,
        summary: '登录步骤：输入动态口令完成绑定并登录',
        operationId: 'signInTotpConfirm',
        body: secondFactorBodySchema,
        response: stepResponses,
      },
    },
    async (request, reply) =>
      step(request, reply, 'password+totp-enrol', undefined, () =>
        signIn.confirmEnrolment(request.body.challengeId, request.body.code, client(request)),
      ),
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
      // Public: signing out with an expired session still clears the cookie.
      config: { public: true },
      schema: { tags, summary: '退出登录', operationId: 'signOut', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor) {
        await db.transaction().execute(async (trx) => {
          await sessions.signOut(actor.sessionId, trx);
          await audit.append(trx, { ...auditContext(request), action: 'auth.sign_out', object: { type: 'session', id: actor.sessionId }, details: {} });
        });
      }
      reply.clearCookie(cookieName, { path: '/', secure: secureCookies, httpOnly: true, sameSite: 'lax' });
      return reply.status(204).send(null);
    },
  );
};
