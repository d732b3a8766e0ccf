/**
 * The message an SM2 certificate holder signs to prove possession of the key, at sign-in or when
 * binding the certificate to the account. Server, workbench and `hinggan sign-challenge` build it
 * here, so all three sign and check the same bytes (UTF-8 of the string):
 *
 *   hinggan-sm2-challenge-v1
 *   purpose=sign-in
 *   origin=https://zw.example.cn
 *   user=xsh.clerk
 *   nonce=<base64url nonce from the server>
 *
 * The first line separates these signatures from every other use of a personal key (documents,
 * seals); `purpose` keeps a sign-in signature from binding a certificate and back; `origin` is
 * where the signer believes it is, so a signature made on a look-alike site does not work here;
 * the nonce is single-use. Signatures are SM2 with SM3 and the signer ID 1234567812345678, DER.
 */
export const certificateChallengePrefix = 'hinggan-sm2-challenge-v1';

/** The SM2 signer ID (GM/T 0009 default) hashed into Z by both sides. */
export const certificateSignerId = '1234567812345678';

export const certificateChallengePurposes = ['sign-in', 'enrol'] as const;
export type CertificateChallengePurpose = (typeof certificateChallengePurposes)[number];

export interface CertificateChallenge {
  readonly purpose: CertificateChallengePurpose;
  /** A web origin (`https://host[:port]`); anything URL-shaped is reduced to its origin. */
  readonly origin: string;
  readonly username: string;
  readonly nonce: string;
}

/** The origin of a URL, as browsers write `location.origin` (no default port, no path); throws if it has none. */
export function normaliseOrigin(url: string): string {
  const origin = new URL(url).origin;
  if (origin === 'null') throw new Error(`不是网站源：${url}`);
  return origin;
}

/** The message to sign; throws when a field could break the line format. */
export function certificateChallengeMessage(challenge: CertificateChallenge): string {
  const { purpose, username, nonce } = challenge;
  if (!certificateChallengePurposes.includes(purpose)) throw new Error(`未知的签名用途：${String(purpose)}`);
  if (!/^[A-Za-z0-9_-]{22,128}$/.test(nonce)) throw new Error('挑战值须为 base64url 编码');
  if (!username || /[\r\n]/.test(username)) throw new Error('用户名不能为空或含换行');
  return [certificateChallengePrefix, `purpose=${purpose}`, `origin=${normaliseOrigin(challenge.origin)}`, `user=${username}`, `nonce=${nonce}`].join('\n');
}
