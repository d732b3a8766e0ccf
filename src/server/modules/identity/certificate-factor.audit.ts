/** Audit events of the SM2 certificate second factor (a sign-in with it is `auth.sign_in`, method `password+sm2`). */
declare module '../../platform/audit/index.js' {
  interface AuditEvents {
    /** A certificate bound to the account, on the account page or at a sign-in that required it. */
    'account.certificate_enrol': { serial: string; commonName: string; notAfter: string; replaced: string | null; atSignIn: boolean };
    'account.certificate_remove': { serial: string };
  }
}

export {};
