import type { Actor, RoleGrant } from '../actor.js';

/**
 * An organisation's materialised path, `/id1/id2/…/idN/` from the root down to the organisation
 * itself (the orgs table's `path`). The platform knows no organisations: callers pass the path in.
 */
export type OrgPath = string;

/** The organisation ids on a path, root first. */
export const orgIdsOnPath = (path: OrgPath): string[] => path.split('/').filter(Boolean);

/** Whether one grant reaches the organisation at `path`: its own org, or (subtree) any org below it. */
export function grantCovers(grant: Pick<RoleGrant, 'orgId' | 'scope'>, path: OrgPath): boolean {
  const ids = orgIdsOnPath(path);
  if (ids.at(-1) === grant.orgId) return true;
  return grant.scope === 'subtree' && ids.includes(grant.orgId);
}

/**
 * Whether the actor holds `role`. Without `orgPath`, anywhere; with it, in a grant that covers that
 * organisation (held there, or held with its subtree at an ancestor). A `null` path (an object that
 * belongs to no organisation) is covered by no grant.
 */
export function holdsRole(actor: Actor | null | undefined, role: string, orgPath?: OrgPath | null): boolean {
  if (!actor) return false;
  if (orgPath === undefined) return actor.roles.some((g) => g.role === role);
  if (orgPath === null) return false;
  return actor.roles.some((g) => g.role === role && grantCovers(g, orgPath));
}

/** Whether the actor holds any of `roles` over the organisation at `orgPath` (or anywhere). */
export function holdsAnyRole(actor: Actor | null | undefined, roles: readonly string[], orgPath?: OrgPath | null): boolean {
  return roles.some((role) => holdsRole(actor, role, orgPath));
}

/** The actor's grants of `role`: what a repository needs to restrict a list to the actor's scope. */
export function grantsOf(actor: Actor | null | undefined, role: string): RoleGrant[] {
  return actor ? actor.roles.filter((g) => g.role === role) : [];
}
