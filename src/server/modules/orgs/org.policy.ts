import { definePolicy, holdsRole, type OrgPath } from '../../platform/policy/index.js';

/** What a policy needs to know of an organisation: where it sits in the tree. */
export interface OrgScope {
  readonly path: OrgPath;
}

/** The registry as a whole: every signed-in user reads it; the 系统管理员 imports into it. */
export const orgRegistryPolicy = definePolicy('orgs', {
  read: () => true,
  import: (actor, _registry: void) => holdsRole(actor, 'sysadmin'),
});

/** One organisation: the actions its detail page offers. */
export const orgPolicy = definePolicy('org', {
  /** Load a CSV of organisations below this one. */
  import: (actor, org: OrgScope) => holdsRole(actor, 'sysadmin', org.path),
  /** Change its names, codes and document prefixes. */
  edit: (actor, org: OrgScope) => holdsRole(actor, 'sysadmin', org.path),
});

export const orgActions = orgPolicy.actions;
