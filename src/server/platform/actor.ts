import { AppError } from './errors/app-error.js';

/** A role held by a user in an organisation, alone or with its whole subtree. */
export interface RoleGrant {
  readonly role: string;
  readonly orgId: string;
  readonly scope: 'org' | 'subtree';
}

/**
 * Who is acting. The identity module fills `request.actor` at start-up; other modules depend on
 * this interface only, never on identity's tables.
 */
export interface Actor {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: string;
  readonly roles: readonly RoleGrant[];
  readonly isDemo: boolean;
  readonly sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The signed-in actor, or an `auth.required` error. */
export function requireActor(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

/** Whether the actor holds `role` anywhere; org-scoped checks are `holdsRole` in platform/policy. */
export function holdsRoleAnywhere(actor: Actor, role: string): boolean {
  return actor.roles.some((grant) => grant.role === role);
}

/** Throws `auth.forbidden` unless the actor holds `role` somewhere. */
export function requireRole(request: { actor: Actor | null }, role: string): Actor {
  const actor = requireActor(request);
  if (!holdsRoleAnywhere(actor, role)) throw new AppError('auth.forbidden');
  return actor;
}
