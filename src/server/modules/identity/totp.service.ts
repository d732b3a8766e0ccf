import type { DbOrTrx } from '../../db/database.js';
import type { Sm4Key } from '../../platform/crypto/index.js';
import { AppError } from '../../platform/errors/app-error.js';
import { loadPlatformKeys } from '../../platform/keys.js';
import type { AppContext } from '../../platform/module.js';
import './identity.errors.js';
import { identityRepository as repo } from './identity.repository.js';
import { newTotpSecret, openTotpSecret, sealTotpSecret, totpEnrolment, totpStepOf, type TotpEnrolment } from './totp.js';

/** TOTP enrolment and verification; secrets are SM4-sealed with the platform's current data key. */
export function createTotpService(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = ctx;
  // Keys are read at first use, so an app that never touches TOTP needs no key file.
  let keys: readonly Sm4Key[] | undefined;
  const dataKeys = () => (keys ??= loadPlatformKeys(config).dataKeys);
  const currentKey = () => dataKeys().at(-1)!;

  return {
    async isEnrolled(userId: string): Promise<boolean> {
      return Boolean((await repo.findTotp(db, userId))?.secret);
    },

    /** Starts (or restarts) enrolment: a new pending secret; a confirmed one stays until replaced. */
    async startEnrolment(userId: string, username: string, trx: DbOrTrx = db): Promise<TotpEnrolment> {
      const existing = await repo.findTotp(trx, userId);
      const secret = newTotpSecret();
      await repo.saveTotp(trx, {
        user_id: userId,
        secret: existing?.secret ?? null,
        pending_secret: sealTotpSecret(currentKey(), userId, secret),
        confirmed_at: existing?.confirmed_at ?? null,
        last_step: existing?.last_step ?? null,
        updated_at: clock.now().toISOString(),
      });
      return totpEnrolment(secret, username);
    },

    /** Activates the pending secret when `code` is current; the code's step counts as used. */
    async confirm(userId: string, code: string, trx: DbOrTrx = db): Promise<void> {
      const row = await repo.findTotp(trx, userId);
      if (!row?.pending_secret) throw new AppError('identity.totp_not_enrolling');
      const now = clock.now();
      const step = totpStepOf(openTotpSecret(dataKeys(), userId, row.pending_secret), code, now);
      if (step === undefined) throw new AppError('identity.totp_code_wrong');
      await repo.saveTotp(trx, {
        user_id: userId,
        secret: row.pending_secret,
        pending_secret: null,
        confirmed_at: now.toISOString(),
        last_step: step,
        updated_at: now.toISOString(),
      });
    },

    /** True when `code` is current for the user's confirmed secret and its step was never used. */
    async verify(userId: string, code: string): Promise<boolean> {
      const row = await repo.findTotp(db, userId);
      if (!row?.secret) return false;
      const now = clock.now();
      const step = totpStepOf(openTotpSecret(dataKeys(), userId, row.secret), code, now);
      if (step === undefined) return false;
      return repo.claimTotpStep(db, userId, step, now.toISOString());
    },
  };
}

export type TotpService = ReturnType<typeof createTotpService>;
