import type { AppContext, PlatformModule } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { pkiPublicRoutes, pkiRoutes } from './pki.routes.js';
import { type PkiService, createPkiService } from './pki.service.js';

export { createPkiService, type IssueResult, type PkiService, type RootNames } from './pki.service.js';
export type { PublishedCrl } from './pki.present.js';
export type { CertificateCheck, CertificateCheckStatus, CertificateInfo, IssueRequest } from './pki.schema.js';
export { caPolicy, certificatePolicy, issuePolicy, type CertificateScope } from './pki.policy.js';
export { caProfiles, type CaProfile } from './pki.keys.js';
export { revocationReasons, type RevocationReason } from './pki.x509.js';
export { pkiErrors } from './pki.errors.js';
export { certificateCheckStatuses } from './pki.schema.js';
export { parseCertificate, type ParsedCertificate } from './pki.x509.js';

/**
 * The internal CA. Other modules use `createPkiService(ctx).verifyCertificate(pem, { at })` to check
 * a seal or personal certificate (a status plus an error code such as `pki.cert_revoked`) and
 * `sealPrivateKey(serial)` to seal with a key the CA generated. Platform keys are loaded from
 * `config.keyFile` on first use (until AppContext carries them).
 */
const services = new WeakMap<AppContext, PkiService>();
/** One service per application, so the API and the public pages share the key and root caches. */
function serviceOf(ctx: AppContext): PkiService {
  let service = services.get(ctx);
  if (!service) services.set(ctx, (service = createPkiService(ctx)));
  return service;
}

export const pkiModule: PlatformModule = {
  name: 'pki',
  api: async (app, { ctx }) => {
    await app.register(pkiRoutes, { pki: serviceOf(ctx), orgs: createOrgService(ctx) });
  },
  pages: async (app, { ctx }) => {
    await app.register(pkiPublicRoutes, { pki: serviceOf(ctx) });
  },
  // Private keys the CA keeps (roots, generated seal keys), in SM4 envelopes under the data key.
  sealedColumns: [
    { table: 'ca_roots', key: 'id', column: 'private_key_envelope', context: 'pki.ca_root' },
    { table: 'certificates', key: 'serial', column: 'sealed_private_key', context: 'pki.seal_key' },
  ],
  nav: [{ key: 'pki', label: '证书管理', icon: 'SafetyCertificateOutlined', order: 87, roles: ['secadmin'] }],
};
