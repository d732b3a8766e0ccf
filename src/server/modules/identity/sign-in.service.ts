import type { AuditContext } from '../../platform/audit/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AppContext } from '../../platform/module.js';
import type { CertificateFactorService, CertificateProof } from './certificate-factor.service.js';
import './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import type { SignInChallengeRow, SignInStage, UserRow } from './identity.table.js';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './password.js';
import { passwordProblems, type SecondFactorMethod, type SecurityPolicy, type SecurityPolicyService } from './security-policy.js';
import { hashToken, newToken, type ClientInfo, type OpenedSession, type SessionService } from './session.service.js';
import type { TotpService } from './totp.service.js';
import type { TotpEnrolment } from './totp.js';

/** How long a half-finished sign-in (second factor, password change, enrolment) stays open. */
export const challengeMs = 5 * 60_000;

/**
 * Unknown user names are counted per client address. The address locks at this multiple of the
 * account threshold and then refuses every sign-in from it (password spraying), high enough that an
 * office behind one NAT address is not locked out by a few mistyped names.
 */
export const ipThresholdFactor = 4;

export type { SecondFactorMethod } from './security-policy.js';

export type SignInOutcome =
  | {
      readonly stage: 'complete';
      readonly session: OpenedSession;
      /** The certificate whose key signed this sign-in's nonce, when the second factor was one. */
      readonly certificateSerial?: string;
    }
  | {
      readonly stage: SignInStage;
      readonly challengeId: string;
      /** At `second_factor` the methods the user can use; at `enrol_second_factor` those he may enrol. */
      readonly methods: SecondFactorMethod[];
      /** The nonce to sign with the certificate's key, when `sm2` is among the methods. */
      readonly nonce?: string;
      /** The account name the signed message must carry, with the nonce. */
      readonly username?: string;
    };

const invalid = () => new AppError('auth.invalid_credentials');

export function createSignInService(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  deps: { policies: SecurityPolicyService; sessions: SessionService; totp: TotpService; certificates: CertificateFactorService },
) {
  const { db, clock, config } = ctx;
  const { policies, sessions, totp, certificates } = deps;
  const nowIso = () => clock.now().toISOString();

  async function lockedUntil(key: string): Promise<number> {
    const row = await repo.findFailure(db, key);
    const until = row?.locked_until ? Date.parse(row.locked_until) : 0;
    return until > clock.now().getTime() ? until : 0;
  }

  /** Counts a failure; at the threshold the key locks for the policy's minutes. */
  async function countFailure(key: string, threshold: number, policy: SecurityPolicy): Promise<void> {
    const now = clock.now();
    const row = await repo.findFailure(db, key);
    const stillLocked = row?.locked_until && Date.parse(row.locked_until) > now.getTime();
    // A lock that has run out starts a fresh count; failures during a lock are counted, not extended.
    const failures = (row && (stillLocked || !row.locked_until) ? row.failures : 0) + 1;
    const lock = !stillLocked && failures >= threshold ? new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString() : null;
    await repo.saveFailure(db, {
      key,
      failures,
      last_failure_at: now.toISOString(),
      locked_until: stillLocked ? row.locked_until : lock,
    });
  }

  const userKey = (userId: string) => `user:${userId}`;
  const ipKey = (ip: string | undefined) => `ip:${ip ?? 'unknown'}`;

  async function failFor(userId: string, error: AppError = invalid()): Promise<never> {
    const policy = await policies.get();
    await countFailure(userKey(userId), policy.lockoutThreshold, policy);
    throw error;
  }

  function passwordExpired(user: UserRow, policy: SecurityPolicy): boolean {
    if (policy.passwordMaxAgeDays === 0 || user.is_demo === 1) return false; // demo passwords are published
    const changed = Date.parse(user.password_changed_at ?? user.created_at);
    return clock.now().getTime() - changed > policy.passwordMaxAgeDays * 86_400_000;
  }

  /** The next step after `passed` (stages run in the order second factor → password → enrolment). */
  async function next(user: UserRow, passed: SignInStage | null, client: ClientInfo): Promise<SignInOutcome> {
    const policy = await policies.get();
    // Only methods the policy accepts count: a user with none of them enrols one when it is required.
    const usable = await certificates.usableMethods(user.id);
    const enrolled = usable.length > 0;
    let stage: SignInStage | undefined;
    if (passed === null && enrolled) stage = 'second_factor';
    else if (passed !== 'change_password' && (user.must_change_password === 1 || passwordExpired(user, policy))) {
      stage = 'change_password';
    } else if (!enrolled && (user.must_enrol_second_factor === 1 || policy.secondFactorRequired)) {
      stage = 'enrol_second_factor';
    }
    if (!stage) {
      await repo.clearFailures(db, userKey(user.id));
      return { stage: 'complete', session: await sessions.open(user.id, client) };
    }
    const challengeId = newToken();
    const methods: SecondFactorMethod[] =
      stage === 'second_factor' ? usable : stage === 'enrol_second_factor' ? [...policy.secondFactorMethods] : [];
    // A fresh 256-bit nonce per challenge, stored with it: it expires with the challenge and is
    // used up with it, so a signature never serves twice.
    const nonce = methods.includes('sm2') ? newToken() : null;
    await repo.deleteExpiredChallenges(db, nowIso());
    await repo.insertChallenge(db, {
      id_hash: hashToken(challengeId),
      user_id: user.id,
      stage,
      created_at: nowIso(),
      expires_at: new Date(clock.now().getTime() + challengeMs).toISOString(),
      nonce,
    });
    return { stage, challengeId, methods, ...(nonce ? { nonce, username: user.username } : {}) };
  }

  /** An open challenge of `stage` and its user; unknown, used or expired challenges fail. */
  async function openChallenge(challengeId: string, stage: SignInStage): Promise<{ user: UserRow; challenge: SignInChallengeRow }> {
    const challenge = await repo.findChallenge(db, hashToken(challengeId));
    if (!challenge || challenge.stage !== stage || Date.parse(challenge.expires_at) <= clock.now().getTime()) {
      throw new AppError('auth.challenge_expired');
    }
    const user = await repo.findUserById(db, challenge.user_id);
    if (!user || user.status !== 'active' || (await lockedUntil(userKey(user.id)))) throw invalid();
    return { user, challenge };
  }

  const challengeUser = async (challengeId: string, stage: SignInStage): Promise<UserRow> => (await openChallenge(challengeId, stage)).user;

  /** Throws unless the policy accepts `method` as a second factor. */
  async function accepted(method: SecondFactorMethod): Promise<void> {
    if (!(await policies.get()).secondFactorMethods.includes(method)) throw new AppError('identity.second_factor_method_not_allowed');
  }

  /** Uses a challenge up; a second request with the same id fails. */
  async function consume(challengeId: string): Promise<void> {
    if ((await repo.deleteChallenge(db, hashToken(challengeId))) !== 1) throw new AppError('auth.challenge_expired');
  }

  return {
    /**
     * Checks user name and password. Every failure — unknown user, wrong password, locked or
     * disabled account — answers `auth.invalid_credentials` and is counted.
     */
    async signIn(username: string, password: string, client: ClientInfo): Promise<SignInOutcome> {
      const policy = await policies.get();
      const user = await repo.findUserByUsername(db, username.trim());
      const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
      if (await lockedUntil(ipKey(client.ip))) throw invalid();
      if (!user) {
        await countFailure(ipKey(client.ip), policy.lockoutThreshold * ipThresholdFactor, policy);
        throw invalid();
      }
      if ((await lockedUntil(userKey(user.id))) || !ok || user.status !== 'active') return failFor(user.id);
      if (user.is_demo === 1 && config.env === 'production') throw new AppError('auth.demo_refused');
      if (needsRehash(user.password_hash)) {
        await repo.updateUser(db, user.id, { password_hash: await hashPassword(password) });
      }
      return next(user, null, client);
    },

    /** Completes the second-factor stage with a TOTP code; wrong and replayed codes are failures. */
    async secondFactor(challengeId: string, code: string, client: ClientInfo): Promise<SignInOutcome> {
      const user = await challengeUser(challengeId, 'second_factor');
      if (!(await policies.get()).secondFactorMethods.includes('totp')) return failFor(user.id);
      if (!(await totp.verify(user.id, code))) return failFor(user.id);
      await consume(challengeId);
      return next(user, 'second_factor', client);
    },

    /**
     * Completes the second-factor stage with the bound certificate's SM2 signature of the
     * challenge's nonce. A signature that does not verify is the generic failure; a certificate
     * that expired, was revoked or is no longer trusted is refused with its own code. Both count
     * towards the lockout.
     */
    async certificateFactor(challengeId: string, signature: Uint8Array, client: ClientInfo): Promise<SignInOutcome> {
      const { user, challenge } = await openChallenge(challengeId, 'second_factor');
      if (!challenge.nonce || !(await policies.get()).secondFactorMethods.includes('sm2')) {
        return failFor(user.id, new AppError('auth.certificate_not_bound'));
      }
      const verdict = await certificates.verifySignIn(user, challenge.nonce, signature, client.origin);
      if (verdict.result === 'invalid') return failFor(user.id);
      if (verdict.result === 'refused') return failFor(user.id, new AppError(verdict.code));
      await consume(challengeId);
      await certificates.markUsed(user.id, verdict.serial);
      const outcome = await next(user, 'second_factor', client);
      return outcome.stage === 'complete' ? { ...outcome, certificateSerial: verdict.serial } : outcome;
    },

    /**
     * Binds a certificate at a sign-in that must enrol a second factor: the signed nonce proves the
     * key and serves as this sign-in's second factor.
     */
    async enrolCertificate(challengeId: string, proof: CertificateProof, client: ClientInfo, who: AuditContext): Promise<SignInOutcome> {
      const { user, challenge } = await openChallenge(challengeId, 'enrol_second_factor');
      await accepted('sm2');
      if (!challenge.nonce) throw new AppError('auth.challenge_expired');
      const cert = await certificates.checkAtSignIn(user, proof, challenge.nonce, client.origin);
      const actor = { ...who, actorId: user.id, actorName: user.username, orgId: user.org_id };
      await db.transaction().execute(async (trx) => {
        if ((await repo.deleteChallenge(trx, hashToken(challengeId))) !== 1) throw new AppError('auth.challenge_expired');
        await certificates.bind(trx, user, cert, actor, true);
      });
      await certificates.markUsed(user.id, cert.serial);
      const outcome = await next((await repo.findUserById(db, user.id))!, 'enrol_second_factor', client);
      return outcome.stage === 'complete' ? { ...outcome, certificateSerial: cert.serial } : outcome;
    },

    /** Sets the new password a first sign-in (or an expired password) asks for. */
    async changePassword(challengeId: string, newPassword: string, client: ClientInfo): Promise<SignInOutcome> {
      const user = await challengeUser(challengeId, 'change_password');
      await checkNewPassword(user, newPassword, await policies.get());
      await consume(challengeId);
      await repo.updateUser(db, user.id, {
        password_hash: await hashPassword(newPassword),
        password_changed_at: nowIso(),
        must_change_password: 0,
        updated_at: nowIso(),
      });
      await sessions.endAll(user.id);
      return next((await repo.findUserById(db, user.id))!, 'change_password', client);
    },

    async startEnrolment(challengeId: string): Promise<TotpEnrolment> {
      const user = await challengeUser(challengeId, 'enrol_second_factor');
      await accepted('totp');
      return totp.startEnrolment(user.id, user.username);
    },

    /** Confirms enrolment with a first code, which also serves as this sign-in's second factor. */
    async confirmEnrolment(challengeId: string, code: string, client: ClientInfo): Promise<SignInOutcome> {
      const user = await challengeUser(challengeId, 'enrol_second_factor');
      await accepted('totp');
      await totp.confirm(user.id, code);
      await consume(challengeId);
      await repo.updateUser(db, user.id, { must_enrol_second_factor: 0, updated_at: nowIso() });
      return next((await repo.findUserById(db, user.id))!, 'enrol_second_factor', client);
    },

    /** Counts a failed password check made outside sign-in (e.g. the current password at a change). */
    countFailure: (userId: string) => failFor(userId),
    isLocked: async (userId: string) => (await lockedUntil(userKey(userId))) > 0,
  };
}

/** Throws `identity.password_policy` (listing the broken rules) or `identity.password_reused`. */
export async function checkNewPassword(user: UserRow, newPassword: string, policy: SecurityPolicy): Promise<void> {
  const problems = passwordProblems(policy, newPassword, user.username);
  if (problems.length) {
    throw new AppError('identity.password_policy', {
      fields: problems.map((message) => ({ path: 'newPassword', message })),
      details: { problems },
    });
  }
  if (await verifyPassword(user.password_hash, newPassword)) throw new AppError('identity.password_reused');
}

export type SignInService = ReturnType<typeof createSignInService>;
