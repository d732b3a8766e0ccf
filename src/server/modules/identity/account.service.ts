import type { Actor } from '../../platform/actor.js';
import type { AuditContext } from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AppContext } from '../../platform/module.js';
import { authorize } from '../../platform/policy/index.js';
import { accountPolicy, sessionPolicy } from './account.policy.js';
import type { CertificateFactorService } from './certificate-factor.service.js';
import './identity.audit.js';
import './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import type { SecurityPolicyService } from './security-policy.js';
import type { SessionService } from './session.service.js';
import { checkNewPassword, type SignInService } from './sign-in.service.js';
import type { TotpService } from './totp.service.js';
import type { TotpEnrolment } from './totp.js';

/** What a signed-in user does to their own account: password, second factor, sessions; each change audited. */
export function createAccountService(
  ctx: Pick<AppContext, 'db' | 'clock' | 'audit'>,
  deps: { policies: SecurityPolicyService; sessions: SessionService; totp: TotpService; signIn: SignInService; certificates: CertificateFactorService },
) {
  const { db, clock, audit } = ctx;
  const { policies, totp, signIn, certificates } = deps;
  const self = (actor: Actor) => ({ type: 'user', id: actor.userId });

  return {
    /**
     * Changes the password after checking the current one (a wrong one counts towards the lockout)
     * and ends every other session of the user; returns how many ended.
     */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string, who: AuditContext): Promise<number> {
      authorize(actor, accountPolicy, 'changePassword', undefined);
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError('auth.required');
      const ok = await verifyPassword(user.password_hash, currentPassword);
      if (!ok || (await signIn.isLocked(user.id))) {
        await signIn.countFailure(user.id).catch(() => undefined);
        throw new AppError('identity.current_password_wrong');
      }
      await checkNewPassword(user, newPassword, await policies.get());
      const passwordHash = await hashPassword(newPassword);
      return db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        await repo.updateUser(trx, user.id, { password_hash: passwordHash, password_changed_at: now, must_change_password: 0, updated_at: now });
        const endedSessions = await repo.deleteSessionsOf(trx, user.id, actor.sessionId);
        await audit.append(trx, { ...who, action: 'account.password_change', object: self(actor), details: { endedSessions } });
        return endedSessions;
      });
    },

    async startTotpEnrolment(actor: Actor, who: AuditContext): Promise<TotpEnrolment> {
      authorize(actor, accountPolicy, 'enrolSecondFactor', undefined);
      await certificates.assertTotpAccepted(actor);
      return db.transaction().execute(async (trx) => {
        const enrolment = await totp.startEnrolment(actor.userId, actor.username, trx);
        await audit.append(trx, { ...who, action: 'account.totp_enrol', object: self(actor), details: {} });
        return enrolment;
      });
    },

    async confirmTotpEnrolment(actor: Actor, code: string, who: AuditContext): Promise<void> {
      authorize(actor, accountPolicy, 'enrolSecondFactor', undefined);
      await certificates.assertTotpAccepted(actor);
      await db.transaction().execute(async (trx) => {
        await totp.confirm(actor.userId, code, trx);
        await repo.updateUser(trx, actor.userId, { must_enrol_second_factor: 0, updated_at: clock.now().toISOString() });
        await audit.append(trx, { ...who, action: 'account.totp_confirm', object: self(actor), details: {} });
      });
    },

    /** Ends one of the actor's own sessions; anybody else's reads as not found. */
    async endSession(actor: Actor, sessionId: string, who: AuditContext): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const session = await repo.findSessionById(trx, sessionId);
        if (!session) throw new AppError('identity.session_not_found');
        authorize(actor, sessionPolicy, 'end', { userId: session.user_id });
        await repo.deleteSession(trx, session.id, actor.userId);
        await audit.append(trx, { ...who, action: 'account.session_end', object: { type: 'session', id: session.id }, details: { sessionId: session.id } });
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
