import { Secret, TOTP } from 'otpauth';
import { sm4Decrypt, sm4Encrypt, type Sm4Key } from '../../platform/crypto/index.js';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 s, one step either side. */
export const totpParameters = { algorithm: 'SHA1', digits: 6, period: 30, window: 1 } as const;

const issuer = '兴安政务平台';

function totp(secretBase32: string, username: string): TOTP {
  return new TOTP({
    issuer,
    label: username,
    algorithm: totpParameters.algorithm,
    digits: totpParameters.digits,
    period: totpParameters.period,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret (RFC 4226's recommendation) in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
  /** The otpauth URI as a QR code, an SVG `data:` URL. */
  readonly qrCode: string;
}

export async function totpEnrolment(secretBase32: string, username: string): Promise<TotpEnrolment> {
  const uri = totp(secretBase32, username).toString();
  // Loaded on first enrolment only: it is the heaviest import of the module and rarely needed.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret: secretBase32, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * The RFC 6238 time step a code belongs to (within ±1 step of `at`), or undefined when it matches
 * none. The caller rejects a step at or below the last one used, so each code works once.
 */
export function totpStepOf(secretBase32: string, code: string, at: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const generator = totp(secretBase32, 'x');
  const delta = generator.validate({ token: code, timestamp: at.getTime(), window: totpParameters.window });
  if (delta === null) return undefined;
  return generator.counter({ timestamp: at.getTime() }) + delta;
}

/** The code for a moment; for tests and the CLI. */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totp(secretBase32, 'x').generate({ timestamp: at.getTime() });
}

/** The context binds a ciphertext to its user, so a secret copied to another row does not decrypt. */
const context = (userId: string) => `identity.totp:${userId}`;

export function sealTotpSecret(key: Sm4Key, userId: string, secretBase32: string): string {
  return Buffer.from(sm4Encrypt(key, secretBase32, { context: context(userId) })).toString('base64');
}

export function openTotpSecret(keys: readonly Sm4Key[], userId: string, sealed: string): string {
  return Buffer.from(sm4Decrypt(keys, Buffer.from(sealed, 'base64'), { context: context(userId) })).toString('utf8');
}
