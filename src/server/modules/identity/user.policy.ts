import { definePolicy, holdsRole, type OrgPath } from '../../platform/policy/index.js';

/** What the user policy judges: the account's organisation and status. */
export interface UserScope {
  /** Path of the user's organisation; null when it is gone (then no grant reaches it). */
  readonly orgPath: OrgPath | null;
  readonly status: 'active' | 'disabled';
}

/** Account administration as a whole (the list, the create form): the 系统管理员 anywhere. */
export const accountAdminPolicy = definePolicy('users', {
  manage: (actor, _area: void) => holdsRole(actor, 'sysadmin'),
});

const inScope = (actor: Parameters<typeof holdsRole>[0], user: UserScope) => holdsRole(actor, 'sysadmin', user.orgPath);

/**
 * One account, managed by a 系统管理员 whose grant covers the account's organisation. Accounts
 * outside that scope answer 404 (`identity.user_not_found`), so nothing about them is disclosed.
 */
export const userPolicy = definePolicy(
  'user',
  {
    read: inScope,
    edit: inScope,
    disable: (actor, user: UserScope) => user.status === 'active' && inScope(actor, user),
    enable: (actor, user: UserScope) => user.status === 'disabled' && inScope(actor, user),
    grant: inScope,
    revoke: inScope,
    endSessions: inScope,
  },
  { conceal: { unless: 'read', as: 'identity.user_not_found' } },
);

/** Placing an account or a role grant in an organisation: the organisation must be in the admin's scope. */
export const placementPolicy = definePolicy('org-placement', {
  place: (actor, org: { readonly path: OrgPath | null }) => holdsRole(actor, 'sysadmin', org.path),
});

export const userActions = userPolicy.actions;
