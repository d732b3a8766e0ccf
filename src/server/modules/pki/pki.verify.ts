import { type Name } from '@peculiar/asn1-x509';
import { messageOf } from '../../platform/errors/app-error.js';
import { type CaProfile, verifyData } from './pki.keys.js';
import type { CertificateCheck, CertificateCheckStatus } from './pki.schema.js';
import type { CertificateRow } from './pki.table.js';
import { type ParsedCertificate, keyIdOf, nameDer, parseCertificate } from './pki.x509.js';
import './pki.errors.js';

/** A root as the verifier needs it. */
export interface TrustedRoot {
  readonly id: string;
  readonly profile: CaProfile;
  readonly certificate: ParsedCertificate;
}

const codes: Record<CertificateCheckStatus, string | null> = {
  valid: null,
  expired: 'pki.cert_expired',
  not_yet_valid: 'pki.cert_not_yet_valid',
  revoked: 'pki.cert_revoked',
  bad_signature: 'pki.cert_bad_signature',
  unknown_issuer: 'pki.cert_unknown_issuer',
  malformed: 'pki.cert_malformed',
};

function sameName(a: Name, b: Name): boolean {
  return Buffer.from(nameDer(a)).equals(Buffer.from(nameDer(b)));
}

function result(status: CertificateCheckStatus, cert?: ParsedCertificate, profile?: CaProfile): CertificateCheck {
  const code = codes[status];
  return {
    status,
    code,
    message: code ? messageOf(code) : '证书有效',
    serial: cert?.serial ?? null,
    profile: profile ?? null,
    subject: cert ? Object.fromEntries(Object.entries(cert.subject).filter(([, v]) => typeof v === 'string' && v)) : null,
  };
}

/**
 * Checks a certificate against the platform's roots: issuer and key identifier, signature, validity
 * at `at`, then the CA's own revocation record. A certificate revoked for keyCompromise counts as
 * revoked at every instant (whoever holds the key can backdate); other reasons from `revoked_at` on.
 */
export async function checkCertificate(
  input: string | Uint8Array,
  at: Date,
  roots: readonly TrustedRoot[],
  lookup: (serial: string) => Promise<CertificateRow | undefined>,
): Promise<CertificateCheck> {
  let cert: ParsedCertificate;
  try {
    cert = parseCertificate(input);
  } catch {
    return result('malformed');
  }
  const root = roots.find(
    (r) =>
      sameName(r.certificate.subjectName, cert.issuer) &&
      (cert.authorityKeyId === undefined || cert.authorityKeyId === Buffer.from(keyIdOf(r.certificate.spki)).toString('hex')),
  );
  if (!root) return result('unknown_issuer', cert);
  if (cert.signatureProfile !== root.profile || !verifyData(root.profile, root.certificate.spki, cert.tbs, cert.signature)) {
    return result('bad_signature', cert, root.profile);
  }
  const record = await lookup(cert.serial);
  // A certificate this CA signed but has no record of is not one it vouches for.
  if (!record || record.root_id !== root.id) return result('unknown_issuer', cert, root.profile);
  if (record.status === 'revoked' && record.revoked_at) {
    if (record.revocation_reason === 'keyCompromise' || new Date(record.revoked_at) <= at) return result('revoked', cert, root.profile);
  }
  if (at < cert.notBefore) return result('not_yet_valid', cert, root.profile);
  if (at > cert.notAfter) return result('expired', cert, root.profile);
  return result('valid', cert, root.profile);
}
