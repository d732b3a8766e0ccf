import type { Insertable, Selectable } from 'kysely';
import type { CaProfile } from './pki.keys.js';
import type { RevocationReason } from './pki.x509.js';

export type CertificateKind = 'root' | 'seal' | 'personal';
export type CertificateStatus = 'valid' | 'revoked';

export interface CaRootTable {
  id: string;
  /** One root per profile. */
  profile: CaProfile;
  serial: string;
  certificate_pem: string;
  /** PKCS#8 PEM in an SM4 envelope under the platform data key (base64), context `pki.ca_root:<id>`. */
  private_key_envelope: string;
  created_at: string;
}

export interface CertificateTable {
  /** 16 random bytes, hex, positive. */
  serial: string;
  root_id: string;
  profile: CaProfile;
  kind: CertificateKind;
  common_name: string;
  organization: string | null;
  organizational_unit: string | null;
  /** 统一社会信用代码, written as the subject's serialNumber. */
  credit_code: string | null;
  org_id: string | null;
  /** The person's username (UID) on personal certificates. */
  username: string | null;
  not_before: string;
  not_after: string;
  certificate_pem: string;
  status: CertificateStatus;
  revoked_at: string | null;
  revocation_reason: RevocationReason | null;
  /**
   * Only for seal keys the CA generated: PKCS#8 PEM in an SM4 envelope under the platform data key
   * (base64), context `pki.seal_key:<serial>`, so the documents module can seal later.
   */
  sealed_private_key: string | null;
  created_at: string;
  created_by: string | null;
}

export interface CrlNumberTable {
  root_id: string;
  number: number;
  this_update: string;
  next_update: string;
  /** The signed CRL, DER as base64. */
  crl_der: string;
}

export type CaRootRow = Selectable<CaRootTable>;
export type CertificateRow = Selectable<CertificateTable>;
export type NewCertificateRow = Insertable<CertificateTable>;
export type CrlRow = Selectable<CrlNumberTable>;

declare module '../../db/schema.js' {
  interface Database {
    ca_roots: CaRootTable;
    certificates: CertificateTable;
    crl_numbers: CrlNumberTable;
  }
}
