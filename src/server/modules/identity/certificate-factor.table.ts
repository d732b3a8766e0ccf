import type { Selectable } from 'kysely';

/** An account's SM2 certificate second factor: a personal certificate of the platform's CA. */
export interface UserCertificateFactorTable {
  user_id: string;
  /** The certificate's serial (hex, as the pki module keys it); bound to one account only. */
  serial: string;
  certificate_pem: string;
  common_name: string;
  not_before: string;
  not_after: string;
  enrolled_at: string;
  last_used_at: string | null;
}

/** A nonce handed out on the account page for binding a certificate; deleted when used. */
export interface CertificateFactorNonceTable {
  nonce: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export type UserCertificateFactorRow = Selectable<UserCertificateFactorTable>;

declare module '../../db/schema.js' {
  interface Database {
    user_certificate_factors: UserCertificateFactorTable;
    certificate_factor_nonces: CertificateFactorNonceTable;
  }
}
