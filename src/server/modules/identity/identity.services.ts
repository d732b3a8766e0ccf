import type { AppContext } from '../../platform/module.js';
import { createOrgService } from '../orgs/index.js';
import { createAccountService } from './account.service.js';
import { createAdminService } from './admin.service.js';
import { createCertificateFactorService } from './certificate-factor.service.js';
import { createSecurityPolicyService } from './security-policy.js';
import { createSessionService } from './session.service.js';
import { createSignInService } from './sign-in.service.js';
import { createTotpService } from './totp.service.js';

function build(ctx: AppContext) {
  const orgs = createOrgService(ctx);
  const policies = createSecurityPolicyService(ctx);
  const sessions = createSessionService(ctx, policies);
  const totp = createTotpService(ctx);
  const certificates = createCertificateFactorService(ctx, { policies, totp });
  const signIn = createSignInService(ctx, { policies, sessions, totp, certificates });
  const account = createAccountService(ctx, { policies, sessions, totp, signIn, certificates });
  const admin = createAdminService(ctx, { orgs, policies, certificates });
  return { orgs, policies, sessions, totp, certificates, signIn, account, admin };
}

export type IdentityServices = ReturnType<typeof build>;

const byContext = new WeakMap<AppContext, IdentityServices>();

/** One set of services per application, shared by the request hook and the routes (one policy cache). */
export function identityServices(ctx: AppContext): IdentityServices {
  let services = byContext.get(ctx);
  if (!services) byContext.set(ctx, (services = build(ctx)));
  return services;
}
