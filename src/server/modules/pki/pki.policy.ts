import { definePolicy, holdsRole, type OrgPath } from '../../platform/policy/index.js';

/** What the certificate policy judges: the holder's organisation, kind and status. */
export interface CertificateScope {
  /** Path of the certificate's organisation; null for certificates of no organisation (roots, some personal ones). */
  readonly orgPath: OrgPath | null;
  readonly kind: 'root' | 'seal' | 'personal';
  readonly status: 'valid' | 'revoked';
}

/**
 * The 安全管理员 manages certificates (三员分立); a certificate of an organisation only within his
 * grant's scope. Certificates of no organisation (the roots, personal ones issued without one) are
 * the whole deployment's and visible to every 安全管理员.
 */
const covers = (actor: Parameters<typeof holdsRole>[0], cert: CertificateScope) =>
  cert.orgPath === null ? holdsRole(actor, 'secadmin') : holdsRole(actor, 'secadmin', cert.orgPath);

/** The CA as a whole: the certificate list, the CRL, verification. */
export const caPolicy = definePolicy('ca', {
  manage: (actor, _ca: void) => holdsRole(actor, 'secadmin'),
});

/** One certificate. Out of scope reads as not found (`pki.not_found`). */
export const certificatePolicy = definePolicy(
  'certificate',
  {
    read: covers,
    revoke: (actor, cert: CertificateScope) => cert.kind !== 'root' && cert.status === 'valid' && covers(actor, cert),
  },
  { conceal: { unless: 'read', as: 'pki.not_found' } },
);

const coversOrg = (actor: Parameters<typeof holdsRole>[0], org: { readonly path: OrgPath | null }) =>
  org.path === null ? holdsRole(actor, 'secadmin') : holdsRole(actor, 'secadmin', org.path);

/** An organisation's certificates: issue one for it (null: a personal one of no organisation), list them. */
export const issuePolicy = definePolicy('org-certificates', { issue: coversOrg, list: coversOrg });

export const certificateActions = certificatePolicy.actions;
