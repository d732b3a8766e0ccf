import { definePolicy, holdsRole } from '../../platform/policy/index.js';

/** A signed-in user's own account: every user changes his password and enrols a second factor. */
export const accountPolicy = definePolicy('account', {
  changePassword: (_actor, _self: void) => true,
  enrolSecondFactor: (_actor, _self: void) => true,
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
export const securitySettingsActions = securitySettingsPolicy.actions;
