import type { Actor } from '../actor.js';
import { AppError } from '../errors/app-error.js';

/** One rule: may the (signed-in) actor take this action on this object? */
export type Rule<O> = (actor: Actor, object: O) => boolean;

export interface PolicyOptions<A extends string> {
  /**
   * Department isolation: when an action on an object is refused and the actor may not even see the
   * object (`unless` refused too), answer this error code (a 404) instead of `auth.forbidden`, so
   * nothing is disclosed about objects outside the actor's organisations.
   */
  readonly conceal?: { readonly unless: A; readonly as: string };
}

/** A module's declared actions on one resource, as made by {@link definePolicy}. */
export interface Policy<R extends string, O, A extends string> {
  readonly resource: R;
  readonly rules: { readonly [K in A]: Rule<O> };
  readonly actions: readonly A[];
  readonly options: PolicyOptions<A>;
}

/** The actions a policy declares (the strings its responses may carry in `actions`). */
export type ActionOf<P> = P extends Policy<string, unknown, infer A> ? A : never;
/** The object a policy's rules judge. */
export type ObjectOf<P> = P extends Policy<string, infer O, string> ? O : never;

/**
 * Declares the actions on one resource, one rule each:
 *
 *   export const orgPolicy = definePolicy('org', {
 *     read: () => true,
 *     import: (actor, org: OrgScope) => holdsRole(actor, 'sysadmin', org.path),
 *   });
 *
 * Rules receive a signed-in actor only: an anonymous caller may do nothing a policy declares.
 */
export function definePolicy<R extends string, O, A extends string>(
  resource: R,
  rules: { readonly [K in A]: Rule<O> },
  options: PolicyOptions<NoInfer<A>> = {},
): Policy<R, O, A> {
  return { resource, rules, actions: Object.keys(rules) as A[], options };
}

/** Whether the actor may take `action` on `object`. */
export function can<O, A extends string>(actor: Actor | null | undefined, policy: Policy<string, O, A>, action: A, object: O): boolean {
  return Boolean(actor) && policy.rules[action](actor!, object);
}

/** Every action the actor may take on `object`, in declaration order: the `actions` field of a response. */
export function allowedActions<O, A extends string>(actor: Actor | null | undefined, policy: Policy<string, O, A>, object: O): A[] {
  if (!actor) return [];
  return policy.actions.filter((action) => policy.rules[action](actor, object));
}

/**
 * Throws unless the actor may take `action` on `object`: `auth.required` for an anonymous caller,
 * the policy's concealing code (404) when the actor may not even see the object, else
 * `auth.forbidden` (audited by the platform error handler). Returns the actor.
 */
export function authorize<O, A extends string>(
  actor: Actor | null | undefined,
  policy: Policy<string, O, A>,
  action: A,
  object: O,
): Actor {
  if (!actor) throw new AppError('auth.required');
  if (policy.rules[action](actor, object)) return actor;
  const conceal = policy.options.conceal;
  if (conceal && (conceal.unless === action || !policy.rules[conceal.unless](actor, object))) throw new AppError(conceal.as);
  throw new AppError('auth.forbidden', { details: { resource: policy.resource, action } });
}

/**
 * The bulk check for lists (Immich's `checkAccess`): the ids of the objects the actor may take
 * `action` on, judged in one pass over objects loaded together.
 */
export function allowedIds<O, A extends string>(
  actor: Actor | null | undefined,
  policy: Policy<string, O, A>,
  action: A,
  objects: readonly O[],
  idOf: (object: O) => string,
): Set<string> {
  if (!actor) return new Set();
  return new Set(objects.filter((o) => policy.rules[action](actor, o)).map(idOf));
}

/** Adds the actor's `actions` to each object: what the workbench shows as buttons. */
export function withActions<O, A extends string, T extends object>(
  actor: Actor | null | undefined,
  policy: Policy<string, O, A>,
  item: T,
  object: O,
): T & { actions: A[] } {
  return { ...item, actions: allowedActions(actor, policy, object) };
}
