import { definePolicy, holdsRole } from '../../platform/policy/index.js';
import type { SecondFactorMethod } from './security-policy.js';

/** A signed-in user's own account: every user changes his password and enrols a second factor. */
export const accountPolicy = definePolicy('account', {
  changePassword: (_actor, _self: void) => true,
  enrolSecondFactor: (_actor, _self: void) => true,
});

/** A user's second factors as the security policy judges them. */
export interface SecondFactorState {
  /** The methods the policy accepts. */
  readonly accepted: readonly SecondFactorMethod[];
  /** The methods the user has enrolled, accepted or not. */
  readonly enrolled: readonly SecondFactorMethod[];
  readonly required: boolean;
}

/**
 * What a user may do to his own second factors: enrol a method the policy accepts, and remove the
 * certificate unless the policy requires a second factor and no other accepted one is enrolled.
 */
export const secondFactorPolicy = definePolicy('second-factor', {
  enrolTotp: (_actor, state: SecondFactorState) => state.accepted.includes('totp'),
  enrolCertificate: (_actor, state: SecondFactorState) => state.accepted.includes('sm2'),
  removeCertificate: (_actor, state: SecondFactorState) =>
    state.enrolled.includes('sm2') && (!state.required || state.enrolled.some((m) => m !== 'sm2' && state.accepted.includes(m))),
});

/** A session: its owner ends it; anybody else's is not found. */
export const sessionPolicy = definePolicy(
  'session',
  { end: (actor, session: { readonly userId: string }) => session.userId === actor.userId },
  { conceal: { unless: 'end', as: 'identity.session_not_found' } },
);

/** The deployment's security policy: the 安全管理员 reads and sets it (三员分立). */
export const securitySettingsPolicy = definePolicy('security-policy', {
  read: (actor, _settings: void) => holdsRole(actor, 'secadmin'),
  update: (actor, _settings: void) => holdsRole(actor, 'secadmin'),
});

export const sessionActions = sessionPolicy.actions;
export const secondFactorActions = secondFactorPolicy.actions;
export const securitySettingsActions = securitySettingsPolicy.actions;
