import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AppContext } from '../../platform/module.js';
import './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import type { SecurityPolicyService } from './security-policy.js';
import type { SessionService } from './session.service.js';
import { checkNewPassword, type SignInService } from './sign-in.service.js';
import type { TotpService } from './totp.service.js';
import type { TotpEnrolment } from './totp.js';

/** What a signed-in user does to their own account: password, second factor. */
export function createAccountService(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  deps: { policies: SecurityPolicyService; sessions: SessionService; totp: TotpService; signIn: SignInService },
) {
  const { db, clock } = ctx;
  const { policies, sessions, totp, signIn } = deps;

  return {
    /**
     * Changes the password after checking the current one (a wrong one counts towards the lockout)
     * and ends every other session of the user; returns how many ended.
     */
    async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<number> {
      const user = await repo.findUserById(db, actor.userId);
      if (!user) throw new AppError('auth.required');
      const ok = await verifyPassword(user.password_hash, currentPassword);
      if (!ok || (await signIn.isLocked(user.id))) {
        await signIn.countFailure(user.id).catch(() => undefined);
        throw new AppError('identity.current_password_wrong');
      }
      await checkNewPassword(user, newPassword, await policies.get());
      const now = clock.now().toISOString();
      await repo.updateUser(db, user.id, {
        password_hash: await hashPassword(newPassword),
        password_changed_at: now,
        must_change_password: 0,
        updated_at: now,
      });
      return sessions.endAll(user.id, actor.sessionId);
    },

    startTotpEnrolment(actor: Actor): Promise<TotpEnrolment> {
      return totp.startEnrolment(actor.userId, actor.username);
    },

    async confirmTotpEnrolment(actor: Actor, code: string): Promise<void> {
      await totp.confirm(actor.userId, code);
      await repo.updateUser(db, actor.userId, { must_enrol_second_factor: 0, updated_at: clock.now().toISOString() });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
