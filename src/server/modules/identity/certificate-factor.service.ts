import {
  certificateChallengeMessage,
  normaliseOrigin,
  certificateSignerId,
  type CertificateChallengePurpose,
} from '../../../shared/certificate-challenge.js';
import type { Trx } from '../../db/database.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditContext } from '../../platform/audit/index.js';
import { sm2Verify } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AppContext } from '../../platform/module.js';
import { allowedActions, can } from '../../platform/policy/index.js';
import { type CertificateCheckStatus, createPkiService, parseCertificate } from '../pki/index.js';
import { secondFactorPolicy, type SecondFactorState } from './account.policy.js';
import './certificate-factor.audit.js';
import './certificate-factor.errors.js';
import { certificateFactorRepository as factors } from './certificate-factor.repository.js';
import type { UserCertificateFactorRow } from './certificate-factor.table.js';
import { identityRepository as repo } from './identity.repository.js';
import type { UserRow } from './identity.table.js';
import type { SecondFactorMethod, SecurityPolicyService } from './security-policy.js';
import { newToken } from './session.service.js';
import type { TotpService } from './totp.service.js';

/** How long a nonce for binding a certificate on the account page stays usable. */
export const enrolmentNonceMs = 5 * 60_000;

/** The answer a sign-in gives for a bound certificate that no longer verifies. */
const signInRefusals: Record<Exclude<CertificateCheckStatus, 'valid'>, string> = {
  expired: 'auth.certificate_expired',
  not_yet_valid: 'auth.certificate_not_yet_valid',
  revoked: 'auth.certificate_revoked',
  bad_signature: 'auth.certificate_untrusted',
  unknown_issuer: 'auth.certificate_untrusted',
  malformed: 'auth.certificate_untrusted',
};

/** What a user sends to bind a certificate: the certificate and his signature over the nonce. */
export interface CertificateProof {
  readonly certificatePem: string;
  /** DER SM2 signature of the challenge message. */
  readonly signature: Uint8Array;
}

/** A certificate that passed every check, ready to bind. */
interface CheckedCertificate {
  readonly serial: string;
  readonly pem: string;
  readonly commonName: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

export interface CertificateFactorView {
  readonly serial: string;
  readonly commonName: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly enrolledAt: string;
  readonly lastUsedAt: string | null;
  readonly status: CertificateCheckStatus;
  readonly statusMessage: string;
}

/**
 * The SM2 certificate second factor: binding a personal certificate of the platform's CA to an
 * account once the user proved he holds its key, and checking a signed nonce at sign-in.
 */
export function createCertificateFactorService(
  ctx: AppContext,
  deps: { policies: SecurityPolicyService; totp: TotpService },
) {
  const { db, clock, config, audit } = ctx;
  const { policies, totp } = deps;
  const pki = createPkiService(ctx);
  const nowIso = () => clock.now().toISOString();

  /**
   * The origins a signature may name: the configured public address and the one the request
   * reached (development, or a deployment reached under another name). Never the client's say-so.
   */
  function originsFor(requestOrigin: string | undefined): string[] {
    const origins = new Set<string>();
    for (const url of [config.publicUrl, requestOrigin]) {
      if (!url) continue;
      try {
        origins.add(normaliseOrigin(url));
      } catch {
        // A request without a usable Host names no origin.
      }
    }
    return [...origins];
  }

  const publicKeyOf = (pem: string) => Buffer.from(parseCertificate(pem).spki.subjectPublicKey).toString('hex');

  /** Whether `signature` is the certificate key's SM2 signature of the challenge for one of our origins. */
  function signed(pem: string, purpose: CertificateChallengePurpose, username: string, nonce: string, signature: Uint8Array, requestOrigin: string | undefined) {
    const publicKey = publicKeyOf(pem);
    return originsFor(requestOrigin).some((origin) =>
      sm2Verify(publicKey, certificateChallengeMessage({ purpose, origin, username, nonce }), signature, { userId: certificateSignerId }),
    );
  }

  async function enrolledMethods(userId: string): Promise<SecondFactorMethod[]> {
    const [hasTotp, certificate] = await Promise.all([totp.isEnrolled(userId), factors.findByUser(db, userId)]);
    return [...(hasTotp ? (['totp'] as const) : []), ...(certificate ? (['sm2'] as const) : [])];
  }

  async function stateOf(userId: string): Promise<SecondFactorState> {
    const policy = await policies.get();
    return { accepted: policy.secondFactorMethods, enrolled: await enrolledMethods(userId), required: policy.secondFactorRequired };
  }

  /**
   * Checks a certificate offered for `user` and the proof of possession: valid at the platform's CA,
   * an SM2 personal certificate issued for this user name, bound to no other account, and the
   * signature of the nonce by its key.
   */
  async function check(user: Pick<UserRow, 'id' | 'username'>, proof: CertificateProof, nonce: string, requestOrigin: string | undefined): Promise<CheckedCertificate> {
    const status = await pki.verifyCertificate(proof.certificatePem, { at: clock.now() });
    if (status.status !== 'valid') throw new AppError(status.code!, { details: { serial: status.serial } });
    const info = await pki.get(status.serial!);
    if (info.kind !== 'personal' || info.profile !== 'sm2') throw new AppError('identity.certificate_not_personal');
    if (info.username !== user.username) throw new AppError('identity.certificate_not_yours');
    const holder = await factors.findBySerial(db, info.serial);
    if (holder && holder.user_id !== user.id) throw new AppError('identity.certificate_taken');
    if (!signed(proof.certificatePem, 'enrol', user.username, nonce, proof.signature, requestOrigin)) {
      throw new AppError('identity.certificate_signature_wrong');
    }
    return { serial: info.serial, pem: proof.certificatePem, commonName: info.commonName, notBefore: info.notBefore, notAfter: info.notAfter };
  }

  /** Binds a checked certificate (replacing an earlier one) with its audit event, in the caller's transaction. */
  async function bind(trx: Trx, user: Pick<UserRow, 'id'>, cert: CheckedCertificate, who: AuditContext, atSignIn: boolean): Promise<void> {
    const before = await factors.findByUser(trx, user.id);
    const now = nowIso();
    await factors.save(trx, {
      user_id: user.id,
      serial: cert.serial,
      certificate_pem: cert.pem,
      common_name: cert.commonName,
      not_before: cert.notBefore,
      not_after: cert.notAfter,
      enrolled_at: now,
      last_used_at: before?.serial === cert.serial ? before.last_used_at : null,
    });
    await repo.updateUser(trx, user.id, { must_enrol_second_factor: 0, updated_at: now });
    await audit.append(trx, {
      ...who,
      action: 'account.certificate_enrol',
      object: { type: 'certificate', id: cert.serial },
      details: { serial: cert.serial, commonName: cert.commonName, notAfter: cert.notAfter, replaced: before && before.serial !== cert.serial ? before.serial : null, atSignIn },
    });
  }

  async function view(row: UserCertificateFactorRow): Promise<CertificateFactorView> {
    const status = await pki.verifyCertificate(row.certificate_pem, { at: clock.now() });
    return {
      serial: row.serial,
      commonName: row.common_name,
      notBefore: new Date(row.not_before).toISOString(),
      notAfter: new Date(row.not_after).toISOString(),
      enrolledAt: new Date(row.enrolled_at).toISOString(),
      lastUsedAt: row.last_used_at && new Date(row.last_used_at).toISOString(),
      status: status.status,
      statusMessage: status.message,
    };
  }

  return {
    enrolledMethods,

    /** The methods a user can use at sign-in: enrolled and accepted by the policy. */
    async usableMethods(userId: string): Promise<SecondFactorMethod[]> {
      const policy = await policies.get();
      return (await enrolledMethods(userId)).filter((m) => policy.secondFactorMethods.includes(m));
    },

    /**
     * The sign-in check of a signed nonce: `invalid` for a signature that does not verify (the
     * generic failure), else the refusal code of a certificate that no longer holds, else the serial.
     */
    async verifySignIn(
      user: Pick<UserRow, 'id' | 'username'>,
      nonce: string,
      signature: Uint8Array,
      requestOrigin: string | undefined,
    ): Promise<{ result: 'invalid' } | { result: 'refused'; code: string } | { result: 'ok'; serial: string }> {
      const binding = await factors.findByUser(db, user.id);
      if (!binding) return { result: 'refused', code: 'auth.certificate_not_bound' };
      if (!signed(binding.certificate_pem, 'sign-in', user.username, nonce, signature, requestOrigin)) return { result: 'invalid' };
      const status = await pki.verifyCertificate(binding.certificate_pem, { at: clock.now() });
      if (status.status !== 'valid') return { result: 'refused', code: signInRefusals[status.status] };
      return { result: 'ok', serial: binding.serial };
    },

    async markUsed(userId: string, serial: string): Promise<void> {
      await factors.markUsed(db, userId, serial, nowIso());
    },

    /** Checks a certificate offered during a sign-in that must enrol a second factor. */
    checkAtSignIn: (user: UserRow, proof: CertificateProof, nonce: string, requestOrigin: string | undefined) =>
      check(user, proof, nonce, requestOrigin),

    bind,

    /** The user's second factors, the policy's view of them, and what he may do. */
    async overview(actor: Actor) {
      const state = await stateOf(actor.userId);
      const [totpRow, certificate] = await Promise.all([repo.findTotp(db, actor.userId), factors.findByUser(db, actor.userId)]);
      return {
        required: state.required,
        accepted: [...state.accepted],
        totp: { enrolled: Boolean(totpRow?.secret), confirmedAt: totpRow?.confirmed_at ? new Date(totpRow.confirmed_at).toISOString() : null },
        certificate: certificate ? await view(certificate) : null,
        actions: allowedActions(actor, secondFactorPolicy, state),
      };
    },

    /** Throws `identity.second_factor_method_not_allowed` unless the policy lets the actor enrol TOTP. */
    async assertTotpAccepted(actor: Actor): Promise<void> {
      if (!can(actor, secondFactorPolicy, 'enrolTotp', await stateOf(actor.userId))) throw new AppError('identity.second_factor_method_not_allowed');
    },

    /** A fresh single-use nonce (256 bits) for binding a certificate on the account page. */
    async startEnrolment(actor: Actor): Promise<{ nonce: string; expiresAt: string }> {
      if (!can(actor, secondFactorPolicy, 'enrolCertificate', await stateOf(actor.userId))) {
        throw new AppError('identity.second_factor_method_not_allowed');
      }
      const now = clock.now();
      const nonce = newToken();
      const expiresAt = new Date(now.getTime() + enrolmentNonceMs).toISOString();
      await factors.replaceNonce(db, { nonce, user_id: actor.userId, created_at: now.toISOString(), expires_at: expiresAt });
      return { nonce, expiresAt };
    },

    /**
     * Binds a certificate on the account page. The nonce is used up first, so a failed attempt
     * needs a new one and no signature works twice.
     */
    async enrol(actor: Actor, proof: CertificateProof, nonce: string, requestOrigin: string | undefined, who: AuditContext): Promise<CertificateFactorView> {
      if (!can(actor, secondFactorPolicy, 'enrolCertificate', await stateOf(actor.userId))) {
        throw new AppError('identity.second_factor_method_not_allowed');
      }
      if (!(await factors.claimNonce(db, actor.userId, nonce, nowIso()))) throw new AppError('identity.certificate_nonce_expired');
      const cert = await check({ id: actor.userId, username: actor.username }, proof, nonce, requestOrigin);
      await db.transaction().execute((trx) => bind(trx, { id: actor.userId }, cert, who, false));
      return view((await factors.findByUser(db, actor.userId))!);
    },

    /** Unbinds the certificate, unless the policy then leaves the user without an accepted second factor. */
    async remove(actor: Actor, who: AuditContext): Promise<void> {
      const state = await stateOf(actor.userId);
      if (!state.enrolled.includes('sm2')) throw new AppError('identity.certificate_not_enrolled');
      if (!can(actor, secondFactorPolicy, 'removeCertificate', state)) throw new AppError('identity.second_factor_required');
      await db.transaction().execute(async (trx) => {
        const binding = await factors.findByUser(trx, actor.userId);
        if (!binding) throw new AppError('identity.certificate_not_enrolled');
        await factors.remove(trx, actor.userId);
        await audit.append(trx, {
          ...who,
          action: 'account.certificate_remove',
          object: { type: 'certificate', id: binding.serial },
          details: { serial: binding.serial },
        });
      });
    },
  };
}

export type CertificateFactorService = ReturnType<typeof createCertificateFactorService>;
